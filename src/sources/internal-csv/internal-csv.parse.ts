// Bytes → raw rows of Embargo's internal list CSV: a plain, documented layout for a company's own list of
// blocked or watched parties (docs/design/sources-core-b2.md). UTF-8 (a BOM is fine), comma-separated,
// RFC 4180 quoting, one header row. Columns (any order, names case-insensitive):
//   id (required) · name (required) · schema · aliases · country · birth_date · id_numbers · program ·
//   start_date · end_date · remarks
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type RowPlace, type TableRecordEvent } from '../common/table-records.ts';

export const INTERNAL_COLUMNS = [
  'id',
  'name',
  'schema',
  'aliases',
  'country',
  'birth_date',
  'id_numbers',
  'program',
  'start_date',
  'end_date',
  'remarks',
] as const;
export const INTERNAL_REQUIRED = ['id', 'name'] as const;

export type InternalRow = Record<(typeof INTERNAL_COLUMNS)[number], string> & { file: string; line: number };

export type InternalParseEvent = TableRecordEvent<InternalRow>;

/** Streams the rows; a row without id or name, or repeating an earlier id, is a bad_record warning. */
export function parseInternalCsv(path: string): AsyncGenerator<InternalParseEvent> {
  const seen = new Map<string, number>();
  return readTableRecords(path, {
    required: INTERNAL_REQUIRED,
    expected: 'an internal list CSV',
    toRecord: toRow,
    problem: (record) => {
      const problem = rowProblem(record, seen);
      if (problem === undefined) seen.set(record.id, record.line);
      return problem;
    },
  });
}

function rowProblem(row: InternalRow, seen: Map<string, number>): string | undefined {
  if (row.id === '') return 'column id is empty; every row needs its own id (row skipped)';
  if (row.name === '') return `row ${row.id}: column name is empty (row skipped)`;
  if (row.id.length > 200) return `id "${row.id.slice(0, 20)}…" is longer than 200 characters (row skipped)`;
  const first = seen.get(row.id);
  if (first !== undefined)
    return `id ${row.id} already used on line ${first}; ids must be unique (row skipped)`;
  return undefined;
}

function toRow(row: Record<string, string>, { file, line }: RowPlace): InternalRow {
  const out = { file, line } as InternalRow;
  for (const column of INTERNAL_COLUMNS) out[column] = cellText(row, column);
  return out;
}
