// The Core A command line end to end on real files, on SQLite and PostgreSQL: import, lists, diff, export.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, DIALECTS } from '../support/databases.ts';
import { editedCopy, FIXTURES, OFAC_CONS_DIR } from '../support/list-files.ts';

for (const dialect of DIALECTS) {
  describe(`CLI import / lists / diff / export (${dialect})`, () => {
    test('Hikvision removed then re-added shows in diff; lists and export agree', async () => {
      const db = await createTestDatabase(dialect);
      try {
        const without = editedCopy(OFAC_CONS_DIR, 'cons_prim.csv', (lines) => lines.filter((l) => !l.startsWith('30946,')));
        assert.equal(runCli(['--db', db.location, 'import', without]).status, 0);
        const second = runCli(['--db', db.location, 'import', OFAC_CONS_DIR]);
        assert.equal(second.status, 0, second.stderr);
        assert.match(second.stdout, /us_ofac_cons v2: 442 entities from 442 rows \(\+1 −0 ~0\)/);

        const lists = JSON.parse(runCli(['--db', db.location, '--json', 'lists']).stdout) as { id: string; version: number; entities: number; kind: string }[];
        assert.deepEqual(lists.map((l) => [l.id, l.version, l.entities, l.kind]), [['us_ofac_cons', 2, 442, 'sanctions']]);

        const diff = runCli(['--db', db.location, 'diff', 'us_ofac_cons']);
        assert.match(diff.stdout, /\+ HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO\., LTD\. was added to the Consolidated Sanctions List \(non-SDN\) \(us_ofac_cons:30946\)/);

        const out = join(mkdtempSync(join(tmpdir(), 'embargo-export-')), 'cons.ftm.json');
        assert.equal(runCli(['--db', db.location, 'export', 'us_ofac_cons', '--out', out]).status, 0);
        const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; properties: Record<string, string[]> });
        assert.equal(lines.length, 442);
        assert.ok(lines.find((l) => l.id === '30946')?.properties['alias']?.includes('HIKVISION'));
      } finally {
        await db.drop();
      }
    });

    test('FtM file round-trips through import and export', async () => {
      const db = await createTestDatabase(dialect);
      try {
        const file = join(FIXTURES, 'ftm/dataset/zala/entities.ftm.json');
        assert.equal(runCli(['--db', db.location, 'import', file, '--list', 'ftm_zala']).status, 0);
        const exported = runCli(['--db', db.location, 'export', 'ftm_zala']).stdout.trim().split('\n');
        const key = (l: string) => {
          const o = JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> };
          return JSON.stringify([o.id, o.schema, o.properties]);
        };
        const original = readFileSync(file, 'utf8').trim().split('\n');
        assert.equal(exported.length, 91);
        assert.deepEqual(new Set(exported.map(key)), new Set(original.map(key)));
      } finally {
        await db.drop();
      }
    });

    test('errors say what, where and how to fix, with exit code 2 for usage', async () => {
      const db = await createTestDatabase(dialect);
      try {
        const missing = runCli(['--db', db.location, 'import', '/nonexistent/list.csv']);
        assert.equal(missing.status, 1);
        assert.match(missing.stderr, /no file or folder at \/nonexistent\/list\.csv/);
        const badList = runCli(['--db', db.location, 'diff', 'Not A List']);
        assert.equal(badList.status, 2);
        assert.match(badList.stderr, /fix: use snake_case/);
        assert.equal(runCli(['--db', db.location, 'frobnicate']).status, 2);
      } finally {
        await db.drop();
      }
    });
  });
}
