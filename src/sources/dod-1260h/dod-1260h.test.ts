import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { detectDod1260h, dod1260hFormat } from './index.ts';

const FILE = 'test/fixtures/us_dod_1260h/sanctions.csv';
const TODAY = '2026-09-01';

const read = (path: string): Promise<Summary> => summarise(dod1260hFormat.read(path, { today: TODAY }));
const named = (entities: Entity[], name: string) =>
  entities.find((e) => e.names.some((n) => n.value === name));

test('397 rows are 227 companies, one entity each', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'us_dod_1260h');
  assert.equal(r.rowsRead, 397);
  // 233 distinct Clean Name spellings; 6 pairs differ only in punctuation or case
  // ("Co., Ltd" / "Co., Ltd.", "Xi'an" / "Xi’an", "Group (Limited)" / "Group Limited").
  assert.equal(r.entities.length, 227);
  assert.equal(new Set(r.entities.map((e) => e.id)).size, 227);
  assert.deepEqual(r.warnings, []);
  const tranches = r.entities.reduce((n, e) => n + (e.properties.tranches?.length ?? 0), 0);
  assert.equal(tranches, 397); // every row is one tranche of one company
});

test('Hikvision: printed name, parent CETC as owner, tranches 2021-06-03 and 2025-01-07', async () => {
  const r = await read(FILE);
  const hik = named(r.entities, 'Hangzhou Hikvision Digital Technology Co., Ltd. (Hikvision)');
  assert.ok(hik);
  assert.equal(hik.sourceId, 'hangzhou-hikvision-digital-technology-co-ltd');
  assert.equal(hik.schema, 'Company');
  assert.equal(hik.names[0]?.value, 'Hangzhou Hikvision Digital Technology Co., Ltd.');
  assert.ok(hik.names.some((n) => n.value === 'Hikvision' && n.kind === 'aka'));
  assert.deepEqual(hik.relations, [
    {
      kind: 'ownership',
      role: 'owner',
      other: { name: 'China Electronics Technology Group Corporation' },
      note: 'Parent Name: China Electronics Technology Group Corporation',
    },
  ]);
  assert.deepEqual(hik.properties.tranches, ['2021-06-03', '2025-01-07', '2026-06-08']);
  assert.equal(hik.listing.start, '2021-06-03');
  assert.equal(hik.status, 'current');
});

test('Huawei and SMIC Beijing carry their parents', async () => {
  const r = await read(FILE);
  const huawei = named(r.entities, 'Huawei Technologies Co., Ltd. (Huawei)');
  assert.deepEqual(
    huawei?.relations.map((x) => 'name' in x.other && x.other.name),
    ['Huawei Investment & Holding Co., Ltd.'],
  );
  const smic = named(
    r.entities,
    'Semiconductor Manufacturing International (Beijing) Corporation (SMIC Beijing)',
  );
  assert.deepEqual(
    smic?.relations.map((x) => 'name' in x.other && x.other.name),
    ['Semiconductor Manufacturing International Corporation'],
  );
  assert.equal(smic?.relations[0]?.share, undefined); // share not stated
});

test('a company whose every tranche ended is ended; one relisted after removal stays current', async () => {
  const r = await read(FILE);
  const megvii = named(r.entities, 'Beijing Megvii Technology Co., Ltd.');
  assert.equal(megvii?.status, 'ended');
  assert.equal(megvii?.listing.end, '2025-01-07');
  assert.deepEqual(megvii?.properties.tranches, ['2024-01-31/2025-01-07']);
  const costar = named(r.entities, 'Costar Group Co., Ltd.');
  assert.equal(costar?.status, 'current'); // 2021 tranche has no end date
  assert.deepEqual(costar?.properties.tranches, ['2021-06-03', '2025-01-07/2026-02-17']);
  assert.equal(r.entities.filter((e) => e.status === 'ended').length, 18);
});

test('damaged rows: a bad date is a note, a shifted row and an empty name are bad_record', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-1260h-'));
  const lines = (await readFile(FILE, 'utf8')).split('\n').slice(0, 4);
  lines.push('Acme Corp,Acme Corp,,,,,June 2021,,', ',,,,,,2021-06-03,,', 'Too,Many,Fields,,,,,,,,');
  const path = join(tmp, 'sanctions.csv');
  await writeFile(path, lines.join('\n') + '\n');
  const r = await read(path);
  assert.equal(r.rowsRead, 6);
  assert.equal(r.entities.length, 4);
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [6, 'bad_record'],
      [7, 'bad_record'],
      [5, 'note'],
    ],
  );
  assert.match(r.warnings[2]!.reason, /start date "June 2021"/);
});

test('detection by header', async () => {
  const head = (await readFile(FILE, 'latin1')).slice(0, 4096);
  assert.equal(detectDod1260h({ path: FILE, isDirectory: false, fileNames: ['sanctions.csv'], head }), true);
  const cn = (await readFile('test/fixtures/cn/sanctions.csv', 'latin1')).slice(0, 4096);
  assert.equal(
    detectDod1260h({ path: 'x', isDirectory: false, fileNames: ['sanctions.csv'], head: cn }),
    false,
  );
});
