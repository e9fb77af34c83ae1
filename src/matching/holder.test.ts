// The index rebuild in a worker thread: queries keep being answered from the current index until the new
// one is swapped in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MatchIndexHolder } from './holder.ts';
import { bundled } from './test-lists.ts';

test('rebuild builds in a worker and swaps in; searches meanwhile answer from the old index', async () => {
  const cons = await bundled('data/us_ofac/consolidated_csv');
  const sdn = await bundled('data/us_ofac/sdn_csv');
  const holder = new MatchIndexHolder();
  assert.throws(() => holder.search({ name: 'Hikvision' }), /no index yet/);
  try {
    const first = await holder.rebuild(cons);
    assert.equal(holder.index, first);
    assert.equal(holder.search({ name: 'Hikvision' })[0].entityId, 'us_ofac_cons:30946');
    assert.deepEqual(holder.search({ name: 'Kim Jong Un', schema: 'Person' }), []);

    const pending = holder.rebuild([...cons, ...sdn]);
    // The build runs on the worker thread: this thread keeps answering from the first index.
    let answeredMeanwhile = 0;
    let settled = false;
    void pending.then(() => (settled = true));
    while (!settled) {
      assert.equal(holder.search({ name: 'Hikvision' })[0].entityId, 'us_ofac_cons:30946');
      if (holder.index === first) answeredMeanwhile++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const second = await pending;
    assert.ok(answeredMeanwhile > 0, 'no query was answered during the rebuild');
    assert.notEqual(second, first);
    assert.equal(holder.index, second);
    assert.equal(second.entityCount, first.entityCount + sdn.filter((e) => e.status === 'current').length);
    assert.equal(holder.search({ name: 'Kim Jong Un', schema: 'Person' })[0].entityId, 'us_ofac_sdn:20157');
  } finally {
    await holder.close();
  }
});

test('of two overlapping rebuilds the later request wins', async () => {
  const cons = await bundled('data/us_ofac/consolidated_csv');
  const holder = new MatchIndexHolder();
  try {
    const a = holder.rebuild(cons.slice(0, 10));
    const b = holder.rebuild(cons);
    const [, latest] = await Promise.all([a, b]);
    assert.equal(holder.index, latest);
    assert.equal(holder.index?.entityCount, cons.filter((e) => e.status === 'current').length);
  } finally {
    await holder.close();
  }
});
