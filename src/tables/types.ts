// A table file as rows of named cells, whatever the container (CSV, XLSX, JSON lines).
export type TableFormat = 'csv' | 'xlsx' | 'jsonl';

export interface TableRow {
  /** 1-based line (CSV: the line the record ends on; JSON lines) or sheet row (XLSX). */
  line: number;
  /** Column key (trimmed, lower-case, spaces as `_`) → non-empty values; a column may repeat (`id,id`). */
  cells: Map<string, string[]>;
}

/**
 * What a table yields, in file order: the header once (before any row; JSON lines have none), then each
 * data row or, for a record that cannot be read, a problem with its line.
 */
export type TableEvent =
  | { type: 'header'; columns: string[] }
  | { type: 'row'; row: TableRow }
  | { type: 'problem'; line: number; reason: string };

export interface ReadTableOptions {
  /** Called with every chunk of the file's bytes as they are read (hashing, progress). */
  onBytes?: (chunk: Buffer) => void;
}
