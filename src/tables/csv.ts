// CSV tables, streamed: RFC 4180 quoting (lenient about stray quotes and ragged rows), the first record is
// the header. A record csv-parse cannot read (an unterminated quote) is a problem at its line, in file order.
import { parse } from 'csv-parse';
import { AppError } from '../domain/errors.ts';
import { fileBytes, TextDecodeStream } from './bytes.ts';
import { columnKey, rowOf } from './cells.ts';
import type { ReadTableOptions, TableEvent } from './types.ts';

interface Parsed {
  record: string[];
  info: { lines: number };
}

export async function* csvTable(path: string, options: ReadTableOptions): AsyncGenerator<TableEvent> {
  // Problems are reported by csv-parse while earlier records may still wait in its buffer: hold each until
  // the records before its line have been yielded.
  const problems: { line: number; reason: string }[] = [];
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err: { lines?: number; message?: string } | undefined): undefined => {
      problems.push({ line: err?.lines ?? 0, reason: err?.message ?? 'unreadable CSV record' });
    },
  });
  const bytes = fileBytes(path, options);
  const text = new TextDecodeStream();
  bytes.on('error', (error) => parser.destroy(error));
  bytes.pipe(text).pipe(parser);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      while (problems.length > 0 && problems[0]!.line < info.lines)
        yield { type: 'problem', ...problems.shift()! };
      if (header === undefined) {
        header = record.map(columnKey);
        yield { type: 'header', columns: header };
      } else yield { type: 'row', row: rowOf(info.lines, header, record) };
    }
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path} as CSV`, {
      where: path,
      hint: 'check the path and that the file is readable CSV (UTF-8, a header row first)',
      cause: error,
    });
  } finally {
    bytes.destroy(); // a reader that stops early (a bad header) closes the file
  }
  for (const p of problems) yield { type: 'problem', ...p };
  if (header === undefined)
    throw new AppError('unusable_file', `${path} is empty`, {
      where: path,
      hint: 'the first line must be a header naming the columns',
    });
}
