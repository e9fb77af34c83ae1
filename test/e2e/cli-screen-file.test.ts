// `embargo screen-file` through the real CLI on SQLite and PostgreSQL: XLSX and JSON lines in, CSV and JSON lines
// out, worker threads, the forced progress bar, the audit record (input and output hashes) and a chain that
// still verifies, and no output when the input cannot be read.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { OFAC_CONS_DIR } from '../support/list-files.ts';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Report {
  id: string;
  algorithm: string;
  threshold: number;
  lists: { list_id: string; version: number }[];
  input: { file: string; format: string; sha256: string };
  output: { file: string; format: string; sha256: string; bytes: number };
  summary: { rows: number; potential_matches: number; clear: number; errors: number; matches: number };
}

for (const dialect of DIALECTS) {
  describe(`screen-file CLI (${dialect})`, () => {
    let db: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'embargo-screen-file-'));
    const cli = (args: string[]) => runCli(['--db', db.location, ...args]);
    before(async () => {
      db = await createTestDatabase(dialect);
      const r = cli(['import', OFAC_CONS_DIR]);
      assert.equal(r.status, 0, r.stderr);
    });
    after(() => db.drop());

    test('XLSX in, CSV out with --workers 2: the documented columns, one line per match', async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Parties');
      sheet.addRow(['Name', 'Schema', 'Country', 'Reference']);
      sheet.addRow(['Hikvision', 'Company', 'CN', 'S-1']);
      sheet.addRow(['Nordwind Logistik GmbH', 'Company', 'SY', 'S-2']);
      sheet.addRow(['Blue Harbor Trading LLC', 'Company', 'US', 'S-3']);
      const input = join(dir, 'parties.xlsx');
      await wb.xlsx.writeFile(input);
      const out = join(dir, 'results.csv');
      const r = cli(['--json', 'screen-file', input, '--out', out, '--workers', '2']);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      assert.deepEqual([report.input.format, report.output.format], ['xlsx', 'csv']);
      assert.deepEqual(
        [report.summary.rows, report.summary.potential_matches, report.summary.clear],
        [3, 2, 1],
      );
      const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
      assert.equal(rows.filter((x) => x.row === '1').length, report.summary.matches);
      assert.equal(rows.find((x) => x.row === '1')!.entity_id, 'us_ofac_cons:30946');
      assert.deepEqual(
        rows.filter((x) => x.row !== '1').map((x) => [x.reference, x.status, x.jurisdictions.split(' (')[0]]),
        [
          ['S-2', 'potential_match', 'sy Syria'],
          ['S-3', 'clear', ''],
        ],
      );
    });

    test('JSON lines in and out, a bad line as an error row; the audit record ties input and output by hash', () => {
      const input = join(dir, 'parties.jsonl');
      writeFileSync(
        input,
        '{"name":"Hikvision","country":"cn","reference":"a"}\n{"name":\n{"name":"Acme Widgets Ltd","address":"12 Calle 23, Havana"}\n',
      );
      const out = join(dir, 'results.jsonl');
      const r = cli([
        '--json',
        'screen-file',
        input,
        '--out',
        out,
        '--workers',
        '1',
        '--lists',
        'us_ofac_cons',
      ]);
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      const lines = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { row: number; error?: string; jurisdictions?: { code: string }[] });
      assert.deepEqual(
        lines.map((l) => l.row),
        [1, 2, 3],
      );
      assert.match(lines[1]!.error ?? '', /not valid JSON/);
      assert.deepEqual(
        lines[2]!.jurisdictions?.map((j) => j.code),
        ['cu'],
      );
      assert.equal(report.output.sha256, sha256(out));
      assert.equal(report.input.sha256, sha256(input));
      assert.deepEqual(report.lists, [{ list_id: 'us_ofac_cons', version: 1 }]);

      const exported = cli(['audit', 'export', '--format', 'jsonl']);
      assert.equal(exported.status, 0, exported.stderr);
      const records = exported.stdout
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as {
              id: string;
              kind: string;
              channel: string;
              actor: string;
              response: Report;
              request: { input: { sha256: string } };
              match_count: number;
            },
        );
      const record = records.find((x) => x.id === report.id)!;
      assert.deepEqual([record.kind, record.channel], ['batch_file', 'cli']);
      assert.match(record.actor, /^local:/);
      assert.equal(record.response.output.sha256, sha256(out));
      assert.equal(record.request.input.sha256, sha256(input));
      assert.equal(record.match_count, report.summary.matches);
      const verify = cli(['audit', 'verify']);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /audit chain intact/);
    });

    test('--progress forces the bar off a terminal: rows and rate on stderr', () => {
      const input = join(dir, 'progress.csv');
      writeFileSync(
        input,
        `name\n${Array.from({ length: 300 }, (_, i) => `Party ${i} Trading`).join('\n')}\n`,
      );
      const r = cli([
        'screen-file',
        input,
        '--out',
        join(dir, 'progress.jsonl'),
        '--progress',
        '--workers',
        '1',
      ]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /screening .*100% \| 300 rows \| [\d,]+ rows\/s \| ETA/);
      const quiet = cli(['screen-file', input, '--out', join(dir, 'quiet.jsonl'), '--workers', '1']);
      assert.doesNotMatch(quiet.stderr, /rows\/s/);
    });

    test('an unreadable input or an unknown list writes nothing and records nothing', () => {
      const before = cli(['audit', 'export', '--format', 'jsonl']).stdout.trim().split('\n').length;
      const bad = join(dir, 'broken.xlsx');
      writeFileSync(bad, 'name\nHikvision\n');
      const out = join(dir, 'never.csv');
      const r = cli(['screen-file', bad, '--out', out]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /not a readable XLSX workbook/);
      assert.equal(existsSync(out), false);
      const unknown = cli(['screen-file', join(dir, 'parties.jsonl'), '--out', out, '--lists', 'eu_fsf']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /list eu_fsf is not loaded/);
      const format = cli(['screen-file', join(dir, 'parties.jsonl'), '--out', join(dir, 'x.pdf')]);
      assert.equal(format.status, 2);
      assert.match(format.stderr, /--output-format jsonl\|csv/);
      assert.equal(existsSync(out), false);
      assert.equal(cli(['audit', 'export', '--format', 'jsonl']).stdout.trim().split('\n').length, before);
    });
  });
}
