// Bytes → raw rows of the State Department Nonproliferation Sanctions list (ISN) as published for the CSL:
// CSV with the header Source List, Programs, Name, Alternative Names, Country, Federal Register Notice,
// Effective Date, Remarks/Notes, Web Link (one row per party per sanction program).
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const ISN_COLUMNS = [
  'Source List',
  'Programs',
  'Name',
  'Alternative Names',
  'Country',
  'Federal Register Notice',
  'Effective Date',
  'Remarks/Notes',
] as const;

/** One row as printed (values trimmed, inner whitespace collapsed). */
export interface IsnRow {
  program: string;
  name: string;
  alternativeNames: string;
  country: string;
  federalRegisterNotice: string;
  effectiveDate: string;
  remarks: string;
  webLink: string;
}

export type IsnParseEvent =
  | { type: 'row'; line: number; row: IsnRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export async function* parseIsn(path: string): AsyncGenerator<IsnParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  const table = csvTable(text, {
    file,
    required: ISN_COLUMNS,
    expected: 'a State ISN nonproliferation sanctions list (isn.csv)',
  });
  for await (const event of table) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const row = toRow(event.row);
    if (row.name === '')
      yield {
        type: 'warning',
        warning: { file, line: event.line, reason: 'row has no Name; skipped', severity: 'bad_record' },
      };
    else yield { type: 'row', line: event.line, row };
  }
  yield { type: 'end', rowsRead };
}

function toRow(row: Record<string, string>): IsnRow {
  const v = (column: string): string => cell(row, column).replace(/\s+/g, ' ').trim();
  return {
    program: v('Programs'),
    name: v('Name'),
    alternativeNames: v('Alternative Names'),
    country: v('Country'),
    federalRegisterNotice: v('Federal Register Notice'),
    effectiveDate: v('Effective Date'),
    remarks: v('Remarks/Notes'),
    webLink: v('Web Link'),
  };
}
