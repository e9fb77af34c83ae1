// compare, compare-file and screen-file through the real CLI, on lists imported from the bundled files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { DATA, OFAC_CONS_DIR } from '../support/list-files.ts';

describe('CLI matching commands', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'embargo-match-'));
  before(async () => {
    db = await createTestDatabase('sqlite');
    const r = runCli(['--db', db.location, 'import', OFAC_CONS_DIR, join(DATA, 'us_ofac/sdn_csv')]);
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => db.drop());

  test('compare prints a score, the verdict and the explanation; --json has the same', () => {
    const r = runCli(['compare', 'HIKVISION DIGITAL TECHNOLOGY', 'Hikvision Digital Tech', '--schema', 'Company']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^0\.\d{3} {2}match {2}\(embargo-v/);
    const json = JSON.parse(runCli(['--json', 'compare', 'Kim Jong Un', 'Vladimir Putin']).stdout) as { match: boolean; score: number };
    assert.equal(json.match, false);
    assert.ok(json.score < 0.5);
  });

  test('compare-file passes columns through and adds score and match', () => {
    const input = join(dir, 'pairs.csv');
    writeFileSync(input, 'ref,name1,name2,schema\n1,Kim Jong Un,"KIM, Jong Un",Person\n2,Mahan Air,MAHAN AIR CO.,Company\n3,Acme Widgets,Mahan Air,Company\n');
    const out = join(dir, 'pairs.out.csv');
    assert.equal(runCli(['compare-file', input, '--out', out]).status, 0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'ref,name1,name2,schema,score,match');
    assert.deepEqual(lines.slice(1).map((l) => [l.split(',')[0], l.endsWith(',true') ? 'true' : 'false']), [['1', 'true'], ['2', 'true'], ['3', 'false']]);
  });

  test('screen-file writes one line per row in order; --lists narrows', () => {
    const input = join(dir, 'parties.csv');
    writeFileSync(input, 'Name,Country,ID\nHikvision,CN,\nKIM Jong Un,,\nAcme Widgets Ltd,GB,\n');
    const out = join(dir, 'out.jsonl');
    const r = runCli(['--db', db.location, 'screen-file', input, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { row: number; query: { name: string }; matches: { entityId: string; alsoOn: unknown[] }[] });
    assert.deepEqual(rows.map((x) => x.row), [1, 2, 3]);
    assert.equal(rows[0]!.matches[0]?.entityId, 'us_ofac_cons:30946');
    assert.equal(rows[1]!.matches[0]?.entityId, 'us_ofac_sdn:20157');
    assert.deepEqual(rows[2]!.matches, []);
    const narrowed = join(dir, 'narrowed.jsonl');
    assert.equal(runCli(['--db', db.location, 'screen-file', input, '--out', narrowed, '--lists', 'us_ofac_sdn']).status, 0);
    const first = JSON.parse(readFileSync(narrowed, 'utf8').split('\n')[0]!) as { matches: { listId: string }[] };
    assert.ok(first.matches.every((m) => m.listId === 'us_ofac_sdn'));
  });

  test('screen-file without a name column says how to fix it', () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'company,country\nHikvision,CN\n');
    const r = runCli(['--db', db.location, 'screen-file', input, '--out', join(dir, 'bad.jsonl')]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /no name column/);
  });
});
