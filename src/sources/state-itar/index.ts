// State DDTC ITAR statutorily debarred parties (itar_debarred_party_list_*.csv → us_state_itar) as a
// SourceFormat. See docs/design/sources-core-b1.md.
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { readGroupedParties } from '../common/grouped-parties.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { itarKey, mapItarParty } from './state-itar.map.ts';
import { parseItar } from './state-itar.parse.ts';

const ITAR_LIST: ListId = listId('us_state_itar');

/** True for a CSV whose header starts with Party Name, Date Of Birth, Federal Register Notice. */
export function detectItar(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input).toLowerCase();
  return /^"?party name"?,"?date of birth"?,"?federal register notice"?/.test(header);
}

/** Reads the ITAR list: one entity per party, its rows (one per notice) grouped by name. */
export function readItar(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? ITAR_LIST;
  return readGroupedParties(path, list, {
    parse: parseItar,
    key: itarKey,
    map: (rows) => mapItarParty(rows, list),
  });
}

/** Format id `state_itar`. */
export const stateItarFormat: SourceFormat = {
  id: 'state_itar',
  description: 'US State Department (DDTC) ITAR statutorily debarred parties, CSV',
  detect: detectItar,
  read: readItar,
};
