// A list file that is one CSV table, read as the format's records: decoded (decode.ts), header checked and
// damaged rows reported (csv-table.ts), then each row turned into a record by the format. A record the format
// cannot use (no name, a repeated id) is a bad_record warning and the rest of the file reads on.
import { basename } from 'node:path';
import type { ImportWarning } from '../types.ts';
import { csvTable } from './csv-table.ts';
import { readListText } from './decode.ts';

/** What a table parser streams: its records with their lines, warnings, and the rows read (good and bad). */
export type TableRecordEvent<R> =
  | { type: 'record'; line: number; record: R }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Where a row stands, for records that carry their own file and line. */
export interface RowPlace {
  file: string;
  line: number;
}

export interface TableRecordOptions<R> {
  /** Columns the header must have (csv-table.ts). */
  required: readonly string[];
  /** What the file should be, for the unusable_file hint: "a State ISN nonproliferation sanctions list". */
  expected: string;
  /** The record of one row (values trimmed, keyed by the header's column names). */
  toRecord: (row: Record<string, string>, place: RowPlace) => R;
  /** Why a record is skipped (the bad_record reason), or undefined to keep it. Called once per record, in order. */
  problem: (record: R) => string | undefined;
}

/** Streams the records of the table at `path`; throws unusable_file when its header lacks a required column. */
export async function* readTableRecords<R>(
  path: string,
  options: TableRecordOptions<R>,
): AsyncGenerator<TableRecordEvent<R>> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  for await (const event of csvTable(text, {
    file,
    required: options.required,
    expected: options.expected,
  })) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const record = options.toRecord(event.row, { file, line: event.line });
    const reason = options.problem(record);
    if (reason === undefined) yield { type: 'record', line: event.line, record };
    else yield { type: 'warning', warning: { file, line: event.line, reason, severity: 'bad_record' } };
  }
  yield { type: 'end', rowsRead };
}
