import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { nameHash } from '../common/name-key.ts';
import { detectEuJournal, euJournalFormat } from './index.ts';

const DIR = 'test/fixtures/eu/journal_sanctions';

const read = (path: string): Promise<Summary> =>
  summarise(euJournalFormat.read(path, { today: '2026-09-01' }));
const bySource = (r: { entities: Entity[] }, id: string) => r.entities.find((e) => e.sourceId === id);

test('each regulation file: exact row count, one entity per row, unique ids', async () => {
  const expected = {
    '32014R0269.csv': 2802,
    '32014R0833.csv': 1746,
    '32006R0765.csv': 408,
    '32020R1998.csv': 177,
    '32019R0796.csv': 38,
    '32017R1509.csv': 326,
  };
  for (const [file, rows] of Object.entries(expected)) {
    const r = await read(join(DIR, file));
    assert.equal(r.listId, 'eu_journal');
    assert.equal(r.rowsRead, rows, file);
    assert.equal(r.entities.length, rows, file);
    assert.equal(new Set(r.entities.map((e) => e.id)).size, rows, file);
    assert.equal(r.warnings.filter((w) => w.severity === 'bad_record').length, 0, file);
  }
});

test('the folder is one list of 5,497 listings; 29 Asset rows become Things', async () => {
  const r = await read(DIR);
  assert.equal(r.rowsRead, 5497);
  assert.equal(r.entities.length, 5497);
  const schemas = Object.fromEntries(
    ['Person', 'LegalEntity', 'Company', 'Vessel', 'Thing'].map((s) => [
      s,
      r.entities.filter((e) => e.schema === s).length,
    ]),
  );
  assert.deepEqual(schemas, { Person: 2616, LegalEntity: 1948, Company: 196, Vessel: 708, Thing: 29 });
  assert.equal(r.warnings.filter((w) => /^Asset/.test(w.reason)).length, 29);
});

test('269/2014 I.PERSONS 1: Sergey Valeryevich AKSYONOV, listed 17.3.2014', async () => {
  const e = bySource(await read(join(DIR, '32014R0269.csv')), '32014R0269:I.PERSONS:1');
  assert.ok(e);
  assert.equal(e.id, 'eu_journal:32014R0269:I.PERSONS:1');
  assert.equal(e.schema, 'Person');
  assert.equal(e.names[0]?.value, 'Sergey Valeryevich AKSYONOV');
  assert.equal(e.listing.start, '2014-03-17');
  assert.deepEqual(e.birthDates, ['1972-11-26']);
  assert.equal(e.gender, 'male');
  // "Sergei Valerievich AKSENOV (Сергей Валерьевич АКСЁНОВ)": two spellings, not one combined string.
  assert.ok(e.names.some((n) => n.value === 'Sergei Valerievich AKSENOV' && n.kind === 'aka'));
  assert.ok(e.names.some((n) => n.value === 'Сергей Валерьевич АКСЁНОВ'));
  assert.deepEqual(e.programs, ['EU-UKR']);
  assert.deepEqual(e.listing.citations, ['CELEX 32014R0269, Annex I.PERSONS']);
});

test('269/2014 I.ENTITIES 502: Juhang Aviation Technology Shenzhen Co. Limited, 16.12.2024', async () => {
  const e = bySource(await read(join(DIR, '32014R0269.csv')), '32014R0269:I.ENTITIES:502');
  assert.equal(e?.names[0]?.value, 'Juhang Aviation Technology Shenzhen Co. Limited');
  assert.equal(e?.listing.start, '2024-12-16');
  assert.ok(e?.names.some((n) => n.value === '巨航航空科技（深圳）有限公司'));
  assert.ok(!e?.names.some((n) => n.value === 'Chinese:' || n.value === 'Text of image'));
  assert.deepEqual(e?.identifiers, [{ type: 'tax', value: '91440300MA5GN73B4F' }]);
  assert.deepEqual(e?.properties.incorporationDate, ['2021-03-18']);
});

