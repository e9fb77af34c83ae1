// CSV in and out for the batch commands: streamed rows with a case-insensitive header, RFC 4180 output.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { AppError } from '../../domain/errors.ts';

export interface CsvInput {
  /** Header as given. */
  header: string[];
  /** Lower-cased, trimmed header name → column. */
  columns: Map<string, number>;
  rows: AsyncIterable<string[]>;
}

/** Opens a CSV file with a header row; throws AppError('invalid_input') when it has none. */
export async function openCsv(path: string): Promise<CsvInput> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
  parser.on('error', () => undefined); // surfaced by the iterator below
  const iterator = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let first;
  try {
    first = await iterator.next();
  } catch (error) {
    throw new AppError('invalid_input', `cannot read ${path} as CSV`, {
      where: path,
      cause: error,
      hint: 'save the file as UTF-8 CSV',
    });
  }
  if (first.done === true)
    throw new AppError('invalid_input', `${path} is empty`, {
      where: path,
      hint: 'the first line must be a header',
    });
  const header = first.value;
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, i);
  });
  const rows: AsyncIterable<string[]> = { [Symbol.asyncIterator]: () => iterator };
  return { header, columns, rows };
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180 §2). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
