// What screen-file writes for one data row, before it is formatted as a JSON line or CSV lines.
import type { Match } from '../types.ts';
import type { FileParty, RowError } from './file-party.ts';

/** A jurisdiction finding (src/jurisdictions): the fields the CSV shows; JSON lines carry the whole object. */
export interface FileFinding {
  code: string;
  name: string;
  level: string;
  matched_on: string;
  value: string;
}

export type RowStatus = 'clear' | 'potential_match' | 'error';

export interface RowResult {
  row: number;
  line: number;
  /** The party as read; null when the row could not be read at all. */
  party: FileParty | null;
  matches: Match[];
  jurisdictions: readonly FileFinding[];
  error?: RowError;
}

/** `error` when the row was refused, `potential_match` when it has a match or a jurisdiction finding. */
export function statusOf(r: RowResult): RowStatus {
  if (r.error !== undefined) return 'error';
  return r.matches.length > 0 || r.jurisdictions.length > 0 ? 'potential_match' : 'clear';
}
