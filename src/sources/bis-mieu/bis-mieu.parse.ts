// Bytes → raw rows of the BIS Military-Intelligence End-User list (EAR §744.22, Supplement No. 7 to Part 744)
// as transcribed by OpenSanctions (CC BY-NC 4.0): CSV with the header
// Type, Name, Alias, Country, Topics, Program, Date, End date, Source URL.
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type TableRecordEvent } from '../common/table-records.ts';

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

export type MieuParseEvent = TableRecordEvent<MieuRow>;

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export function parseMieu(path: string): AsyncGenerator<MieuParseEvent> {
  return readTableRecords(path, {
    required: MIEU_COLUMNS,
    expected: 'a BIS MIEU list table (mieu.csv)',
    toRecord: toRow,
    problem: (row) => (row.name === '' ? 'row has no Name; skipped' : undefined),
  });
}

function toRow(row: Record<string, string>): MieuRow {
  const v = (column: string): string => cellText(row, column);
  return {
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
}
