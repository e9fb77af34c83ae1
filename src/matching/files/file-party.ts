// A row of a screening file → the party to screen. Column names are the query fields of docs/contracts.md
// (any case; spaces read as `_`), plus `address` (checked for embargoed jurisdictions) and `reference` (the
// caller's own id, echoed). `id` may repeat as a column, be a JSON array, or hold several values split by ';'.
import type { TableEvent } from '../../tables/index.ts';

/** One party of a screening file, as read (the `query` of an output row). */
export interface FileParty {
  name: string;
  schema?: string;
  country?: string;
  birth_date?: string;
  id?: string[];
  address?: string;
  reference?: string;
}

/** Why a row could not be read or screened. */
export interface RowError {
  message: string;
  /** `<file>:<line>`, and the field when one is at fault. */
  where: string;
  hint?: string;
}

/** A data row in file order: `row` counts data rows from 1, `line` is where it is in the file. */
export type FileItem =
  | { row: number; line: number; party: FileParty }
  | { row: number; line: number; party: null; error: RowError };

/** The party of a row; fields left empty are absent (`name` is '' when absent, and the engine refuses it). */
export function partyOf(cells: ReadonlyMap<string, readonly string[]>): FileParty {
  const first = (field: string): string | undefined => cells.get(field)?.[0];
  const party: FileParty = { name: first('name') ?? '' };
  for (const field of ['schema', 'country', 'birth_date'] as const) {
    const v = first(field);
    if (v !== undefined) party[field] = v;
  }
  const ids = (cells.get('id') ?? [])
    .flatMap((v) => v.split(';'))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (ids.length > 0) party.id = ids;
  for (const field of ['address', 'reference'] as const) {
    const v = first(field);
    if (v !== undefined) party[field] = v;
  }
  return party;
}

/** Turns table events into file items; `onHeader` sees the header (CSV, XLSX) before any row. */
export async function* fileItems(
  file: string,
  events: AsyncIterable<TableEvent>,
  onHeader: (columns: readonly string[]) => void,
): AsyncGenerator<FileItem> {
  let row = 0;
  for await (const event of events) {
    if (event.type === 'header') onHeader(event.columns);
    else if (event.type === 'row')
      yield { row: ++row, line: event.row.line, party: partyOf(event.row.cells) };
    else
      yield {
        row: ++row,
        line: event.line,
        party: null,
        error: { message: event.reason, where: `${file}:${event.line}`, hint: 'fix or remove the line' },
      };
  }
}
