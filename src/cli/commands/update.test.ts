// `embargo update` as a user runs it (a child process), against a local server named by EMBARGO_SOURCES:
// progress per list with each file's sha256, a failed list reported with its URL and the version kept,
// exit code 1 when any list failed, 0 when all are current, 2 for a list that cannot be updated.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../../test/support/databases.ts';
import { OFAC_CONS_DIR } from '../../../test/support/list-files.ts';
import { fileRoute, startListServer, statusRoute, writeLocalOverrides } from '../../../test/support/list-server.ts';
import { loadSourceCatalogue } from '../../ingest/fetch/index.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const CONS_FILES = ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'];

/** Runs the CLI without blocking this process (the local server must keep answering). */
function run(args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

describe('embargo update (CLI)', () => {
  test('updates what downloads, reports what fails, exits 1; a second run is all unchanged and exits 0', async () => {
    const server = await startListServer({
      ...Object.fromEntries(CONS_FILES.map((f) => [`/cons/${f}`, fileRoute(join(OFAC_CONS_DIR, f), 'text/csv')])),
      '/un.xml': statusRoute(404),
    });
    const db = await createTestDatabase('sqlite');
    try {
      const paths = { ...Object.fromEntries(CONS_FILES.map((f) => [`us_ofac_cons/${f}`, `/cons/${f}`])), 'un_sc/consolidated.xml': '/un.xml' };
      const env = { EMBARGO_SOURCES: writeLocalOverrides(server, await loadSourceCatalogue(), paths), EMBARGO_DB: db.location };

      const first = await run(['update', 'us_ofac_cons', 'un_sc'], env);
      assert.equal(first.status, 1, first.stderr);
      assert.match(first.stdout, /^us_ofac_cons v1: 442 entities from 442 rows \(\+442 −0 ~0\); \d+ warnings \(0 bad records\)$/m);
      const primSha = createHash('sha256').update(readFileSync(join(OFAC_CONS_DIR, 'cons_prim.csv'))).digest('hex');
      assert.match(first.stdout, new RegExp(`^  cons_prim\\.csv: 238,635 bytes, sha256 ${primSha} \\(http://127\\.0\\.0\\.1:\\d+/cons/cons_prim\\.csv\\)$`, 'm'));
      assert.match(first.stderr, /^un_sc: FAILED — download of consolidated\.xml failed \(http:\/\/127\.0\.0\.1:\d+\/un\.xml\): the server answered HTTP 404 Not Found \(the URL may have moved\); nothing was imported \(no version of un_sc is stored yet\)$/m);
      assert.match(first.stderr, /^2 lists: 1 updated, 0 unchanged, 1 failed, 0 skipped$/m);
      assert.equal(server.requests.filter((p) => p === '/un.xml').length, 1, 'a 404 is not retried');

      const second = await run(['--json', 'update', 'us_ofac_cons'], env);
      assert.equal(second.status, 0, second.stderr);
      const outcomes = JSON.parse(second.stdout) as { listId: string; status: string; version: number; files: { name: string; sha256: string }[] }[];
      assert.deepEqual(outcomes.map((o) => [o.listId, o.status, o.version]), [['us_ofac_cons', 'unchanged', 1]]);
      assert.equal(outcomes[0]!.files.find((f) => f.name === 'cons_prim.csv')?.sha256, primSha);
    } finally {
      await db.drop();
      await server.close();
    }
  });

  test('an import-only list is a usage error (exit 2); --help names the updatable and the import-only lists', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const refused = await run(['update', 'us_bis_dpl'], { EMBARGO_DB: db.location });
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /us_bis_dpl: not a list that embargo update can download/);
      assert.match(refused.stderr, /fix: updatable lists: .*every other list is import-only/);
      const help = await run(['update', '--help'], {});
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^ {2}eu_fsf +webgate\.ec\.europa\.eu \(needs EMBARGO_EU_FSF_TOKEN\)$/m);
      assert.match(help.stdout, /Every other list is import-only[^\n]*\n {2}us_bis_dpl, us_bis_mieu, us_state_isn,/);
    } finally {
      await db.drop();
    }
  });
});
