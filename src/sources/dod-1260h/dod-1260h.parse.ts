// Bytes → raw rows of the DoD Section 1260H list as transcribed by OpenSanctions (us_dod_1260h/sanctions.csv):
// `Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date, Source Url`, one row per
// company per edition that listed it (FY2021 NDAA §1260H; editions 2021-06-03 … 2026-06-08).
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type RowPlace, type TableRecordEvent } from '../common/table-records.ts';

export const DOD_1260H_COLUMNS = [
  'Name',
  'Clean Name',
  'Alias',
  'Previous Name',
  'Parent Name',
  'Note',
  'Start date',
  'End date',
] as const;

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

export type Dod1260hParseEvent = TableRecordEvent<Dod1260hRow>;

/** Streams the rows; a row with neither Clean Name nor Name is a bad_record warning. */
export function parseDod1260h(path: string): AsyncGenerator<Dod1260hParseEvent> {
  return readTableRecords(path, {
    required: DOD_1260H_COLUMNS,
    expected: 'a DoD 1260H list table',
    toRecord: toRow,
    problem: (r) =>
      r.cleanName === '' && r.name === '' ? 'row has no Name and no Clean Name; skipped' : undefined,
  });
}

function toRow(row: Record<string, string>, { file, line }: RowPlace): Dod1260hRow {
  const v = (c: string): string => cellText(row, c);
  return {
    file,
    line,
    name: v('Name'),
    cleanName: v('Clean Name') || v('Name').replace(/\*+$/, '').trim(),
    alias: v('Alias'),
    previousName: v('Previous Name'),
    parentName: v('Parent Name'),
    note: v('Note'),
    startDate: v('Start date'),
    endDate: v('End date'),
    sourceUrl: v('Source Url'),
  };
}