test('833/2014 IV 479: Asia Pacific Links Ltd., CR No. 2182045, Hong Kong', async () => {
  const e = bySource(await read(join(DIR, '32014R0833.csv')), '32014R0833:IV:479');
  assert.equal(e?.names[0]?.value, 'Asia Pacific Links Ltd.');
  assert.deepEqual(e?.identifiers, [{ type: 'registration', value: '2182045', label: 'CR No.' }]);
  assert.equal(e?.listing.start, '2023-06-23');
  assert.match(e!.addresses[0]!.full, /Hong Kong$/);
  assert.deepEqual(e?.properties.measure, ['Export control']);
});

test('an unnumbered annex entry gets <celex>:<annex>:h<name hash>', async () => {
  const r = await read(join(DIR, '32006R0765.csv'));
  const rouble = r.entities.find((e) => e.names[0]?.value === 'Belarusian Digital rouble');
  assert.equal(rouble?.sourceId, `32006R0765:XXXIV:h${nameHash('Belarusian Digital rouble')}`);
  assert.match(rouble!.sourceId, /:h[0-9a-f]{12}$/);
  assert.equal(rouble?.schema, 'Thing');
  assert.equal(rouble?.listing.start, '2026-05-24'); // "24 May 2026"
});

test('nationality adjectives become codes: 1509/2017 "DPRK", 2019/796 "Chinese"', async () => {
  const dprk = await read(join(DIR, '32017R1509.csv'));
  assert.deepEqual(dprk.entities.find((e) => e.names[0]?.value === 'Yun Ho-jin')?.countries, [
    { code: 'kp', role: 'nationality' },
  ]);
  const cyber = await read(join(DIR, '32019R0796.csv'));
  assert.deepEqual(cyber.entities.find((e) => e.names[0]?.value === 'GAO Qiang')?.countries, [
    { code: 'cn', role: 'nationality' },
  ]);
});

test('damaged rows: shifted row, unknown schema and a repeated id are bad_record; the rest is read', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-eu-'));
  const lines = (await readFile(join(DIR, '32019R0796.csv'), 'utf8')).split('\r\n');
  const header = lines[0]!;
  const row = (id: string, schema: string, name: string) =>
    [
      '32019R0796',
      id,
      'EU-CYB',
      'I.A',
      'Asset freeze',
      '30.7.2020',
      '',
      schema,
      name,
      ...Array(36).fill(''),
    ].join(',');
  const body = [
    row('1', 'Person', 'GAO Qiang'),
    'just,three,fields',
    row('2', 'Spaceship', 'X'),
    row('1', 'Person', 'GAO Qiang again'),
    row('3', 'Person', 'Bad Date'),
  ];
  body[4] = body[4]!.replace('30.7.2020', '31.2.2020');
  const path = join(tmp, '32019R0796.csv');
  await writeFile(path, [header, ...body].join('\r\n') + '\r\n');
  const r = await read(path);
  assert.equal(r.rowsRead, 5);
  assert.deepEqual(
    r.entities.map((e) => e.sourceId),
    ['32019R0796:I.A:1', '32019R0796:I.A:3'],
  );
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [3, 'bad_record'],
      [4, 'bad_record'],
      [5, 'bad_record'],
      [6, 'note'],
    ],
  );
  assert.match(r.warnings[2]!.reason, /repeats 32019R0796.csv line 2/);
  assert.match(r.warnings[3]!.reason, /startDate "31.2.2020"/);
});

test('detection by header, for a file or the folder', async () => {
  const head = (await readFile(join(DIR, '32006R0765.csv'), 'latin1')).slice(0, 4096);
  assert.equal(detectEuJournal({ path: DIR, isDirectory: true, fileNames: ['32006R0765.csv'], head }), true);
  assert.equal(detectEuJournal({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head }), true);
  assert.equal(
    detectEuJournal({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head: 'id,name\n' }),
    false,
  );
});
