// Batches screened on the worker-thread pool answer exactly like batches screened on the calling thread (the
// real OFAC consolidated list), the pool follows index rebuilds, and without a pool the service screens itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/config.ts';
import { listId } from '../domain/ids.ts';
import { importList } from '../ingest/import-list.ts';
import { buildIndex } from '../matching/index.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { BatchPool } from './batch-pool.ts';
import { openApp, type AppContext } from './context.ts';
import type { MatchingScreener } from './matching-screener.ts';
import { openScreening, type ScreeningContext } from './screening-context.ts';
import { ScreeningService, type Caller } from './screening.ts';
import type { BatchResponse, PartyQuery } from './screening-types.ts';

const CONS_DIR = fileURLToPath(new URL('../../data/us_ofac/consolidated_csv', import.meta.url));
const CALLER: Caller = { actor: 'local:test', channel: 'api' };

/** Listed names, names on no list, an embargoed address, a refused identifier and a sub-list filter's worth of variety. */
function parties(): PartyQuery[] {
  const base: PartyQuery[] = [
    { name: 'HUAWEI TECHNOLOGIES CO., LTD.', reference: 'a' },
    { name: 'Zyxwv Quartz Bakery', country: 'de' },
    { name: 'SenseTime Group', id: ['imo:12'], reference: 'c' },
    { name: 'MEGVII TECHNOLOGY LIMITED', schema: 'Company' },
    { name: 'Havana Cigar Traders', address: 'Calle 23, La Habana, Cuba' },
    { name: 'Hikvision', country: 'cn' },
  ];
  return Array.from({ length: 300 }, (_, i) => base[i % base.length]!);
}

/** A batch answer without what differs from one screening to the next (id and time). */
function content(answer: BatchResponse): unknown {
  const { id: _id, screened_at: _at, ...rest } = answer;
  return rest;
}

describe('batches on the worker-thread pool', () => {
  let db: TestDatabase;
  let app: AppContext;
  let screening: ScreeningContext;
  let pool: BatchPool;
  let pooled: ScreeningService;

  before(async () => {
    db = await createTestDatabase('sqlite');
    app = await openApp(loadConfig({ EMBARGO_DB: db.location }));
    await importList(app.store, CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
    screening = await openScreening(app, { worker: false });
    const screener = screening.screener as MatchingScreener;
    pool = new BatchPool(() => screener.index, { workers: 2 });
    pooled = new ScreeningService({
      screener,
      audit: screening.audit,
      jurisdictions: screening.jurisdictions,
      batchPool: pool,
    });
  });

  after(async () => {
    await pool.close();
    await screening.close();
    await app.close();
    await db.drop();
  });

  test('answer byte for byte like the calling thread, in input order, with error items and filters', async () => {
    for (const settings of [{}, { threshold: 0.7, limit: 3 }, { lists: ['us_ofac_cons'] }]) {
      const here = await screening.service.screenBatch(CALLER, parties(), settings);
      const there = await pooled.screenBatch(CALLER, parties(), settings);
      assert.deepEqual(content(there.body), content(here.body));
      assert.equal(JSON.stringify(content(there.body)), JSON.stringify(content(here.body)));
      assert.deepEqual(there.body.summary, here.body.summary);
      assert.ok(
        there.body.summary.errors > 0 &&
          there.body.summary.potential_matches > 0 &&
          there.body.summary.clear > 0,
      );
      // Recorded like any batch: the stored answer is the text sent.
      assert.equal((await screening.audit.get(there.body.id))?.response, there.json);
    }
  });

  test('concurrent batches share the threads and each keeps its order', async () => {
    const lists = [parties(), parties().reverse(), parties().slice(0, 7)];
    const answers = await Promise.all(lists.map((p) => pooled.screenBatch(CALLER, p, {})));
    for (const [i, answer] of answers.entries()) {
      assert.deepEqual(
        answer.body.results.map((r) => r.query),
        lists[i],
      );
      assert.deepEqual(
        answer.body.results.map((r) => r.index),
        lists[i]!.map((_, j) => j),
      );
    }
  });

  test('a new index gets a new pool; with no index or a closed pool the service screens on its own thread', async () => {
    let current = (screening.screener as MatchingScreener).index;
    const swapping = new BatchPool(() => current, { workers: 2 });
    try {
      const first = await swapping.use(async (p) => p);
      // The same index: the same pool.
      assert.equal(await swapping.use(async (p) => p), first);
      current = buildIndex([]);
      const second = await swapping.use(async (p) => p.screenChunk([{ name: 'HUAWEI TECHNOLOGIES' }], {}));
      assert.deepEqual(second, [{ matches: [] }]);
      current = undefined;
      assert.equal(await swapping.use(async () => 'ran'), undefined);
    } finally {
      await swapping.close();
    }
    assert.equal(await swapping.use(async () => 'ran'), undefined);
    const service = new ScreeningService({
      screener: screening.screener,
      audit: screening.audit,
      jurisdictions: screening.jurisdictions,
      batchPool: swapping,
    });
    const answer = await service.screenBatch(CALLER, parties().slice(0, 6), {});
    assert.equal(answer.body.results[0]!.status, 'potential_match');
  });
});
