// Bytes → raw rows of Embargo's internal list CSV: a plain, documented layout for a company's own list of
// blocked or watched parties (docs/design/sources-core-b2.md). UTF-8 (a BOM is fine), comma-separated,
// RFC 4180 quoting, one header row. Columns (any order, names case-insensitive):
//   id (required) · name (required) · schema · aliases · country · birth_date · id_numbers · program ·
//   start_date · end_date · remarks
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const INTERNAL_COLUMNS = [
  'id', 'name', 'schema', 'aliases', 'country', 'birth_date', 'id_numbers', 'program', 'start_date', 'end_date', 'remarks',
] as const;
export const INTERNAL_REQUIRED = ['id', 'name'] as const;

export type InternalRow = Record<(typeof INTERNAL_COLUMNS)[number], string> & { file: string; line: number };

export type InternalParseEvent =
  | { type: 'record'; record: InternalRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; a row without id or name, or repeating an earlier id, is a bad_record warning. */
export async function* parseInternalCsv(path: string): AsyncGenerator<InternalParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for await (const event of csvTable(text, { file, required: INTERNAL_REQUIRED, expected: 'an internal list CSV' })) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const record = toRow(file, event.line, event.row);
    const problem = rowProblem(record, seen);
    if (problem !== undefined) yield { type: 'warning', warning: { file, line: event.line, reason: problem, severity: 'bad_record' } };
    else {
      seen.set(record.id, event.line);
      yield { type: 'record', record };
    }
  }
  yield { type: 'end', rowsRead };
}

function rowProblem(row: InternalRow, seen: Map<string, number>): string | undefined {
  if (row.id === '') return 'column id is empty; every row needs its own id (row skipped)';
  if (row.name === '') return `row ${row.id}: column name is empty (row skipped)`;
  if (row.id.length > 200) return `id "${row.id.slice(0, 20)}…" is longer than 200 characters (row skipped)`;
  const first = seen.get(row.id);
  if (first !== undefined) return `id ${row.id} already used on line ${first}; ids must be unique (row skipped)`;
  return undefined;
}

function toRow(file: string, line: number, row: Record<string, string>): InternalRow {
  const out = { file, line } as InternalRow;
  for (const column of INTERNAL_COLUMNS) out[column] = cell(row, column).replace(/\s+/g, ' ');
  return out;
}
