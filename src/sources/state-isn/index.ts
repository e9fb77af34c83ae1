// State Department Nonproliferation Sanctions (isn.csv → us_state_isn) as a SourceFormat.
// See docs/design/sources-core-b1.md.
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { readGroupedParties } from '../common/grouped-parties.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { isnKey, mapIsnParty } from './state-isn.map.ts';
import { parseIsn } from './state-isn.parse.ts';

const ISN_LIST: ListId = listId('us_state_isn');

/** True for a CSV whose header row is the ISN list's (Source List, Programs, Name, Alternative Names, …). */
export function detectIsn(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input).toLowerCase();
  return /^"?source list"?,"?programs"?,"?name"?,"?alternative names"?,/.test(header);
}

/** Reads isn.csv: one entity per party, its rows (one per program) grouped by name and country. */
export function readIsn(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? ISN_LIST;
  return readGroupedParties(path, list, {
    parse: parseIsn,
    key: isnKey,
    map: (rows) => mapIsnParty(rows, list),
  });
}

/** Format id `state_isn`. */
export const stateIsnFormat: SourceFormat = {
  id: 'state_isn',
  description: 'US State Department Nonproliferation Sanctions (ISN) list, CSV as published for the CSL',
  detect: detectIsn,
  read: readIsn,
};
