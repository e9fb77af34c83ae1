// State Department Nonproliferation Sanctions (isn.csv → us_state_isn) as a SourceFormat.
// See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import { RowGroups } from '../bis-dpl/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { isnKey, mapIsnParty } from './state-isn.map.ts';
import { parseIsn, type IsnRow } from './state-isn.parse.ts';

const ISN_LIST: ListId = listId('us_state_isn');

/** True for a CSV whose header row is the ISN list's (Source List, Programs, Name, Alternative Names, …). */
export function detectIsn(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = (input.head.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '').toLowerCase();
  return /^"?source list"?,"?programs"?,"?name"?,"?alternative names"?,/.test(header);
}

/** Reads isn.csv: one entity per party, its rows (one per program) grouped by name and country. */
export async function* readIsn(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? ISN_LIST;
  const file = basename(path);
  yield { type: 'list', listId: list };
  const groups = new RowGroups<IsnRow>(file);
  let rowsRead = 0;
  for await (const event of parseIsn(path)) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const note = groups.add(isnKey(event.row), event.line, event.row);
      if (note !== undefined) yield { type: 'warning', warning: note };
    }
  }
  for (const { line, rows } of groups.groups()) {
    const { entity, notes } = mapIsnParty(rows, list);
    for (const reason of notes) yield { type: 'warning', warning: { file, line, reason, severity: 'note' } };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `state_isn`. */
export const stateIsnFormat: SourceFormat = {
  id: 'state_isn',
  description: 'US State Department Nonproliferation Sanctions (ISN) list, CSV as published for the CSL',
  detect: detectIsn,
  read: readIsn,
};
