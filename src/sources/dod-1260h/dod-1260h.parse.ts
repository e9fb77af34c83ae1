// Bytes → raw rows of the DoD Section 1260H list as transcribed by OpenSanctions (us_dod_1260h/sanctions.csv):
// `Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date, Source Url`, one row per
// company per edition that listed it (FY2021 NDAA §1260H; editions 2021-06-03 … 2026-06-08).
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const DOD_1260H_COLUMNS = ['Name', 'Clean Name', 'Alias', 'Previous Name', 'Parent Name', 'Note', 'Start date', 'End date'] as const;

/** One listing period of one company, values as printed. */
export interface Dod1260hRow {
  file: string;
  line: number;
  /** As printed in the edition, e.g. with a trailing `*`. */
  name: string;
  cleanName: string;
  alias: string;
  previousName: string;
  parentName: string;
  note: string;
  startDate: string;
  endDate: string;
  sourceUrl: string;
}

export type Dod1260hParseEvent =
  | { type: 'record'; record: Dod1260hRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row with neither Clean Name nor Name is a bad_record warning. */
export async function* parseDod1260h(path: string): AsyncGenerator<Dod1260hParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  for await (const event of csvTable(text, { file, required: DOD_1260H_COLUMNS, expected: 'a DoD 1260H list table' })) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const record = toRow(file, event.line, event.row);
    if (record.cleanName === '' && record.name === '') {
      yield { type: 'warning', warning: { file, line: event.line, reason: 'row has no Name and no Clean Name; skipped', severity: 'bad_record' } };
    } else yield { type: 'record', record };
  }
  yield { type: 'end', rowsRead };
}

function toRow(file: string, line: number, row: Record<string, string>): Dod1260hRow {
  const v = (c: string): string => cell(row, c).replace(/\s+/g, ' ');
  return {
    file, line, name: v('Name'), cleanName: v('Clean Name') || v('Name').replace(/\*+$/, '').trim(),
    alias: v('Alias'), previousName: v('Previous Name'), parentName: v('Parent Name'), note: v('Note'),
    startDate: v('Start date'), endDate: v('End date'), sourceUrl: v('Source Url'),
  };
}
