// PRC countermeasures, Unreliable Entity List and export-control lists (OpenSanctions table with Chinese
// names) as a SourceFormat. See docs/design/sources-core-b2.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { groupRecords, RowGroups } from '../common/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { cnKey, cnSourceId, mapCnSanctions } from './cn-sanctions.map.ts';
import { parseCnSanctions, type CnRow } from './cn-sanctions.parse.ts';

const HEADER_START = 'Type,QID,Name,Alias,Chinese name,Country';

/** True for a CSV whose header is the PRC table's. */
export function detectCnSanctions(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  return headerLine(input).startsWith(HEADER_START);
}

/** Reads the PRC table: rows grouped by party, one entity per party. */
export async function* readCnSanctions(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('cn_gov_sanctions');
  yield { type: 'list', listId: list };
  const groups = new RowGroups<CnRow>(basename(path));
  const { rowsRead } = yield* groupRecords(parseCnSanctions(path), groups, cnKey);
  const used = new Set<string>();
  for (const { key, rows } of groups.groups()) {
    // Two names sharing one QID stay two entities: the second keeps its name key.
    const id = used.has(cnSourceId(rows)) ? key : cnSourceId(rows);
    used.add(id);
    const { entity, warnings } = mapCnSanctions(rows, list, id, options.today);
    for (const warning of warnings) yield { type: 'warning', warning };
    if (entity !== undefined) yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `cn_sanctions_csv`. */
export const cnSanctionsFormat: SourceFormat = {
  id: 'cn_sanctions_csv',
  description:
    'PRC countermeasures / Unreliable Entity List / export-control lists (OpenSanctions CSV with Chinese names)',
  detect: detectCnSanctions,
  read: readCnSanctions,
};
