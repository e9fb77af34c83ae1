// Reads a list file into entities without storing them (used by evaluation tools and tests).
import type { Entity } from '../domain/entity.ts';
import type { ListId } from '../domain/ids.ts';
import type { ImportWarning } from '../sources/types.ts';
import { chooseFormat } from './detect.ts';

export interface ReadResult {
  listId: ListId | undefined;
  entities: Entity[];
  warnings: ImportWarning[];
  rowsRead: number;
}

/** Reads every event of a list input into memory. */
export async function readListFile(
  path: string,
  options: { format?: string; listId?: ListId; today?: string } = {},
): Promise<ReadResult> {
  const format = await chooseFormat(path, options.format);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const result: ReadResult = { listId: undefined, entities: [], warnings: [], rowsRead: 0 };
  const readOptions = options.listId === undefined ? { today } : { today, listId: options.listId };
  for await (const event of format.read(path, readOptions)) {
    if (event.type === 'list') result.listId = event.listId;
    else if (event.type === 'entity') result.entities.push(event.entity);
    else if (event.type === 'warning') result.warnings.push(event.warning);
    else result.rowsRead = event.rowsRead;
  }
  return result;
}
