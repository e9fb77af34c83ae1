import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { detectOfsiXlsx, ukOfsiFormat } from './index.ts';
import { parseOfsiXlsx } from './uk-ofsi.parse.ts';
import { stripDataDescriptors } from './zip-descriptors.ts';

const FILE = 'data/uk/UK_Sanctions_List.xlsx';

const read = (path: string): Promise<Summary> => summarise(ukOfsiFormat.read(path, { today: '2026-09-01' }));

// Measured here: ~1.1–2.1 s to parse the 18,796 rows, ~0.5 s to map them (Node 24, shared machine).
let whole: Awaited<ReturnType<typeof read>> | undefined;
async function wholeList(t: { diagnostic(message: string): void }) {
  if (whole === undefined) {
    const t0 = performance.now();
    whole = await read(FILE);
    t.diagnostic(`read and mapped ${FILE} in ${Math.round(performance.now() - t0)} ms`);
  }
  return whole;
}
const group = (entities: Entity[], id: string) => entities.find((e) => e.sourceId === id);

test('rows by Group Type: Individual 13,691, Entity 5,024, Ship 81 (parse time in the diagnostic)', async (t) => {
  const t0 = performance.now();
  const types = new Map<string, number>();
  for await (const e of parseOfsiXlsx(FILE))
    if (e.type === 'record')
      types.set(e.record.cells['Group Type']!, (types.get(e.record.cells['Group Type']!) ?? 0) + 1);
  t.diagnostic(`parsed in ${Math.round(performance.now() - t0)} ms`);
  assert.deepEqual(Object.fromEntries([...types].sort()), { Entity: 5024, Individual: 13691, Ship: 81 });
});

test('18,796 name rows are 4,686 designations; as-of 10/04/2025', async (t) => {
  const r = await wholeList(t);
  assert.equal(r.listId, 'gb_hmt_ofsi');
  assert.equal(r.asOf, '2025-04-10');
  assert.equal(r.rowsRead, 18796);
  assert.equal(r.entities.length, 4686);
  assert.equal(new Set(r.entities.map((e) => e.id)).size, 4686);
  assert.equal(r.warnings.filter((w) => w.severity === 'bad_record').length, 0);
  assert.ok(
    r.entities.some((e) => e.names.some((n) => n.kind === 'weak')),
    'Alias Quality "Low quality" → weak',
  );
});

test('Group 14196: PUTIN Vladimir, Russia regime', async (t) => {
  const putin = group((await wholeList(t)).entities, '14196');
  assert.ok(putin);
  assert.equal(putin.schema, 'Person');
  assert.equal(putin.names[0]?.value, 'Vladimir Vladimirovich PUTIN');
  assert.ok(putin.names.some((n) => n.value === 'Vladimir PUTIN' && n.kind === 'aka')); // "Primary name variation"
  assert.ok(putin.names.some((n) => n.value === 'Владимир Владимирович Путин' && n.kind === 'original'));
  assert.deepEqual(putin.programs, ['Russia']);
  assert.deepEqual(putin.birthDates, ['1952-10-07']);
  assert.ok(putin.countries.some((c) => c.code === 'ru' && c.role === 'nationality'));
  assert.equal(putin.listing.start, '2022-02-25');
  assert.equal(putin.gender, 'male');
  assert.deepEqual(putin.properties.ukSanctionsListRef, ['RUS0251']);
});

test('Group 15076: SBERBANK with "SBERBANK OF RUSSIA"', async (t) => {
  const sber = group((await wholeList(t)).entities, '15076');
  assert.equal(sber?.schema, 'Organization');
  assert.ok(sber?.names.some((n) => n.value === 'SBERBANK'));
  assert.ok(sber?.names.some((n) => n.value === 'SBERBANK OF RUSSIA'));
  assert.ok(sber?.identifiers.some((i) => i.type === 'registration' && i.value === '1027700132195'));
});

