// Rows of lists that print one row per party and notice/program/address, grouped into parties by a key.
// A row equal to one already in its party is reported (a note) and kept once, so nothing is dropped silently.
import type { ImportWarning } from '../types.ts';

export interface RowGroup<T> {
  /** Line of the party's first row, for notes about the party. */
  line: number;
  rows: T[];
}

/** Collects rows by key in first-seen order. */
export class RowGroups<T> {
  readonly #groups = new Map<string, RowGroup<T>>();
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  /** Adds a row; returns a note when it repeats a row of its party word for word. */
  add(key: string, line: number, row: T): ImportWarning | undefined {
    const group = this.#groups.get(key);
    if (group === undefined) {
      this.#groups.set(key, { line, rows: [row] });
      return undefined;
    }
    if (group.rows.some((r) => JSON.stringify(r) === JSON.stringify(row))) {
      const reason = `row repeats a row of the party at line ${group.line} word for word; kept once`;
      return { file: this.#file, line, reason, severity: 'note' };
    }
    group.rows.push(row);
    return undefined;
  }

  groups(): IterableIterator<RowGroup<T>> {
    return this.#groups.values();
  }
}
