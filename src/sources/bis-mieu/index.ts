// BIS Military-Intelligence End-User list (mieu.csv → us_bis_mieu) as a SourceFormat.
// See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import { RowGroups } from '../bis-dpl/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapMieuParty, mieuKey } from './bis-mieu.map.ts';
import { MIEU_COLUMNS, parseMieu, type MieuRow } from './bis-mieu.parse.ts';

const MIEU_LIST: ListId = listId('us_bis_mieu');

/** True for a CSV whose header row is exactly the MIEU table's. */
export function detectMieu(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = (input.head.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '').toLowerCase();
  return (
    header
      .split(',')
      .map((h) => h.replace(/"/g, '').trim())
      .join(',') === MIEU_COLUMNS.join(',').toLowerCase()
  );
}

/** Reads the MIEU table: one entity per party. */
export async function* readMieu(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? MIEU_LIST;
  const file = basename(path);
  yield { type: 'list', listId: list };
  const groups = new RowGroups<MieuRow>(file);
  let rowsRead = 0;
  for await (const event of parseMieu(path)) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const note = groups.add(mieuKey(event.row), event.line, event.row);
      if (note !== undefined) yield { type: 'warning', warning: note };
    }
  }
  for (const { line, rows } of groups.groups()) {
    const { entity, notes } = mapMieuParty(rows, list, options.today);
    for (const reason of notes) yield { type: 'warning', warning: { file, line, reason, severity: 'note' } };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `bis_mieu`. */
export const bisMieuFormat: SourceFormat = {
  id: 'bis_mieu',
  description: 'BIS Military-Intelligence End-User list (EAR §744.22), OpenSanctions table (mieu.csv)',
  detect: detectMieu,
  read: readMieu,
};
