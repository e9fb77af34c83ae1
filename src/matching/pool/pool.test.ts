// The screening pool: worker threads answer exactly what the calling thread answers, in order, with refused
// queries as values.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex } from '../index.ts';
import { bundled } from '../test-lists.ts';
import { openScreenPool } from './index.ts';
import type { ScreenQuery } from '../types.ts';

const index = buildIndex(await bundled('data/us_ofac/consolidated_csv'));
const pool = openScreenPool(index, { workers: 2 });
after(() => pool.close());

const queries: ScreenQuery[] = [
  { name: 'Hikvision', schema: 'Company', country: 'CN' },
  { name: '' },
  ...index.data.cards
    .slice(0, 300)
    .map((c, i) => ({ name: i % 2 === 0 ? c.caption : c.caption.slice(0, -1) })),
  { name: 'Something', id: ['lei:X'] },
  { name: 'Nordwind Logistik GmbH', country: 'de' },
];

test('two worker threads give the outcomes of the calling thread, query for query', async () => {
  const inThread = openScreenPool(index, { workers: 1 });
  assert.equal(inThread.threads, 0);
  assert.equal(pool.threads, 2);
  const options = { threshold: 0.7, limit: 5 };
  const expected = await inThread.screenChunk(queries, options);
  const chunks = [queries.slice(0, 100), queries.slice(100, 200), queries.slice(200)];
  const got = (await Promise.all(chunks.map((c) => pool.screenChunk(c, options)))).flat();
  assert.deepEqual(got, expected);
  assert.equal(got.length, queries.length);
  const first = got[0]!;
  assert.ok('matches' in first && first.matches[0]?.entityId === 'us_ofac_cons:30946');
  assert.deepEqual(got[1], {
    error: {
      code: 'invalid_input',
      message: 'the query has no name',
      field: 'name',
      hint: 'give the name to screen',
    },
  });
  assert.ok('error' in got[queries.length - 2]! && /too short/.test(JSON.stringify(got[queries.length - 2])));
  await inThread.close();
  await assert.rejects(inThread.screenChunk(queries, options), /closed/);
});

test('a closed pool refuses chunks', async () => {
  const small = openScreenPool(index, { workers: 2 });
  await small.close();
  await assert.rejects(small.screenChunk(queries.slice(0, 1), {}), /closed/);
  assert.throws(() => openScreenPool(index, { workers: 0 }), RangeError);
});
