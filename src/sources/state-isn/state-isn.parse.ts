// Bytes → raw rows of the State Department Nonproliferation Sanctions list (ISN) as published for the CSL:
// CSV with the header Source List, Programs, Name, Alternative Names, Country, Federal Register Notice,
// Effective Date, Remarks/Notes, Web Link (one row per party per sanction program).
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type TableRecordEvent } from '../common/table-records.ts';

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

export type IsnParseEvent = TableRecordEvent<IsnRow>;

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export function parseIsn(path: string): AsyncGenerator<IsnParseEvent> {
  return readTableRecords(path, {
    required: ISN_COLUMNS,
    expected: 'a State ISN nonproliferation sanctions list (isn.csv)',
    toRecord: toRow,
    problem: (row) => (row.name === '' ? 'row has no Name; skipped' : undefined),
  });
}

function toRow(row: Record<string, string>): IsnRow {
  const v = (column: string): string => cellText(row, column);
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
