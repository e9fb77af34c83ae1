// DoD Section 1260H list (OpenSanctions transcription with parent companies) as a SourceFormat.
// See docs/design/sources-core-b2.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { groupRecords, RowGroups } from '../common/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { dod1260hKey, mapDod1260h } from './dod-1260h.map.ts';
import { DOD_1260H_COLUMNS, parseDod1260h, type Dod1260hRow } from './dod-1260h.parse.ts';

/** True for a CSV whose header starts with the 1260H table's columns. */
export function detectDod1260h(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input);
  return header.startsWith(DOD_1260H_COLUMNS.slice(0, 5).join(','));
}

/** Reads the 1260H table: rows grouped by company, one entity per company with its tranches. */
export async function* readDod1260h(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('us_dod_1260h');
  yield { type: 'list', listId: list };
  const groups = new RowGroups<Dod1260hRow>(basename(path));
  const { rowsRead } = yield* groupRecords(parseDod1260h(path), groups, dod1260hKey);
  for (const { rows } of groups.groups()) {
    const { entity, warnings } = mapDod1260h(rows, list, options.today);
    for (const warning of warnings) yield { type: 'warning', warning };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `dod_1260h_csv`. */
export const dod1260hFormat: SourceFormat = {
  id: 'dod_1260h_csv',
  description:
    'DoD Section 1260H Chinese military companies list (OpenSanctions CSV: Name, Clean Name, Alias, Previous Name, Parent Name, …)',
  detect: detectDod1260h,
  read: readDod1260h,
};
