import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { cnSanctionsFormat, detectCnSanctions } from './index.ts';
import { parseCnSanctions } from './cn-sanctions.parse.ts';

const FILE = 'test/fixtures/cn/sanctions.csv';

const read = (path: string, today = '2026-09-01'): Promise<Summary> =>
  summarise(cnSanctionsFormat.read(path, { today }));
const named = (entities: Entity[], name: string) =>
  entities.find((e) => e.names.some((n) => n.value === name));

test('610 rows: Company 378, Person 195, Organization 37', async () => {
  const types = new Map<string, number>();
  for await (const e of parseCnSanctions(FILE))
    if (e.type === 'record') types.set(e.record.type, (types.get(e.record.type) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(types), { Organization: 37, Company: 378, Person: 195 });
});

test('rows grouped into 457 parties with unique ids; QIDs used where printed', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'cn_gov_sanctions');
  assert.equal(r.rowsRead, 610);
  assert.equal(r.entities.length, 457);
  assert.equal(new Set(r.entities.map((e) => e.id)).size, 457);
  assert.ok(r.entities.some((e) => /^Q\d+$/.test(e.sourceId)));
  assert.equal(r.warnings.filter((w) => w.severity === 'bad_record').length, 0);
  // "EU" (2 rows) is not a country: a note, not an error.
  assert.ok(r.warnings.some((w) => w.severity === 'note' && /country "EU"/.test(w.reason)));
});

test('National Endowment for Democracy keeps its Chinese name as an original name', async () => {
  const ned = named((await read(FILE)).entities, 'National Endowment for Democracy');
  assert.ok(ned);
  assert.equal(ned.schema, 'Organization');
  assert.deepEqual(
    ned.names.find((n) => n.kind === 'original'),
    { value: '美国国家民主基金会', kind: 'original', lang: 'zh' },
  );
  assert.equal(ned.listing.start, '2019-12-02');
  assert.deepEqual(ned.countries, [{ code: 'us', role: 'country' }]);
  assert.equal(ned.sourceId, 'national-endowment-for-democracy');
});

test('Lockheed Martin Corporation: UEL 16.02.23 and the export-control list, one entity', async () => {
  const lm = named((await read(FILE)).entities, 'Lockheed Martin Corporation');
  assert.ok(lm?.names.some((n) => n.value === '洛克希德·马丁公司' && n.lang === 'zh'));
  assert.deepEqual(lm?.programs, ['UEL', 'List of Export Controls']);
  assert.equal(lm?.listing.start, '2023-02-16');
  assert.deepEqual(lm?.properties.listings, ['16.02.23 UEL', '02.01.2025 List of Export Controls']);
});

test('Skydio Inc. / 斯凯迪奥公司: UEL, two MFA decisions and the export-control list ("Skydio, Inc.")', async () => {
  const skydio = named((await read(FILE)).entities, 'Skydio Inc.');
  assert.ok(skydio?.names.some((n) => n.value === '斯凯迪奥公司'));
  assert.ok(skydio?.names.some((n) => n.value === 'Skydio, Inc.'));
  assert.deepEqual(skydio?.programs, [
    'Decision on Countermeasures against U.S. military-industry enterprises and senior managers',
    'UEL',
    'List of Targets of Countermeasures',
    'List of Export Controls',
  ]);
  assert.equal(skydio?.listing.start, '2024-10-10');
  assert.equal(skydio?.status, 'current');
});

test('End date: ended once it has passed (ReadOptions.today)', async () => {
  const before = named((await read(FILE, '2026-01-01')).entities, 'UAB Urbo Bankas');
  assert.equal(before?.status, 'current');
  assert.equal(before?.listing.end, '2026-04-24');
  const after = named((await read(FILE, '2026-09-01')).entities, 'UAB Urbo Bankas');
  assert.equal(after?.status, 'ended');
  assert.equal(named((await read(FILE)).entities, 'Skyla')?.listing.end, '2023-07-13'); // "13.07.23"
});

test('damaged rows: bad Type and a shifted row are bad_record, a bad date is a note', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-cn-'));
  const lines = (await readFile(FILE, 'utf8')).split('\n').slice(0, 3);
  lines.push(
    'Spaceship,,Some Ship,,,,,,,,,01.01.2024,,,',
    'Company,,Bad Date Co,,,,,,,,,2024-13-45,,,',
    'Company,,Shifted',
  );
  const path = join(tmp, 'sanctions.csv');
  await writeFile(path, lines.join('\n') + '\n');
  const r = await read(path);
  assert.equal(r.rowsRead, 5);
  assert.deepEqual(
    r.entities.map((e) => e.names[0]!.value),
    [
      'National Endowment for Democracy',
      'National Democratic Institute for International Affairs',
      'Bad Date Co',
    ],
  );
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [6, 'bad_record'],
      [4, 'bad_record'],
      [5, 'note'],
    ],
  );
});

test('detection by header', async () => {
  const head = (await readFile(FILE, 'latin1')).slice(0, 4096);
  assert.equal(
    detectCnSanctions({ path: FILE, isDirectory: false, fileNames: ['sanctions.csv'], head }),
    true,
  );
  assert.equal(
    detectCnSanctions({
      path: FILE,
      isDirectory: false,
      fileNames: ['sanctions.csv'],
      head: 'Name,Clean Name\n',
    }),
    false,
  );
});
