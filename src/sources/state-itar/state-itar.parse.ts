// Bytes → raw rows of the State Department (DDTC) list of ITAR statutorily debarred parties: CSV, published in
// Windows-1252 (decode.ts falls back to it; the file pads values with 0xA0, a no-break space), header
// Party Name, Date Of Birth, Federal Register Notice, Notice Date, Corrected Notice, Corrected Notice Date.
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type TableRecordEvent } from '../common/table-records.ts';

export const ITAR_COLUMNS = [
  'Party Name',
  'Date Of Birth',
  'Federal Register Notice',
  'Notice Date',
] as const;

/** One row as printed (values trimmed, no-break spaces read as spaces). */
export interface ItarRow {
  name: string;
  birthDate: string;
  notice: string;
  noticeDate: string;
  correctedNotice: string;
  correctedNoticeDate: string;
}

export type ItarParseEvent = TableRecordEvent<ItarRow>;

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export function parseItar(path: string): AsyncGenerator<ItarParseEvent> {
  return readTableRecords(path, {
    required: ITAR_COLUMNS,
    expected: 'a State DDTC ITAR debarred parties list',
    toRecord: toRow,
    problem: (row) => (row.name === '' ? 'row has no Party Name; skipped' : undefined),
  });
}

function toRow(row: Record<string, string>): ItarRow {
  // JavaScript's \s includes U+00A0, so the file's no-break spaces collapse with the others (cellText).
  const v = (column: string): string => cellText(row, column);
  return {
    name: v('Party Name'),
    birthDate: v('Date Of Birth'),
    notice: v('Federal Register Notice'),
    noticeDate: v('Notice Date'),
    correctedNotice: v('Corrected Notice'),
    correctedNoticeDate: v('Corrected Notice Date'),
  };
}
