// The screening command line end to end on the real OFAC consolidated list, on SQLite and PostgreSQL:
// screen (table, JSON, exit codes), audit checkpoint / verify / export (and a deleted record found),
// keys create / list / revoke, and serve answering over HTTP with keys required off loopback.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { OFAC_CONS_DIR } from '../support/list-files.ts';

const KEY_ENV = { EMBARGO_AUDIT_KEY: 'e2e-audit-key' };
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

async function sql(db: TestDatabase, statement: string): Promise<void> {
  if (db.dialect === 'sqlite') {
    const raw = new DatabaseSync(db.location);
    raw.exec(statement);
    raw.close();
    return;
  }
  const client = new pg.Client({ connectionString: db.location });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** Starts `embargo serve` on a free port; resolves with its URL once the index is ready. */
async function serve(db: TestDatabase, args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN, '--db', db.location, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const address = /Embargo API on (http:\/\/\S+) /.exec(log)?.[1];
      if (address !== undefined && /index ready/.test(log)) resolve(address.replace('0.0.0.0', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

for (const dialect of DIALECTS) {
  describe(`CLI screen / audit / keys / serve (${dialect})`, () => {
    test('screen, then checkpoint, export and verify the audit log; a deleted record is found', async () => {
      const db = await createTestDatabase(dialect);
      const cli = (args: string[], env: Record<string, string> = {}) => runCli(['--db', db.location, ...args], { env });
      try {
        assert.equal(cli(['import', OFAC_CONS_DIR]).status, 0);
        const hit = cli(['--json', 'screen', 'Hikvision', '--country', 'CN']);
        assert.equal(hit.status, 1, hit.stderr);
        const body = JSON.parse(hit.stdout);
        assert.equal(body.matches[0].entity_id, 'us_ofac_cons:30946');
        assert.deepEqual(body.lists, [{ list_id: 'us_ofac_cons', version: 1 }]);
        const table = cli(['screen', 'HUAWEI TECHNOLOGIES CO LTD']);
        assert.equal(table.status, 1);
        assert.match(table.stdout, /score\s+lists\s+listed name\s+matched alias\s+why/);
        assert.match(table.stdout, /us_ofac_cons\s+HUAWEI TECHNOLOGIES CO\., LTD\./);
        const clear = cli(['screen', 'Zyxwv Quartz Bakery', '--address', 'Hauptstrasse 1, Berlin']);
        assert.equal(clear.status, 0);
        assert.match(clear.stdout, /^0 match\(es\)/);
        const havana = cli(['screen', 'Zyxwv Quartz Bakery', '--address', 'Calle 23, Havana, Cuba']);
        assert.equal(havana.status, 1);
        assert.match(havana.stdout, /jurisdiction: Cuba .*31 CFR part 515/);
        assert.equal(cli(['screen', 'x', '--threshold', '2']).status, 2);

        assert.equal(cli(['audit', 'checkpoint']).status, 2);
        const checkpoint = cli(['audit', 'checkpoint'], KEY_ENV).stdout.trim();
        assert.match(checkpoint, /^v1\.4\.[0-9a-f]{64}\.[0-9a-f]{64}$/);
        const verified = cli(['audit', 'verify', '--expect-head', checkpoint], KEY_ENV);
        assert.equal(verified.status, 0, verified.stdout);
        assert.match(verified.stdout, /4 records.*\n.*audit chain intact/);

        const lines = cli(['audit', 'export']).stdout.trim().split('\n').map((l) => JSON.parse(l));
        assert.deepEqual(lines.map((l) => [l.seq, l.kind, l.channel, l.match_count]), [[1, 'screen', 'cli', 1], [2, 'screen', 'cli', 1], [3, 'screen', 'cli', 0], [4, 'screen', 'cli', 0]]);
        assert.equal(lines[0].request.name, 'Hikvision');
        assert.match(lines[0].actor, /^local:/);
        const csv = join(mkdtempSync(join(tmpdir(), 'embargo-audit-')), 'audit.csv');
        assert.equal(cli(['audit', 'export', '--output', csv, '--from', lines[1].at]).status, 0);
        const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
        assert.equal(rows[0], 'seq,id,at,actor,channel,kind,algorithm,threshold,match_count,lists,request,normalised,response,prev_hash,hash');
        assert.equal(rows.length, 4);

        await sql(db, 'delete from audit_log where seq = 2');
        const broken = cli(['audit', 'verify', '--expect-head', checkpoint], KEY_ENV);
        assert.equal(broken.status, 1);
        assert.match(broken.stdout, /deleted at record 2/);
      } finally {
        await db.drop();
      }
    });

    test('keys: created once, listed, revoked; serve needs them off loopback', async () => {
      const db = await createTestDatabase(dialect);
      const cli = (args: string[]) => runCli(['--db', db.location, ...args]);
      try {
        assert.equal(cli(['import', OFAC_CONS_DIR]).status, 0);
        const created = cli(['keys', 'create', '--name', 'erp', '--role', 'screener']);
        assert.equal(created.status, 0, created.stderr);
        const secret = created.stdout.trim();
        assert.match(secret, /^emb_[A-Za-z0-9_-]{43}$/);
        assert.equal(cli(['keys', 'create', '--name', 'erp', '--role', 'screener']).status, 1);
        assert.equal(cli(['keys', 'create', '--name', 'x', '--role', 'boss']).status, 2);
        assert.deepEqual(JSON.parse(cli(['--json', 'keys', 'list']).stdout).map((k: { name: string; role: string }) => [k.name, k.role]), [['erp', 'screener']]);

        const server = await serve(db, ['--host', '0.0.0.0']);
        try {
          const call = (headers: Record<string, string>) =>
            fetch(`${server.url}/v1/screen`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: 'Hikvision' }) });
          assert.equal((await call({})).status, 401);
          const ok = await call({ authorization: `Bearer ${secret}` });
          assert.equal(ok.status, 200);
          assert.equal(((await ok.json()) as { matches: { entity_id: string }[] }).matches[0]!.entity_id, 'us_ofac_cons:30946');
          assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
          assert.equal(cli(['keys', 'revoke', 'erp']).status, 0);
          await new Promise((r) => setTimeout(r, 2100));
          assert.equal((await call({ authorization: `ApiKey ${secret}` })).status, 401);
        } finally {
          assert.equal(await server.stop(), 0);
        }
        assert.equal(cli(['keys', 'revoke', 'erp']).status, 1);
      } finally {
        await db.drop();
      }
    });
  });
}
