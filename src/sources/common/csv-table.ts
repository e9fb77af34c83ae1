// A CSV file with a header row, read as records keyed by column name, with line numbers. Rows whose field
// count differs from the header are damaged (a stray quote or a cut line shifts every later field) and come
// back as bad_record warnings instead of records with misplaced values.
import { AppError } from '../../domain/errors.ts';
import type { ImportWarning } from '../types.ts';
import { csvRows } from './csv.ts';

export interface CsvTableOptions {
  /** File name for warnings and errors. */
  file: string;
  /** Columns that must be in the header (compared trimmed and case-insensitively). */
  required: readonly string[];
  /** Rows before the header (e.g. the UK "Report Date:" line), handed back as `preamble` events. */
  preambleRows?: number;
  /** What the file should be, for the error hint: "an FCC Covered List table (table.csv)". */
  expected: string;
}

export type CsvTableEvent =
  | { type: 'preamble'; line: number; fields: string[] }
  /** Values trimmed, keyed by the header's own (trimmed) column names. */
  | { type: 'row'; line: number; row: Record<string, string> }
  | { type: 'warning'; warning: ImportWarning };

/** Streams the records of a decoded CSV text; throws unusable_file when the header lacks a required column. */
export async function* csvTable(text: string, options: CsvTableOptions): AsyncGenerator<CsvTableEvent> {
  const errors: ImportWarning[] = [];
  const onError = (line: number, reason: string): void => {
    errors.push({ file: options.file, line, reason: `CSV syntax: ${reason}`, severity: 'bad_record' });
  };
  let header: string[] | undefined;
  let seen = 0;
  for await (const { line, fields } of csvRows(text, {}, onError)) {
    seen++;
    if (seen <= (options.preambleRows ?? 0)) {
      yield { type: 'preamble', line, fields };
      continue;
    }
    if (header === undefined) {
      header = checkHeader(fields, options);
      continue;
    }
    if (fields.length !== header.length) {
      const reason = `row has ${fields.length} fields but the header has ${header.length}; row skipped (damaged quoting or a cut line)`;
      yield { type: 'warning', warning: { file: options.file, line, reason, severity: 'bad_record' } };
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = (fields[i] ?? '').trim()));
    yield { type: 'row', line, row };
  }
  if (header === undefined) missingHeader(options, 'the file is empty');
  for (const warning of errors) yield { type: 'warning', warning };
}

function checkHeader(fields: string[], options: CsvTableOptions): string[] {
  const header = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
  const present = new Set(header.map((h) => h.toLowerCase()));
  const missing = options.required.filter((c) => !present.has(c.toLowerCase()));
  if (missing.length > 0) missingHeader(options, `the header lacks column(s) ${missing.join(', ')}`);
  return header;
}

function missingHeader(options: CsvTableOptions, why: string): never {
  throw new AppError('unusable_file', `${options.file} is not ${options.expected}: ${why}`, {
    where: options.file,
    hint: `expected a header row with ${options.required.join(', ')}; check the file or choose another --format`,
  });
}

/** The value of a column looked up case-insensitively ('' when absent). */
export function cell(row: Record<string, string>, column: string): string {
  if (column in row) return row[column]!;
  const key = Object.keys(row).find((k) => k.toLowerCase() === column.toLowerCase());
  return key === undefined ? '' : row[key]!;
}

/**
 * The value of a column on one line ('' when absent): runs of white space (line breaks inside quotes, tabs,
 * no-break spaces, which JavaScript's \s includes) become one space.
 */
export function cellText(row: Record<string, string>, column: string): string {
  return cell(row, column).replace(/\s+/g, ' ').trim();
}

/** Splits a multi-value cell on `;` (the convention of OpenSanctions source tables). */
export function splitList(value: string, separator: RegExp | string = ';'): string[] {
  return value
    .split(separator)
    .map((v) => v.replace(/\s+/g, ' ').trim())
    .filter((v) => v !== '');
}
