// Bytes → raw rows of the PRC measures table compiled by OpenSanctions (cn/sanctions.csv): MFA
// countermeasures, MOFCOM Unreliable Entity List (UEL), export-control control and watch lists, Taiwan
// Affairs Office lists. Columns `Type, QID, Name, Alias, Chinese name, Country, Topics, Summary, Chinese
// summary, Body, List, Date, End date, Source URL, Address`; one row per party per measure.
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const CN_COLUMNS = ['Type', 'QID', 'Name', 'Alias', 'Chinese name', 'Country', 'Body', 'List', 'Date', 'End date'] as const;

/** One measure against one party, values as printed. */
export interface CnRow {
  file: string;
  line: number;
  type: string;
  qid: string;
  name: string;
  alias: string;
  chineseName: string;
  country: string;
  topics: string;
  summary: string;
  chineseSummary: string;
  body: string;
  list: string;
  date: string;
  endDate: string;
  sourceUrl: string;
  address: string;
}

export type CnParseEvent =
  | { type: 'record'; record: CnRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row with neither an English nor a Chinese name is a bad_record warning. */
export async function* parseCnSanctions(path: string): AsyncGenerator<CnParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  for await (const event of csvTable(text, { file, required: CN_COLUMNS, expected: 'the PRC sanctions table (cn/sanctions.csv)' })) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const record = toRow(file, event.line, event.row);
    if (record.name === '' && record.chineseName === '') {
      yield { type: 'warning', warning: { file, line: event.line, reason: 'row has no Name and no Chinese name; skipped', severity: 'bad_record' } };
    } else yield { type: 'record', record };
  }
  yield { type: 'end', rowsRead };
}

function toRow(file: string, line: number, row: Record<string, string>): CnRow {
  const v = (c: string): string => cell(row, c).replace(/\s+/g, ' ');
  return {
    file, line, type: v('Type'), qid: v('QID'), name: v('Name'), alias: v('Alias'), chineseName: v('Chinese name'),
    country: v('Country'), topics: v('Topics'), summary: v('Summary'), chineseSummary: v('Chinese summary'),
    body: v('Body'), list: v('List'), date: v('Date'), endDate: v('End date'), sourceUrl: v('Source URL'),
    address: v('Address'),
  };
}