test('Group 16258: ASIA PACIFIC LINKS LIMITED, Hong Kong; 16643: AUTEL ROBOTICS CO., LTD. with its Chinese name', async (t) => {
  const r = await wholeList(t);
  const apl = group(r.entities, '16258');
  assert.equal(apl?.names[0]?.value, 'ASIA PACIFIC LINKS LIMITED');
  assert.match(apl!.addresses[0]!.full, /Central, Hong Kong, China$/);
  assert.deepEqual(apl?.programs, ['Russia']);
  assert.deepEqual(apl?.identifiers, [
    { type: 'registration', value: 'CR No. 2182045', label: 'Business Reg No' },
  ]);
  const autel = group(r.entities, '16643');
  assert.equal(autel?.names[0]?.value, 'AUTEL ROBOTICS CO., LTD.');
  assert.deepEqual(autel?.names[1], { value: '道通机器人有限公司', kind: 'original', lang: 'zh' });
  assert.deepEqual(
    autel?.relations.map((x) => [x.role, 'name' in x.other && x.other.name]),
    [['owner', 'AUTEL INTELLIGENT TECHNOLOGY']],
  );
});

async function workbook(rows: (string | undefined)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-ofsi-')), 'list.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}
const HEADERS = [
  'Name 6',
  'Name 1',
  'DOB',
  'Group Type',
  'Alias Type',
  'Alias Quality',
  'Regime',
  'Listed On',
  'Group ID',
];

test('damaged rows: no Group ID and an unknown Group Type are bad_record, a bad DOB a note', async () => {
  const path = await workbook([
    ['Last Updated', '01/02/2025'],
    HEADERS,
    ['DOE', 'John', '31/02/1970', 'Individual', 'Primary name', undefined, 'Russia', '01/01/2024', '1'],
    ['DOE', 'Johnny', undefined, 'Individual', 'AKA', 'Low quality', 'Russia', '01/01/2024', '1'],
    [
      'NOBODY',
      undefined,
      undefined,
      'Individual',
      'Primary name',
      undefined,
      'Russia',
      '01/01/2024',
      undefined,
    ],
    ['THING', undefined, undefined, 'Aircraft', 'Primary name', undefined, 'Russia', '01/01/2024', '2'],
  ]);
  const r = await read(path);
  assert.equal(r.asOf, '2025-02-01');
  assert.equal(r.rowsRead, 4);
  assert.deepEqual(
    r.entities.map((e) => [e.sourceId, e.names.map((n) => `${n.value}/${n.kind}`)]),
    [['1', ['John DOE/primary', 'Johnny DOE/weak']]],
  );
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [5, 'bad_record'],
      [3, 'note'],
      [6, 'bad_record'],
    ],
  );
});

test('a workbook that is not the OFSI list, and a file that is not a workbook, are unusable', async () => {
  const other = await workbook([['Hello'], ['Name', 'Country']]);
  await assert.rejects(
    read(other),
    (e: Error & { code?: string }) => e.code === 'unusable_file' && /lacks column/.test(e.message),
  );
  const text = join(await mkdtemp(join(tmpdir(), 'embargo-ofsi-')), 'list.xlsx');
  await writeFile(text, 'not a zip');
  await assert.rejects(read(text), (e: Error & { code?: string }) => e.code === 'unusable_file');
});

test('data descriptors are dropped only when the local headers carry the sizes', async () => {
  const bytes = await readFile(FILE);
  const fixed = stripDataDescriptors(bytes);
  assert.equal(bytes.length - fixed.length, 7 * 16); // 7 entries, one 16-byte descriptor each
  assert.equal(stripDataDescriptors(Buffer.from('plain')).toString(), 'plain');
});

test('detection: an XLSX package', async () => {
  const head = (await readFile(FILE)).subarray(0, 4096).toString('latin1');
  assert.equal(
    detectOfsiXlsx({ path: FILE, isDirectory: false, fileNames: ['UK_Sanctions_List.xlsx'], head }),
    true,
  );
  assert.equal(
    detectOfsiXlsx({ path: 'a.csv', isDirectory: false, fileNames: ['a.csv'], head: 'Name,Country' }),
    false,
  );
});
