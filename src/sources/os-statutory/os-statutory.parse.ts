// Bytes → raw rows of the OpenSanctions statutory source tables (NDAA §889, §1286, §5949, §154, INKSNA).
// All five share one header: schema, name, aliases, topics, program, authority, reason, report-date,
// start-date, end-date, country, notes, source_url (hand-made tables, one row per name per report).
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type RowPlace, type TableRecordEvent } from '../common/table-records.ts';

export const STATUTORY_COLUMNS = [
  'schema',
  'name',
  'aliases',
  'topics',
  'program',
  'authority',
  'reason',
  'report-date',
  'start-date',
  'end-date',
  'country',
  'notes',
  'source_url',
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

export type StatutoryParseEvent = TableRecordEvent<StatutoryRow>;

/** Streams the rows of one statutory table; a row without a name is a bad_record warning. */
export function parseStatutory(path: string): AsyncGenerator<StatutoryParseEvent> {
  return readTableRecords(path, {
    required: STATUTORY_COLUMNS,
    expected: 'an NDAA/INKSNA statutory table',
    toRecord: toRow,
    problem: (r) => (r.name === '' ? 'row has no name; skipped' : undefined),
  });
}

function toRow(row: Record<string, string>, { file, line }: RowPlace): StatutoryRow {
  const v = (c: string): string => cellText(row, c);
  return {
    file,
    line,
    schema: v('schema'),
    name: v('name'),
    aliases: v('aliases'),
    topics: v('topics'),
    program: v('program'),
    authority: v('authority'),
    reason: v('reason'),
    reportDate: v('report-date'),
    startDate: v('start-date'),
    endDate: v('end-date'),
    country: v('country'),
    notes: v('notes'),
    sourceUrl: v('source_url'),
  };
}
