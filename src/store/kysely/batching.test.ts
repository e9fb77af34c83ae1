// The batching helpers against plain arrays: the page and chunk boundaries the stores rely on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batches, inChunks, keysetPages } from './batching.ts';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

test('batches: arrays and other iterables cut alike, the last batch shorter, none for nothing', () => {
  for (const n of [0, 1, 499, 500, 501, 1000, 1234]) {
    const fromArray = [...batches(range(n), 500)];
    const fromIterable = [...batches(new Set(range(n)), 500)];
    assert.deepEqual(fromIterable, fromArray, `n = ${n}`);
    assert.deepEqual(fromArray.flat(), range(n));
    assert.ok(
      fromArray.every((b, i) => b.length === (i < fromArray.length - 1 ? 500 : b.length) && b.length > 0),
    );
    assert.equal(fromArray.length, Math.ceil(n / 500));
  }
});

test('batches: an iterable is read only as far as the batches taken', () => {
  let read = 0;
  function* counted(): Generator<number> {
    for (let i = 0; i < 10; i++) {
      read++;
      yield i;
    }
  }
  const first = batches(counted(), 3).next();
  assert.deepEqual(first.value, [0, 1, 2]);
  assert.equal(read, 3);
});

test('inChunks: distinct values in chunks of the size, rows in chunk order', async () => {
  const seen: number[][] = [];
  const rows = await inChunks([5, 1, 5, 2, 3, 1, 4], 2, async (chunk) => {
    seen.push(chunk);
    return chunk.map((v) => `row ${v}`);
  });
  assert.deepEqual(seen, [[5, 1], [2, 3], [4]]);
  assert.deepEqual(rows, ['row 5', 'row 1', 'row 2', 'row 3', 'row 4']);
  assert.deepEqual(await inChunks([], 2, async () => assert.fail('no query for no values')), []);
});

/** A sorted table read by key after the last row, as the stores' queries do. */
function pagedTable(rows: number[]): {
  page: (after: number | undefined, limit: number) => Promise<number[]>;
  calls: Array<number | undefined>;
} {
  const calls: Array<number | undefined> = [];
  return {
    calls,
    page: async (after, limit) => {
      calls.push(after);
      return rows.filter((r) => after === undefined || r > after).slice(0, limit);
    },
  };
}

test('keysetPages: every row once in key order, across exact and short last pages', async () => {
  for (const n of [0, 1, 4, 5, 6, 10, 11]) {
    const table = pagedTable(range(n));
    const out: number[] = [];
    for await (const row of keysetPages(5, table.page)) out.push(row);
    assert.deepEqual(out, range(n), `n = ${n}`);
    // A full page asks for the next one (empty when n is a multiple of 5); a short page ends the read.
    assert.equal(table.calls.length, Math.floor(n / 5) + 1, `n = ${n}`);
    assert.deepEqual(
      table.calls,
      range(table.calls.length).map((i) => (i === 0 ? undefined : i * 5 - 1)),
    );
  }
});

test('keysetPages: the next page is read only when the consumer has taken the current one', async () => {
  const table = pagedTable(range(12));
  const pages = keysetPages(5, table.page);
  for (let i = 0; i < 5; i++) await pages.next();
  assert.equal(table.calls.length, 1);
  await pages.next();
  assert.equal(table.calls.length, 2);
  await pages.return(undefined);
  assert.equal(table.calls.length, 2);
});
