// Read endpoints on SQLite and PostgreSQL: an entity with its raw record and list version; lists, versions and
// the diff between two real versions of the consolidated list (v2 drops HUAWEI, ent_num 30947).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listId } from '../domain/ids.ts';
import { importList } from '../ingest/import-list.ts';
import { DIALECTS } from '../../test/support/databases.ts';
import { OFAC_CONS_DIR, editedCopy } from '../../test/support/list-files.ts';
import { apiFixture, type ApiFixture } from './api-test-helpers.ts';

for (const dialect of DIALECTS) {
  describe(`read endpoints (${dialect})`, () => {
    let f: ApiFixture;
    before(async () => {
      f = await apiFixture(dialect, { requireKeys: false });
      const withoutHuawei = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) => lines.filter((l) => !l.startsWith('30947,')));
      await importList(f.app.store, withoutHuawei, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
    });
    after(async () => f.close());

    test('GET /v1/entities/{id}: the full record, the raw source record and the list version', async () => {
      const res = await f.api.inject({ method: 'GET', url: '/v1/entities/us_ofac_cons:30946' });
      assert.equal(res.statusCode, 200);
      const body = JSON.parse(res.body);
      assert.equal(body.entity.id, 'us_ofac_cons:30946');
      assert.ok(body.entity.names.some((n: { value: string }) => n.value === 'HIKVISION'));
      assert.deepEqual(body.entity.programs, ['CMIC-EO13959']);
      // The raw record is the OFAC CSV quartet's rows for ent_num 30946 (cons_prim, cons_add, cons_alt).
      assert.deepEqual(Object.keys(body.raw), ['primary', 'addresses', 'aliases', 'comments']);
      assert.match(JSON.stringify(body.raw.primary), /HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO\., LTD\./);
      assert.ok(JSON.stringify(body.raw.aliases).includes('HIKVISION'));
      assert.equal(body.entity.raw, undefined);
      assert.equal(body.list_version.list_id, 'us_ofac_cons');
      assert.equal(body.list_version.version, 2);
    });

    test('an entity removed in v2 is 404 now and found as of v1; a malformed id is 400', async () => {
      assert.equal((await f.api.inject({ method: 'GET', url: '/v1/entities/us_ofac_cons:30947' })).statusCode, 404);
      const old = await f.api.inject({ method: 'GET', url: '/v1/entities/us_ofac_cons:30947?version=1' });
      assert.equal(old.statusCode, 200);
      assert.equal(JSON.parse(old.body).list_version.version, 1);
      const bad = await f.api.inject({ method: 'GET', url: '/v1/entities/nonsense' });
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).error.code, 'invalid_entity_id');
    });

    test('GET /v1/lists and /v1/lists/{id}/versions', async () => {
      const lists = JSON.parse((await f.api.inject({ method: 'GET', url: '/v1/lists' })).body).lists;
      assert.deepEqual(lists.map((l: { list_id: string; version: number; entity_count: number }) => [l.list_id, l.version, l.entity_count]), [['us_ofac_cons', 2, 441]]);
      assert.equal(lists[0].authority, 'US Treasury OFAC');
      const versions = JSON.parse((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_cons/versions' })).body).versions;
      assert.deepEqual(versions.map((v: { version: number; entity_count: number; removed: number }) => [v.version, v.entity_count, v.removed]), [[1, 442, 0], [2, 441, 1]]);
      assert.equal((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_sdn/versions' })).statusCode, 404);
      assert.equal((await f.api.inject({ method: 'GET', url: '/v1/lists/Not-A-List/versions' })).statusCode, 400);
    });

    test('GET /v1/lists/{id}/diff names HUAWEI as removed; a version that does not exist is 404', async () => {
      const diff = JSON.parse((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_cons/diff?from=1&to=2' })).body);
      assert.deepEqual([diff.from, diff.to], [1, 2]);
      assert.deepEqual(diff.removed.map((r: { id: string }) => r.id), ['us_ofac_cons:30947']);
      assert.deepEqual(diff.added, []);
      const implicit = JSON.parse((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_cons/diff' })).body);
      assert.deepEqual([implicit.from, implicit.to], [1, 2]);
      assert.equal((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_cons/diff?to=9' })).statusCode, 404);
      assert.equal((await f.api.inject({ method: 'GET', url: '/v1/lists/us_ofac_cons/diff?to=x' })).statusCode, 400);
    });
  });
}
