// Import pipeline on real OFAC files, on SQLite and PostgreSQL: versions, identical re-imports, diffs,
// and the three safety nets (bad records, mass removal, a killed process).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DIALECTS, freshStore } from '../../test/support/databases.ts';
import { editedCopy, OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../test/support/list-files.ts';
import type { AppError } from '../domain/errors.ts';
import { listId } from '../domain/ids.ts';
import { openStore, type Store } from '../store/index.ts';
import { diffList } from './diff.ts';
import { importList } from './import-list.ts';

const CONS = listId('us_ofac_cons');
const SDN = listId('us_ofac_sdn');
const TODAY = '2026-11-29';
const HANG = fileURLToPath(new URL('../../test/support/import-and-hang.ts', import.meta.url));

async function count(store: Store): Promise<number> {
  let n = 0;
  for await (const _ of store.currentEntities([CONS])) n++;
  return n;
}

for (const dialect of DIALECTS) {
  describe(`importList (${dialect})`, () => {
    async function withStore(fn: (store: Store, location: string) => Promise<void>): Promise<void> {
      const { store, db, cleanup } = await freshStore(dialect);
      try {
        await fn(store, db.location);
      } finally {
        await cleanup();
      }
    }

    test('versions the OFAC consolidated list: identical re-import creates none; a removal and re-listing are diffed', () =>
      withStore(async (store) => {
        const first = await importList(store, OFAC_CONS_DIR, { today: TODAY });
        assert.deepEqual([first.listId, first.version, first.created, first.entitiesStored], [CONS, 1, true, 442]);
        const again = await importList(store, OFAC_CONS_DIR, { today: TODAY });
        assert.deepEqual([again.version, again.created], [1, false]);

        const without = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) => lines.filter((l) => !l.startsWith('30946,')));
        const second = await importList(store, without, { today: TODAY });
        assert.deepEqual([second.version, second.removed, second.added, second.entitiesStored], [2, 1, 0, 441]);
        const third = await importList(store, OFAC_CONS_DIR, { today: TODAY });
        assert.deepEqual([third.version, third.added], [3, 1]);

        const diff = await diffList(store, CONS);
        assert.deepEqual(diff.added.map((a) => [a.id, a.caption]), [['us_ofac_cons:30946', 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.']]);
        const back = await diffList(store, CONS, { from: 1, to: 2 });
        assert.deepEqual(back.removed.map((r) => r.id), ['us_ofac_cons:30946']);
        assert.equal((await store.currentVersions())[0]?.entityCount, 442);
      }));

    test('a changed record shows field-level changes', () =>
      withStore(async (store) => {
        await importList(store, OFAC_CONS_DIR, { today: TODAY });
        const renamed = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) =>
          lines.map((l) => (l.startsWith('30946,') ? l.replace('"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD."', '"HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY"') : l)),
        );
        const report = await importList(store, renamed, { today: TODAY });
        assert.equal(report.changed, 1);
        const diff = await diffList(store, CONS);
        const change = diff.changed.find((c) => c.id === 'us_ofac_cons:30946');
        const names = change?.changes.find((f) => f.field === 'names');
        assert.deepEqual(names?.added, ['HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY (primary)']);
        assert.deepEqual(names?.removed, ['HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD. (primary)']);
      }));

    test('more than 1 % bad records rejects the file and keeps the previous version', () =>
      withStore(async (store) => {
        await importList(store, OFAC_SDN_DIR, { today: TODAY });
        // Damage the ent_num of every 50th row: 2 % of 8,976 records.
        const damaged = editedCopy(OFAC_SDN_DIR, 'sdn.csv', (lines) => lines.map((l, i) => (i % 50 === 0 ? l.replace(/^\d+,/, 'X,') : l)));
        await assert.rejects(importList(store, damaged, { today: TODAY }), (e: AppError) => e.code === 'too_many_bad_records' && /sdn\.csv:1\b/.test(e.where ?? ''));
        assert.deepEqual((await store.currentVersions()).map((v) => [v.listId, v.version, v.entityCount]), [[SDN, 1, 8976]]);
      }));

    test('a few bad records import the rest with warnings naming file and line', () =>
      withStore(async (store) => {
        const damaged = editedCopy(OFAC_SDN_DIR, 'sdn.csv', (lines) => lines.map((l, i) => (i === 9 ? l.replace(/^\d+,/, 'X,') : l)));
        const report = await importList(store, damaged, { today: TODAY });
        assert.equal(report.entitiesStored, 8975);
        const bad = report.warnings.filter((w) => w.severity === 'bad_record');
        assert.equal(bad.length, 1);
        assert.match(`${bad[0]!.file}:${bad[0]!.line}`, /sdn\.csv:10$/);
      }));

    test('removing more than 20 % of the list is refused unless allowed', () =>
      withStore(async (store) => {
        await importList(store, OFAC_CONS_DIR, { today: TODAY });
        const half = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) => lines.slice(0, 200));
        await assert.rejects(importList(store, half, { today: TODAY }), (e: AppError) => e.code === 'mass_removal');
        assert.equal(await count(store), 442);
        const allowed = await importList(store, half, { today: TODAY, allowMassRemoval: true });
        assert.equal(allowed.entitiesStored, 200);
        assert.equal(await count(store), 200);
      }));

    test('an unusable file is refused', () =>
      withStore(async (store) => {
        const empty = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', () => ['']);
        await assert.rejects(importList(store, empty, { today: TODAY }), (e: AppError) => e.code === 'unusable_file');
        assert.deepEqual(await store.currentVersions(), []);
      }));

    test('kill -9 in the middle of an import leaves the previous version intact', () =>
      withStore(async (store, location) => {
        await importList(store, OFAC_CONS_DIR, { today: TODAY });
        const smaller = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) => lines.slice(0, 100));
        const child = fork(HANG, [location, smaller, CONS], { stdio: 'ignore' });
        await new Promise<void>((resolve, reject) => {
          child.once('message', () => resolve());
          child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
        });
        child.removeAllListeners('exit');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        const reopened = await openStore(location);
        try {
          assert.deepEqual((await reopened.currentVersions()).map((v) => [v.version, v.entityCount]), [[1, 442]]);
          let n = 0;
          for await (const _ of reopened.currentEntities([CONS])) n++;
          assert.equal(n, 442);
          const next = await importList(reopened, smaller, { today: TODAY, allowMassRemoval: true });
          assert.equal(next.version, 2);
        } finally {
          await reopened.close();
        }
      }));
  });
}
