// Bytes → raw rows of the BIS Military-Intelligence End-User list (EAR §744.22, Supplement No. 7 to Part 744)
// as transcribed by OpenSanctions (CC BY-NC 4.0): CSV with the header
// Type, Name, Alias, Country, Topics, Program, Date, End date, Source URL.
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const MIEU_COLUMNS = [
  'Type',
  'Name',
  'Alias',
  'Country',
  'Topics',
  'Program',
  'Date',
  'End date',
  'Source URL',
] as const;

/** One row as printed (values trimmed). */
export interface MieuRow {
  type: string;
  name: string;
  alias: string;
  country: string;
  topics: string;
  program: string;
  date: string;
  endDate: string;
  sourceUrl: string;
}

export type MieuParseEvent =
  | { type: 'row'; line: number; row: MieuRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export async function* parseMieu(path: string): AsyncGenerator<MieuParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  const table = csvTable(text, {
    file,
    required: MIEU_COLUMNS,
    expected: 'a BIS MIEU list table (mieu.csv)',
  });
  for await (const event of table) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const v = (column: string): string => cell(event.row, column).replace(/\s+/g, ' ').trim();
    const row: MieuRow = {
      type: v('Type'),
      name: v('Name'),
      alias: v('Alias'),
      country: v('Country'),
      topics: v('Topics'),
      program: v('Program'),
      date: v('Date'),
      endDate: v('End date'),
      sourceUrl: v('Source URL'),
    };
    if (row.name === '')
      yield {
        type: 'warning',
        warning: { file, line: event.line, reason: 'row has no Name; skipped', severity: 'bad_record' },
      };
    else yield { type: 'row', line: event.line, row };
  }
  yield { type: 'end', rowsRead };
}
