// Bytes → raw rows of the PRC measures table compiled by OpenSanctions (cn/sanctions.csv): MFA
// countermeasures, MOFCOM Unreliable Entity List (UEL), export-control control and watch lists, Taiwan
// Affairs Office lists. Columns `Type, QID, Name, Alias, Chinese name, Country, Topics, Summary, Chinese
// summary, Body, List, Date, End date, Source URL, Address`; one row per party per measure.
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type RowPlace, type TableRecordEvent } from '../common/table-records.ts';

export const CN_COLUMNS = [
  'Type',
  'QID',
  'Name',
  'Alias',
  'Chinese name',
  'Country',
  'Body',
  'List',
  'Date',
  'End date',
] as const;

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

export type CnParseEvent = TableRecordEvent<CnRow>;

/** Streams the rows; a row with neither an English nor a Chinese name is a bad_record warning. */
export function parseCnSanctions(path: string): AsyncGenerator<CnParseEvent> {
  return readTableRecords(path, {
    required: CN_COLUMNS,
    expected: 'the PRC sanctions table (cn/sanctions.csv)',
    toRecord: toRow,
    problem: (r) =>
      r.name === '' && r.chineseName === '' ? 'row has no Name and no Chinese name; skipped' : undefined,
  });
}

function toRow(row: Record<string, string>, { file, line }: RowPlace): CnRow {
  const v = (c: string): string => cellText(row, c);
  return {
    file,
    line,
    type: v('Type'),
    qid: v('QID'),
    name: v('Name'),
    alias: v('Alias'),
    chineseName: v('Chinese name'),
    country: v('Country'),
    topics: v('Topics'),
    summary: v('Summary'),
    chineseSummary: v('Chinese summary'),
    body: v('Body'),
    list: v('List'),
    date: v('Date'),
    endDate: v('End date'),
    sourceUrl: v('Source URL'),
    address: v('Address'),
  };
}
