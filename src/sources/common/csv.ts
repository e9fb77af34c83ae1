// CSV rows with their 1-based line numbers, via csv-parse (RFC 4180 quoting, CRLF or LF).
import { parse, type Options } from 'csv-parse';
import { Readable } from 'node:stream';

export interface CsvRow {
  /** Line of the record's first character (1-based). */
  line: number;
  fields: string[];
}

export interface CsvOptions {
  delimiter?: string;
  /** Quote character; `false` for formats that never quote. */
  quote?: string | false;
  /** Allow quotes inside unquoted fields and rows with a varying number of fields. */
  relaxed?: boolean;
}

/**
 * Streams rows of already-decoded CSV text. A malformed tail (e.g. an unterminated quote in a truncated file)
 * ends the stream with `onError` called once instead of throwing, so the rows before it are kept.
 */
export async function* csvRows(
  text: string,
  options: CsvOptions = {},
  onError?: (line: number, reason: string) => void,
): AsyncGenerator<CsvRow> {
  const parserOptions: Options = {
    // With an error callback, a malformed record is skipped and reported instead of failing the stream: a
    // stream that errors drops the records still buffered in it (up to 16 rows lost before a truncated tail).
    ...(onError === undefined
      ? {}
      : {
          skip_records_with_error: true,
          on_skip: (err: { lines?: number; message?: string } | undefined): undefined => {
            onError(err?.lines ?? 0, err?.message ?? 'unreadable CSV record');
          },
        }),
    delimiter: options.delimiter ?? ',',
    quote: options.quote === false ? null : (options.quote ?? '"'),
    relax_column_count: true,
    relax_quotes: options.relaxed ?? true,
    info: true,
    bom: true,
    skip_empty_lines: true,
  };
  const parser = Readable.from([text]).pipe(parse(parserOptions));
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number } }>) {
      yield { line: item.info.lines, fields: item.record };
    }
  } catch (error) {
    const err = error as { lines?: number; message?: string };
    if (onError === undefined) throw error;
    onError(err.lines ?? 0, err.message ?? String(error));
  }
}

/** Maps a header row to a lookup from (trimmed, lower-cased) column name to index. */
export function headerIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}
