// Bytes → raw rows of the OpenSanctions statutory source tables (NDAA §889, §1286, §5949, §154, INKSNA).
// All five share one header: schema, name, aliases, topics, program, authority, reason, report-date,
// start-date, end-date, country, notes, source_url (hand-made tables, one row per name per report).
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const STATUTORY_COLUMNS = [
  'schema', 'name', 'aliases', 'topics', 'program', 'authority', 'reason', 'report-date', 'start-date',
  'end-date', 'country', 'notes', 'source_url',
] as const;

/** One row as printed (values trimmed). */
export interface StatutoryRow {
  file: string;
  line: number;
  schema: string;
  name: string;
  aliases: string;
  topics: string;
  program: string;
  authority: string;
  reason: string;
  reportDate: string;
  startDate: string;
  endDate: string;
  country: string;
  notes: string;
  sourceUrl: string;
}

export type StatutoryParseEvent =
  | { type: 'record'; record: StatutoryRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows of one statutory table; a row without a name is a bad_record warning. */
export async function* parseStatutory(path: string): AsyncGenerator<StatutoryParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  const table = csvTable(text, { file, required: STATUTORY_COLUMNS, expected: 'an NDAA/INKSNA statutory table' });
  for await (const event of table) {
    if (event.type === 'warning') {
      rowsRead++;
      yield event;
    } else if (event.type === 'row') {
      rowsRead++;
      const record = toRow(file, event.line, event.row);
      if (record.name === '') yield { type: 'warning', warning: { file, line: event.line, reason: 'row has no name; skipped', severity: 'bad_record' } };
      else yield { type: 'record', record };
    }
  }
  yield { type: 'end', rowsRead };
}

function toRow(file: string, line: number, row: Record<string, string>): StatutoryRow {
  const v = (c: string): string => cell(row, c).replace(/\s+/g, ' ');
  return {
    file, line, schema: v('schema'), name: v('name'), aliases: v('aliases'), topics: v('topics'),
    program: v('program'), authority: v('authority'), reason: v('reason'), reportDate: v('report-date'),
    startDate: v('start-date'), endDate: v('end-date'), country: v('country'), notes: v('notes'),
    sourceUrl: v('source_url'),
  };
}
