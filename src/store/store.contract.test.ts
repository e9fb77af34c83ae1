// The Store contract, run against every implementation (SQLite and PostgreSQL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Entity } from '../domain/entity.ts';
import { DIALECTS, freshStore } from '../../test/support/databases.ts';
import { CONS, hikvision, huawei } from '../../test/support/entities.ts';
import { entityHash } from '../ingest/content-hash.ts';
import type { NewVersion, Store } from './index.ts';

function version(entities: Entity[], removals: Entity[] = [], added = entities.length): NewVersion {
  return {
    listId: CONS,
    contentHash: `hash-${entities.map((e) => e.id).join(',')}`,
    asOf: null,
    importedAt: '2026-11-29T00:00:00.000Z',
    format: 'test',
    sourcePath: 'memory',
    rowsRead: entities.length,
    warnings: [],
    upserts: entities.map((entity) => ({ entity, hash: entityHash(entity) })),
    addedCount: added,
    removals: removals.map((e) => e.id),
    entityCount: entities.length,
  };
}

async function collect(it: AsyncIterable<Entity>): Promise<Entity[]> {
  const out: Entity[] = [];
  for await (const e of it) out.push(e);
  return out;
}

for (const dialect of DIALECTS) {
  describe(`Store contract (${dialect})`, () => {
    async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
      const { store, cleanup } = await freshStore(dialect);
      try {
        await fn(store);
      } finally {
        await cleanup();
      }
    }

    test('an empty store has no lists and migrating twice is harmless', () =>
      withStore(async (store) => {
        await store.migrate();
        assert.deepEqual(await store.currentVersions(), []);
      }));

    test('versions keep their snapshots: v1, then a change and an addition in v2, then a removal in v3', () =>
      withStore(async (store) => {
        const v1 = await store.commitVersion(version([hikvision()]));
        assert.equal(v1.version, 1);
        const changed = hikvision();
        changed.programs.push('NS-CMIC');
        const v2 = await store.commitVersion(version([changed, huawei()], [], 1));
        assert.equal(v2.version, 2);
        assert.equal(v2.changed, 1);
        const v3 = await store.commitVersion(version([], [changed]));
        assert.equal(v3.removed, 1);

        assert.deepEqual((await collect(store.entitiesAt(CONS, 1))).map((e) => e.programs), [['CMIC-EO13959']]);
        const at2 = await collect(store.entitiesAt(CONS, 2));
        assert.deepEqual(at2.map((e) => e.sourceId).sort(), ['30946', '30947']);
        assert.deepEqual((await collect(store.currentEntities())).map((e) => e.sourceId), ['30947']);
        assert.equal((await store.entity(hikvision().id)), undefined);
        assert.deepEqual((await store.entity(hikvision().id, 2))?.programs, ['CMIC-EO13959', 'NS-CMIC']);
        assert.deepEqual((await store.currentVersions()).map((v) => [v.listId, v.version]), [[CONS, 3]]);
        assert.deepEqual((await store.listVersions(CONS)).map((v) => v.version), [1, 2, 3]);
        assert.deepEqual([...(await store.currentHashes(CONS)).keys()], [huawei().id]);
      }));

    test('a failure inside the transaction leaves the previous version current and nothing half-written', () =>
      withStore(async (store) => {
        await store.commitVersion(version([hikvision()]));
        await assert.rejects(
          store.commitVersion(version([huawei()], [hikvision()]), {
            beforeCommit: async () => {
              throw new Error('simulated crash');
            },
          }),
          /simulated crash/,
        );
        assert.deepEqual((await store.currentVersions()).map((v) => v.version), [1]);
        assert.deepEqual((await collect(store.currentEntities([CONS]))).map((e) => e.sourceId), ['30946']);
        assert.equal((await store.listVersions(CONS)).length, 1);
      }));

    test('streams more entities than one page, in id order, with the list filter', () =>
      withStore(async (store) => {
        const many: Entity[] = [];
        for (let i = 0; i < 4500; i++) {
          const e = hikvision();
          e.sourceId = `${30000 + i}` as Entity['sourceId'];
          e.id = `${CONS}:${e.sourceId}` as Entity['id'];
          many.push(e);
        }
        await store.commitVersion(version(many));
        const all = await collect(store.currentEntities([CONS]));
        assert.equal(all.length, 4500);
        assert.equal(new Set(all.map((e) => e.id)).size, 4500);
        assert.deepEqual(await collect(store.currentEntities([])), []);
      }));
  });
}
