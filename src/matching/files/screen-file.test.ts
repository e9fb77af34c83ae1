// screen-file over real lists: every input format, both output formats, worker threads keeping input order, bad
// rows as values, and no output at all when the input cannot be read or the commit hook fails.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  DEFAULT_JURISDICTIONS_PATH,
  findJurisdictions,
  loadJurisdictions,
} from '../../jurisdictions/index.ts';
import { buildIndex, CSV_COLUMNS, openScreenPool } from '../index.ts';
import { bundled } from '../test-lists.ts';
import { screenFile, type ScreenFileOptions } from './screen-file.ts';
import type { FileParty } from './file-party.ts';

const index = buildIndex([
  ...(await bundled('data/us_ofac/consolidated_csv')),
  ...(await bundled('data/us_ofac/sdn_csv')),
]);
const pool = openScreenPool(index, { workers: 1 });
const workers = openScreenPool(index, { workers: 2 });
after(() => workers.close());
const table = loadJurisdictions(DEFAULT_JURISDICTIONS_PATH);
const options: ScreenFileOptions = {
  jurisdictions: (p: FileParty) =>
    findJurisdictions(table, {
      countries: p.country === undefined ? [] : [p.country],
      addresses: p.address === undefined ? [] : [p.address],
    }),
};
const dir = await mkdtemp(join(tmpdir(), 'embargo-screen-file-'));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function jsonLines(path: string): Promise<Record<string, unknown>[]> {
  return (await readFile(path, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('XLSX in: first sheet, header row 1, reference and address echoed, jurisdiction findings', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('parties');
  sheet.addRow(['Reference', 'Name', 'Schema', 'Country', 'Address']);
  sheet.addRow(['p-1', 'Hikvision', 'Company', 'CN', '']);
  sheet.addRow(['p-2', 'Acme Widgets Ltd', 'Company', 'GB', 'Ulitsa Lenina 1, Simferopol, Crimea']);
  sheet.addRow(['p-3', 'Nordwind Logistik GmbH', 'Company', 'DE', '']);
  const input = join(dir, 'in.xlsx');
  await wb.xlsx.writeFile(input);
  const out = join(dir, 'xlsx-out.jsonl');
  const summary = await screenFile(pool, input, out, options);
  assert.deepEqual(
    [summary.rows, summary.rowsWithMatches, summary.potentialMatches, summary.clear],
    [3, 1, 2, 1],
  );
  assert.equal(summary.input.format, 'xlsx');
  const rows = await jsonLines(out);
  assert.deepEqual(rows[0]!.query, { name: 'Hikvision', schema: 'Company', country: 'CN', reference: 'p-1' });
  assert.equal((rows[0]!.matches as { entityId: string }[])[0]!.entityId, 'us_ofac_cons:30946');
  assert.equal(rows[0]!.jurisdictions, undefined, 'no key when there is no finding');
  const crimea = rows[1]!.jurisdictions as { code: string; matched_on: string; citations: unknown[] }[];
  assert.deepEqual(
    crimea.map((j) => [j.code, j.matched_on]),
    [['ua-cri', 'address']],
  );
  assert.ok(crimea[0]!.citations.length > 0);
  assert.deepEqual(rows[2]!.matches, []);
});

test('JSON lines in: id as an array, bad lines and refused queries as error rows with line and hint', async () => {
  const input = await file(
    'in.jsonl',
    [
      '{"name":"KIM Jong Un","schema":"Person","reference":"c-9"}',
      '{"name": "unterminated"',
      '',
      '{"schema":"Company","country":"ir"}',
      '{"NAME":"Something","id":["lei:X","uscc:Y1234"]}',
    ].join('\n'),
  );
  const out = join(dir, 'jsonl-out.jsonl');
  const summary = await screenFile(pool, input, out, options);
  assert.deepEqual([summary.rows, summary.rowsWithErrors, summary.rowsWithMatches], [4, 3, 1]);
  const rows = await jsonLines(out);
  assert.deepEqual(
    rows.map((r) => r.row),
    [1, 2, 3, 4],
  );
  assert.equal((rows[0]!.matches as { entityId: string }[])[0]!.entityId, 'us_ofac_sdn:20157');
  assert.deepEqual(rows[1]!.query, null);
  assert.match(String(rows[1]!.error), /not valid JSON/);
  assert.equal(rows[1]!.where, `${input}:2`);
  assert.deepEqual([rows[2]!.error, rows[2]!.where], ['the query has no name', `${input}:4 (name)`]);
  assert.equal(rows[2]!.hint, 'give the name to screen');
  assert.deepEqual((rows[3]!.query as { id: string[] }).id, ['lei:X', 'uscc:Y1234']);
  assert.match(String(rows[3]!.error), /too short/);
});

test('CSV out: the documented columns, one line per match and one per row without a match', async () => {
  const input = await file(
    'in.csv',
    'reference,name,schema,country,id\nr1,Hikvision,Company,CN,\nr2,Nordwind Logistik GmbH,Company,cu,\nr3,,Person,,\nr4,"MAHAN AIR",Company,,"imo:9187629;lei:549300ZQ4R1L6PT7XN25"\n',
  );
  const out = join(dir, 'out.csv');
  const summary = await screenFile(pool, input, out, options);
  const text = await readFile(out, 'utf8');
  assert.equal(text.split('\n')[0], CSV_COLUMNS.join(','));
  const lines = parse(text, { columns: true }) as Record<string, string>[];
  assert.equal(summary.output.format, 'csv');
  const byRow = (n: string) => lines.filter((l) => l.row === n);
  const hik = byRow('1');
  assert.ok(hik.length >= 1);
  assert.deepEqual(
    hik.map((l) => l.match_rank),
    hik.map((_, i) => String(i + 1)),
  );
  assert.deepEqual(
    [hik[0]!.reference, hik[0]!.status, hik[0]!.entity_id, hik[0]!.list_id],
    ['r1', 'potential_match', 'us_ofac_cons:30946', 'us_ofac_cons'],
  );
  assert.match(hik[0]!.score!, /^\d\.\d{4}$/);
  assert.ok(hik[0]!.explanation!.length > 0);
  assert.deepEqual(
    byRow('2').map((l) => [l.status, l.match_rank, l.jurisdictions]),
    [['potential_match', '', 'cu Cuba (comprehensive embargo; country: cu)']],
  );
  assert.deepEqual(
    byRow('3').map((l) => [l.status, l.error]),
    [['error', `the query has no name (${input}:4 (name)): give the name to screen`]],
  );
  const mahan = byRow('4');
  assert.equal(mahan[0]!.id, 'imo:9187629;lei:549300ZQ4R1L6PT7XN25');
  const matchLines = lines.filter((l) => l.match_rank !== '').length;
  assert.equal(matchLines, summary.matches);
  assert.equal(lines.length, summary.matches + lines.filter((l) => l.match_rank === '').length);
  assert.equal(lines.filter((l) => l.match_rank === '').length, summary.rows - summary.rowsWithMatches);
});

test('worker threads keep input order: 2,000 rows give the same bytes as one thread', async () => {
  const cards = index.data.cards;
  const lines = ['name,schema,country'];
  for (let i = 0; i < 2000; i++) {
    const c = cards[(i * 7919) % cards.length]!;
    const name =
      i % 3 === 0
        ? c.caption
        : i % 3 === 1
          ? c.caption.split(' ').reverse().join(' ')
          : `Clean Trading ${i} GmbH`;
    lines.push(
      `"${name.replaceAll('"', '""')}",${i % 5 === 0 ? '' : c.schema},${i % 11 === 0 ? 'xx-bad' : ''}`,
    );
  }
  const input = await file('many.csv', `${lines.join('\n')}\n`);
  const one = join(dir, 'one.jsonl');
  const two = join(dir, 'two.jsonl');
  const a = await screenFile(pool, input, one, { ...options, chunkRows: 64 });
  const progress: number[] = [];
  const b = await screenFile(workers, input, two, {
    ...options,
    chunkRows: 64,
    onProgress: (p) => progress.push(p.rows),
  });
  assert.equal(a.rows, 2000);
  assert.ok(a.rowsWithMatches > 600, `${a.rowsWithMatches} rows with matches`);
  assert.equal(await readFile(one, 'utf8'), await readFile(two, 'utf8'));
  assert.equal(a.output.sha256, b.output.sha256);
  assert.deepEqual(
    (await jsonLines(two)).map((r) => r.row),
    Array.from({ length: 2000 }, (_, i) => i + 1),
  );
  assert.equal(progress.at(-1), 2000);
  assert.ok(progress.length >= 2000 / 64);
});

test('an input that cannot be read, or a failed commit, leaves no output (and an older output untouched)', async () => {
  const out = await file('kept.jsonl', 'previous\n');
  const xlsx = await file('not-a-workbook.xlsx', 'name\nHikvision\n');
  await assert.rejects(screenFile(pool, xlsx, out), { code: 'unusable_file' });
  await assert.rejects(screenFile(pool, join(dir, 'missing.csv'), out), { code: 'unusable_file' });
  await assert.rejects(screenFile(pool, await file('noname.csv', 'company\nHikvision\n'), out), {
    code: 'invalid_input',
    message: /has no name column/,
  });
  const good = await file('good.csv', 'name\nHikvision\n');
  await assert.rejects(
    screenFile(pool, good, out, { beforeCommit: () => Promise.reject(new Error('audit store down')) }),
    /audit store down/,
  );
  const fresh = join(dir, 'fresh.csv');
  await assert.rejects(screenFile(pool, xlsx, fresh), { code: 'unusable_file' });
  assert.equal(existsSync(fresh), false);
  assert.equal(await readFile(out, 'utf8'), 'previous\n');
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
  await assert.rejects(screenFile(pool, good, join(dir, 'out.xlsx')), {
    code: 'unknown_format',
    hint: /--output-format/,
  });
  await assert.rejects(screenFile(pool, good, join(dir, 'x.jsonl'), { inputFormat: 'pdf' }), {
    code: 'unknown_format',
    hint: /--input-format/,
  });
  await assert.rejects(screenFile(pool, good, join(dir, 'no-such-dir', 'x.jsonl')), {
    code: 'unusable_file',
    message: /cannot write/,
  });
});
