// Batching shared by the Kysely stores: bounded INSERTs and `in (…)` lists, and keyset-paginated reads.
// SQLite binds at most 32,766 parameters per statement, and a million-row book must stream, not load at once.

/** Rows per multi-row INSERT: 500 rows of up to 65 columns stay under SQLite's 32,766 bound parameters. */
export const ROWS_PER_INSERT = 500;

/** Rows per page of a streamed read: large enough that the per-query cost vanishes, small enough to hold. */
export const ROWS_PER_PAGE = 5000;

/** The items in consecutive arrays of `size` (the last one shorter; none for no items), read lazily. */
export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size) as T[];
    return;
  }
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Runs `query` on the distinct `values` in chunks of `size` (an `in (…)` list per chunk, so the bound
 * parameters stay few) and returns every chunk's rows in chunk order.
 */
export async function inChunks<V, R>(
  values: readonly V[],
  size: number,
  query: (chunk: V[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of batches([...new Set(values)], size))
    for (const row of await query(chunk)) out.push(row);
  return out;
}

/**
 * Streams a keyset-paginated read: `page(after, limit)` returns up to `limit` rows in key order, after the
 * last row of the previous page (`undefined` for the first). A short page is the last; the next page is read
 * only when the consumer has taken every row of this one.
 */
export async function* keysetPages<R>(
  limit: number,
  page: (after: R | undefined, limit: number) => Promise<readonly R[]>,
): AsyncGenerator<R> {
  let after: R | undefined;
  for (;;) {
    const rows = await page(after, limit);
    yield* rows;
    if (rows.length < limit) return;
    after = rows[rows.length - 1];
  }
}
