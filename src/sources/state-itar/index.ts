// State DDTC ITAR statutorily debarred parties (itar_debarred_party_list_*.csv → us_state_itar) as a
// SourceFormat. See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import { RowGroups } from '../bis-dpl/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { itarKey, mapItarParty } from './state-itar.map.ts';
import { parseItar, type ItarRow } from './state-itar.parse.ts';

const ITAR_LIST: ListId = listId('us_state_itar');

/** True for a CSV whose header starts with Party Name, Date Of Birth, Federal Register Notice. */
export function detectItar(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = (input.head.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '').toLowerCase();
  return /^"?party name"?,"?date of birth"?,"?federal register notice"?/.test(header);
}

/** Reads the ITAR list: one entity per party, its rows (one per notice) grouped by name. */
export async function* readItar(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? ITAR_LIST;
  const file = basename(path);
  yield { type: 'list', listId: list };
  const groups = new RowGroups<ItarRow>(file);
  let rowsRead = 0;
  for await (const event of parseItar(path)) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const note = groups.add(itarKey(event.row), event.line, event.row);
      if (note !== undefined) yield { type: 'warning', warning: note };
    }
  }
  for (const { line, rows } of groups.groups()) {
    const { entity, notes } = mapItarParty(rows, list);
    for (const reason of notes) yield { type: 'warning', warning: { file, line, reason, severity: 'note' } };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `state_itar`. */
export const stateItarFormat: SourceFormat = {
  id: 'state_itar',
  description: 'US State Department (DDTC) ITAR statutorily debarred parties, CSV',
  detect: detectItar,
  read: readItar,
};
