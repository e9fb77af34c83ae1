import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { detectFccCovered, fccCoveredFormat } from './index.ts';
import { coveredParties, categoryLabel } from './fcc-covered.parties.ts';

const FILE = 'test/fixtures/us_fcc_covered_list/table.csv';

const read = (path: string): Promise<Summary> =>
  summarise(fccCoveredFormat.read(path, { today: '2026-09-01' }));
const named = (entities: Entity[], name: string) =>
  entities.find((e) => e.names.some((n) => n.value === name));

test('16 entries: 13 named parties (12 entries, one naming a subsidiary too) and 4 category Things', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'us_fcc_covered');
  assert.equal(r.rowsRead, 16);
  assert.equal(r.entities.filter((e) => e.schema === 'Company').length, 13);
  assert.equal(r.entities.filter((e) => e.schema === 'Thing').length, 4);
  assert.equal(r.warnings.filter((w) => w.severity === 'bad_record').length, 0);
});

test('Huawei, Hikvision, Dahua: producer name extracted, full text kept, March 12, 2021', async () => {
  const r = await read(FILE);
  for (const name of [
    'Huawei Technologies Company',
    'Hangzhou Hikvision Digital Technology Company',
    'Dahua Technology Company',
  ]) {
    const e = named(r.entities, name);
    assert.ok(e, name);
    assert.equal(e.names.length, 1);
    assert.equal(e.listing.start, '2021-03-12');
    assert.match(e.remarks[0]!, new RegExp(`produced by ${name}, `));
  }
  assert.equal(named(r.entities, 'Huawei Technologies Company')?.sourceId, 'huawei-technologies-company');
});

test('Kaspersky: AO Kaspersky Lab (2022-03-25) and Kaspersky Lab, Inc. (2024-07-23) are two parties', async () => {
  const r = await read(FILE);
  assert.equal(named(r.entities, 'AO Kaspersky Lab')?.listing.start, '2022-03-25');
  assert.equal(named(r.entities, 'Kaspersky Lab, Inc.')?.listing.start, '2024-07-23');
});

test('a wholly-owned subsidiary named with its parent is its own party, owned 100 %', async () => {
  const comnet = named((await read(FILE)).entities, 'ComNet (USA) LLC');
  assert.deepEqual(comnet?.relations, [
    {
      kind: 'ownership',
      role: 'owner',
      other: { name: 'Pacific Networks Corp' },
      share: [1, 1],
      note: 'wholly-owned subsidiary of Pacific Networks Corp',
    },
  ]);
});

test('the run-together date cell: start 2025-12-22, updates kept and noted', async () => {
  const r = await read(FILE);
  const uas = r.entities.find(
    (e) => e.schema === 'Thing' && e.names[0]!.value.startsWith('Uncrewed aircraft systems'),
  );
  assert.ok(uas);
  assert.equal(uas.names[0]!.value, 'Uncrewed aircraft systems (UAS) and UAS critical components');
  assert.equal(uas.listing.start, '2025-12-22');
  assert.deepEqual(uas.properties.updatedDate, ['2026-01-07', '2026-03-18', '2026-06-15', '2026-07-21']);
  assert.ok(r.warnings.some((w) => w.line === 13 && /updated on 2026-01-07/.test(w.reason)));
});

test('party extraction and category labels', () => {
  assert.deepEqual(
    coveredParties(
      'Cybersecurity and anti-virus software produced or provided by Kaspersky Lab, Inc. or any of its successors and assignees.',
    ),
    [{ name: 'Kaspersky Lab, Inc.' }],
  );
  assert.deepEqual(
    coveredParties(
      'Routers ^ produced in a foreign country, except routers which have been granted a Conditional Approval by DoW or DHS.',
    ),
    [],
  );
  assert.equal(
    categoryLabel('Foreign-produced power inverters, £ except power inverters'),
    'Foreign-produced power inverters',
  );
  assert.equal(categoryLabel('Routers ^ produced in a foreign country'), 'Routers');
});

test('damaged rows: an empty description is bad_record, an unreadable date is a note', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-fcc-'));
  const lines = (await readFile(FILE, 'utf8')).split('\r\n').slice(0, 2);
  lines.push(
    ',"March 1, 2021"',
    '"Equipment produced by Acme Networks Company, including services.",sometime in 2021',
    'one,two,three',
  );
  const path = join(tmp, 'table.csv');
  await writeFile(path, lines.join('\r\n') + '\r\n');
  const r = await read(path);
  assert.equal(r.rowsRead, 4);
  assert.deepEqual(
    r.entities.map((e) => e.names[0]!.value),
    ['Huawei Technologies Company', 'Acme Networks Company'],
  );
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [3, 'bad_record'],
      [4, 'note'],
      [5, 'bad_record'],
    ],
  );
});

test('detection by header', async () => {
  const head = (await readFile(FILE, 'latin1')).slice(0, 4096);
  assert.equal(detectFccCovered({ path: FILE, isDirectory: false, fileNames: ['table.csv'], head }), true);
  assert.equal(
    detectFccCovered({ path: FILE, isDirectory: false, fileNames: ['table.csv'], head: 'id,name\n' }),
    false,
  );
});
