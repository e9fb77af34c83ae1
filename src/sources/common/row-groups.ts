// Rows of lists that print one row per party and notice/program/address/edition, grouped into parties by a key.
// A row equal to one already in its party is reported (a note) and kept once, so nothing is dropped silently.
import type { ImportWarning } from '../types.ts';
import type { TableRecordEvent } from './table-records.ts';

export interface RowGroup<T> {
  key: string;
  /** Line of the party's first row, for notes about the party. */
  line: number;
  rows: T[];
}

export interface RowGroupsOptions<T> {
  /** A note's reason when a row joining its party disagrees with the party's rows (undefined: it agrees). */
  conflict?: (group: RowGroup<T>, row: T) => string | undefined;
}

/** Collects rows by key in first-seen order. */
export class RowGroups<T> {
  readonly #groups = new Map<string, RowGroup<T>>();
  readonly #file: string;
  readonly #options: RowGroupsOptions<T>;

  constructor(file: string, options: RowGroupsOptions<T> = {}) {
    this.#file = file;
    this.#options = options;
  }

  /** Adds a row; returns a note when it repeats a row of its party word for word, or conflicts with it. */
  add(key: string, line: number, row: T): ImportWarning | undefined {
    const group = this.#groups.get(key);
    if (group === undefined) {
      this.#groups.set(key, { key, line, rows: [row] });
      return undefined;
    }
    if (group.rows.some((r) => JSON.stringify(r) === JSON.stringify(row))) {
      const reason = `row repeats a row of the party at line ${group.line} word for word; kept once`;
      return { file: this.#file, line, reason, severity: 'note' };
    }
    group.rows.push(row);
    const reason = this.#options.conflict?.(group, row);
    return reason === undefined ? undefined : { file: this.#file, line, reason, severity: 'note' };
  }

  groups(): IterableIterator<RowGroup<T>> {
    return this.#groups.values();
  }
}

/**
 * Reads a table parser's events through to the end: its warnings and the notes of grouping are passed on, its
 * records grouped by `key`. Returns the groups and the rows read, e.g.
 * `const { groups, rowsRead } = yield* groupRecords(parseIsn(path), new RowGroups(file), isnKey);`
 */
export async function* groupRecords<T>(
  events: AsyncIterable<TableRecordEvent<T>>,
  groups: RowGroups<T>,
  key: (record: T) => string,
): AsyncGenerator<{ type: 'warning'; warning: ImportWarning }, { groups: RowGroups<T>; rowsRead: number }> {
  let rowsRead = 0;
  for await (const event of events) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const note = groups.add(key(event.record), event.line, event.record);
      if (note !== undefined) yield { type: 'warning', warning: note };
    }
  }
  return { groups, rowsRead };
}
