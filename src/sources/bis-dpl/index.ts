// BIS Denied Persons List (dpl.txt → us_bis_dpl) as a SourceFormat. See docs/design/sources-core-b1.md.
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { readGroupedParties } from '../common/grouped-parties.ts';
import type { RowGroup } from '../common/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { dplKey, mapDplParty } from './bis-dpl.map.ts';
import { parseDpl, type DplRow } from './bis-dpl.parse.ts';

const DPL_LIST: ListId = listId('us_bis_dpl');

/** True for a tab-separated file whose header starts with the DPL's Name and Street_Address columns. */
export function detectDpl(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input);
  const columns = header.split('\t').map((c) => c.replace(/"/g, '').trim().toLowerCase());
  return columns[0] === 'name' && columns.includes('street_address') && columns.includes('fr_citation');
}

/**
 * Fields whose values the party's rows should share; the others are per address or merged by the mapper
 * (citations and actions are collected, the latest Last_Update and Expiration_Date win).
 */
const SHARED_FIELDS: readonly (keyof DplRow)[] = ['expirationDate', 'standardOrder'];

/**
 * Rows are grouped by party (dplKey). Another address of a party is the list's layout and joins silently; a row
 * equal to an earlier one (RowGroups), or one whose expiry or standard-order flag differs, is a note: no row is
 * lost or overridden without a word.
 */
function conflict(group: RowGroup<DplRow>, row: DplRow): string | undefined {
  const differ = SHARED_FIELDS.filter((k) => group.rows[0]![k] !== row[k]);
  if (differ.length === 0) return undefined;
  return `row of the party at line ${group.line} with another ${differ.join(' and ')}; the latest expiration date is kept`;
}

/** Reads dpl.txt: one entity per denied party, the rows of a party grouped (see conflict). */
export function readDpl(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? DPL_LIST;
  return readGroupedParties(path, list, {
    parse: parseDpl,
    key: dplKey,
    conflict,
    map: (rows) => mapDplParty(rows, list, options.today),
  });
}

/** Format id `bis_dpl`. */
export const bisDplFormat: SourceFormat = {
  id: 'bis_dpl',
  description: 'BIS Denied Persons List (dpl.txt, tab-separated)',
  detect: detectDpl,
  read: readDpl,
};
