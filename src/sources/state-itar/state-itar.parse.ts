// Bytes → raw rows of the State Department (DDTC) list of ITAR statutorily debarred parties: CSV, published in
// Windows-1252 (decode.ts falls back to it; the file pads values with 0xA0, a no-break space), header
// Party Name, Date Of Birth, Federal Register Notice, Notice Date, Corrected Notice, Corrected Notice Date.
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

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

export type ItarParseEvent =
  | { type: 'row'; line: number; row: ItarRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export async function* parseItar(path: string): AsyncGenerator<ItarParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  const table = csvTable(text, {
    file,
    required: ITAR_COLUMNS,
    expected: 'a State DDTC ITAR debarred parties list',
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
        warning: { file, line: event.line, reason: 'row has no Party Name; skipped', severity: 'bad_record' },
      };
    else yield { type: 'row', line: event.line, row };
  }
  yield { type: 'end', rowsRead };
}

function toRow(row: Record<string, string>): ItarRow {
  // JavaScript's \s includes U+00A0, so the file's no-break spaces collapse with the others.
  const v = (column: string): string => cell(row, column).replace(/\s+/g, ' ').trim();
  return {
    name: v('Party Name'),
    birthDate: v('Date Of Birth'),
    notice: v('Federal Register Notice'),
    noticeDate: v('Notice Date'),
    correctedNotice: v('Corrected Notice'),
    correctedNoticeDate: v('Corrected Notice Date'),
  };
}
