// Header names and cells shared by every container.
import type { TableRow } from './types.ts';

/** Column key: BOM dropped, trimmed, lower-case, runs of spaces as `_` ("Birth Date" → `birth_date`). */
export function columnKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

/** A row from a header and the fields under it; empty fields and unnamed columns are left out. */
export function rowOf(line: number, header: readonly string[], fields: readonly string[]): TableRow {
  const cells = new Map<string, string[]>();
  header.forEach((h, i) => {
    const value = (fields[i] ?? '').trim();
    if (h === '' || value === '') return;
    const list = cells.get(h);
    if (list === undefined) cells.set(h, [value]);
    else list.push(value);
  });
  return { line, cells };
}
