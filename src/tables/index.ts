// Public face of table files: CSV (header row), XLSX (first worksheet, header row 1) and JSON lines (one
// object per line) as a stream of rows of named cells, read with memory that does not grow with the rows
// (XLSX: see xlsx.ts). Unreadable records are problems with their line; only a file that cannot be read at
// all (missing, empty, not the format) throws. Used by the counterparty book and by screen-file.
import { csvTable } from './csv.ts';
import { jsonlTable } from './jsonl.ts';
import type { ReadTableOptions, TableEvent, TableFormat } from './types.ts';
import { xlsxTable } from './xlsx.ts';

export { tableFormatOf } from './format.ts';
export { columnKey } from './cells.ts';
export type { ReadTableOptions, TableEvent, TableFormat, TableRow } from './types.ts';

/** Streams the header, rows and problems of a table file, in file order. */
export function readTable(
  path: string,
  format: TableFormat,
  options: ReadTableOptions = {},
): AsyncIterable<TableEvent> {
  if (format === 'csv') return csvTable(path, options);
  if (format === 'xlsx') return xlsxTable(path, options);
  return jsonlTable(path, options);
}
