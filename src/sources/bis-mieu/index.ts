// BIS Military-Intelligence End-User list (mieu.csv → us_bis_mieu) as a SourceFormat.
// See docs/design/sources-core-b1.md.
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { readGroupedParties } from '../common/grouped-parties.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapMieuParty, mieuKey } from './bis-mieu.map.ts';
import { MIEU_COLUMNS, parseMieu } from './bis-mieu.parse.ts';

const MIEU_LIST: ListId = listId('us_bis_mieu');

/** True for a CSV whose header row is exactly the MIEU table's. */
export function detectMieu(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input).toLowerCase();
  return (
    header
      .split(',')
      .map((h) => h.replace(/"/g, '').trim())
      .join(',') === MIEU_COLUMNS.join(',').toLowerCase()
  );
}

/** Reads the MIEU table: one entity per party. */
export function readMieu(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? MIEU_LIST;
  return readGroupedParties(path, list, {
    parse: parseMieu,
    key: mieuKey,
    map: (rows) => mapMieuParty(rows, list, options.today),
  });
}

/** Format id `bis_mieu`. */
export const bisMieuFormat: SourceFormat = {
  id: 'bis_mieu',
  description: 'BIS Military-Intelligence End-User list (EAR §744.22), OpenSanctions table (mieu.csv)',
  detect: detectMieu,
  read: readMieu,
};
