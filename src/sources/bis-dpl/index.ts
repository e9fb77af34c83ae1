// BIS Denied Persons List (dpl.txt → us_bis_dpl) as a SourceFormat. See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { listId, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ImportWarning, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { dplKey, mapDplParty } from './bis-dpl.map.ts';
import { parseDpl, type DplRow } from './bis-dpl.parse.ts';

const DPL_LIST: ListId = listId('us_bis_dpl');

/** True for a tab-separated file whose header starts with the DPL's Name and Street_Address columns. */
export function detectDpl(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = (input.head.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '');
  const columns = header.split('\t').map((c) => c.replace(/"/g, '').trim().toLowerCase());
  return columns[0] === 'name' && columns.includes('street_address') && columns.includes('fr_citation');
}

interface Group {
  line: number;
  rows: DplRow[];
}

/**
 * Fields whose values the party's rows should share; the others are per address or merged by the mapper
 * (citations and actions are collected, the latest Last_Update and Expiration_Date win).
 */
const SHARED_FIELDS: readonly (keyof DplRow)[] = ['expirationDate', 'standardOrder'];

function conflicts(a: DplRow, b: DplRow): string[] {
  return SHARED_FIELDS.filter((k) => a[k] !== b[k]);
}

/**
 * Groups rows by party (dplKey). Another address of a party is the list's layout and joins silently; a row
 * equal to an earlier one, or one whose expiry or standard-order flag differs, is a note: no row is lost or
 * overridden without a word.
 */
function addToGroup(
  groups: Map<string, Group>,
  line: number,
  row: DplRow,
  file: string,
): ImportWarning | undefined {
  const key = dplKey(row);
  const group = groups.get(key);
  if (group === undefined) {
    groups.set(key, { line, rows: [row] });
    return undefined;
  }
  const first = group.rows[0]!;
  if (group.rows.some((r) => JSON.stringify(r) === JSON.stringify(row))) {
    return {
      file,
      line,
      reason: `row repeats a row of the party at line ${group.line} word for word; kept once`,
      severity: 'note',
    };
  }
  group.rows.push(row);
  const differ = conflicts(first, row);
  if (differ.length === 0) return undefined;
  const reason = `row of the party at line ${group.line} with another ${differ.join(' and ')}; the latest expiration date is kept`;
  return { file, line, reason, severity: 'note' };
}

/** Reads dpl.txt: one entity per denied party, the rows of a party grouped (see addToGroup). */
export async function* readDpl(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? DPL_LIST;
  const file = basename(path);
  yield { type: 'list', listId: list };
  const groups = new Map<string, Group>();
  let rowsRead = 0;
  for await (const event of parseDpl(path)) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const note = addToGroup(groups, event.line, event.row, file);
      if (note !== undefined) yield { type: 'warning', warning: note };
    }
  }
  for (const { line, rows } of groups.values()) {
    const { entity, notes } = mapDplParty(rows, list, options.today);
    for (const reason of notes) yield { type: 'warning', warning: { file, line, reason, severity: 'note' } };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `bis_dpl`. */
export const bisDplFormat: SourceFormat = {
  id: 'bis_dpl',
  description: 'BIS Denied Persons List (dpl.txt, tab-separated)',
  detect: detectDpl,
  read: readDpl,
};
