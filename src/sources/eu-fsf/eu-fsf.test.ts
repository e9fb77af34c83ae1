// test/fixtures/eu/fsf-sample.xml is written by the project to the published FSF element names, with
// listings transcribed from the EU annex CSVs and placeholder logicalIds: the parser is UNVERIFIED on a
// real FSF file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { detectEuFsf, euFsfFormat } from './index.ts';

const FILE = 'test/fixtures/eu/fsf-sample.xml';

const read = (path: string): Promise<Summary> => summarise(euFsfFormat.read(path, { today: '2026-09-01' }));
const byId = (r: { entities: Entity[] }, id: string) => r.entities.find((e) => e.sourceId === id);

test('5 sanctionEntity elements → 5 entities keyed by logicalId; as-of = generationDate', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'eu_fsf');
  assert.equal(r.asOf, '2026-07-20');
  assert.equal(r.rowsRead, 5);
  assert.deepEqual(
    r.entities.map((e) => [e.sourceId, e.schema]),
    [
      ['900001', 'Person'],
      ['900002', 'Organization'],
      ['900003', 'Person'],
      ['900004', 'Organization'],
      ['900005', 'Person'],
    ],
  );
  assert.deepEqual(r.warnings, []);
});

test('AKSYONOV: names with languages, birth date and place, programme, listing start', async () => {
  const e = byId(await read(FILE), '900001');
  assert.deepEqual(
    e?.names.map((n) => [n.value, n.kind, n.lang]),
    [
      ['Sergey Valeryevich AKSYONOV', 'primary', undefined],
      ['Sergei Valerievich AKSENOV', 'aka', undefined],
      ['Сергей Валерьевич АКСЁНОВ', 'aka', 'ru'],
      ['Serhiy Valeriyovych AKSYONOV', 'aka', undefined],
      ['Сергiй Валерiйович АКСЬОНОВ', 'aka', 'uk'],
    ],
  );
  assert.deepEqual(e?.birthDates, ['1972-11-26']);
  assert.deepEqual(e?.birthPlaces, ['Beltsy (Bălți), MOLDOVA, REPUBLIC OF']);
  assert.equal(e?.gender, 'male');
  assert.deepEqual(e?.programs, ['UKR']);
  assert.deepEqual(e?.listing.citations, ['269/2014 (OJ L78)']);
  assert.equal(e?.listing.start, '2014-03-17');
});

test('Juhang Aviation: weak alias, Chinese name, fiscal code as tax id, address; start = designationDate', async () => {
  const e = byId(await read(FILE), '900002');
  assert.ok(e?.names.some((n) => n.value === '巨航航空科技（深圳）有限公司' && n.lang === 'zh'));
  assert.ok(e?.names.some((n) => n.value === 'Juhang Aviation' && n.kind === 'weak'));
  assert.deepEqual(e?.identifiers, [
    { type: 'tax', value: '91440300MA5GN73B4F', label: 'Fiscal Code', country: 'cn' },
  ]);
  assert.equal(e?.addresses[0]?.city, 'Shenzhen');
  assert.equal(e?.addresses[0]?.country, 'cn');
  assert.equal(e?.listing.start, '2024-12-16'); // designationDate, not the regulation's 2014 entry into force
  assert.deepEqual(e?.remarks, ['Date of registration: 18.3.2021']);
});

test('GAO Qiang and Yun Ho-jin: citizenship, "00" country ignored, function → position', async () => {
  const r = await read(FILE);
  assert.deepEqual(byId(r, '900003')?.countries, [
    { code: 'cn', role: 'nationality' },
    { code: 'cn', role: 'country' },
  ]);
  const yun = byId(r, '900005');
  assert.deepEqual(
    yun?.countries.map((c) => c.code),
    ['kp', 'kp'],
  );
  assert.deepEqual(yun?.birthPlaces, []);
  assert.deepEqual(yun?.properties.position, ['Director of Namchongang Trading Corporation']);
  assert.deepEqual(yun?.programs, ['PRK']);
});

test('without designationDate the listing starts when the regulation entered into force', async () => {
  const xml = (await readFile(FILE, 'utf8')).replace(
    'logicalId="900003" designationDate="2020-07-30"',
    'logicalId="900003"',
  );
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-fsf-')), 'fsf.xml');
  await writeFile(path, xml);
  assert.equal(byId(await read(path), '900003')?.listing.start, '2019-05-18');
});

test('damaged entries: no logicalId, unknown subjectType, truncated file', async () => {
  const xml = (await readFile(FILE, 'utf8'))
    .replace('logicalId="900003" designationDate', 'designationDate')
    .replace(
      '<subjectType code="enterprise" classificationCode="E"/>\n    <nameAlias firstName="" middleName="" lastName="" wholeName="Tianjin',
      '<subjectType code="vessel"/>\n    <nameAlias firstName="" middleName="" lastName="" wholeName="Tianjin',
    );
  const cut = xml.slice(
    0,
    xml.indexOf('<sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.TEST.5"') + 40,
  );
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-fsf-')), 'fsf.xml');
  await writeFile(path, cut);
  const r = await read(path);
  assert.deepEqual(
    r.entities.map((e) => e.sourceId),
    ['900001', '900002'],
  );
  assert.deepEqual(
    r.warnings.map((w) => w.severity),
    ['bad_record', 'bad_record', 'bad_record'],
  );
  assert.match(r.warnings[0]!.reason, /no logicalId/);
  assert.match(r.warnings[1]!.reason, /subjectType "vessel"/);
  assert.match(r.warnings[2]!.reason, /XML error/);
});

test('another XML root is unusable; detection by root and namespace', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-fsf-')), 'other.xml');
  await writeFile(path, '<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>');
  await assert.rejects(
    read(path),
    (e: Error & { code?: string }) =>
      e.code === 'unusable_file' && /root element is <CONSOLIDATED_LIST>/.test(e.message),
  );
  const head = (await readFile(FILE, 'latin1')).slice(0, 4096);
  assert.equal(detectEuFsf({ path: FILE, isDirectory: false, fileNames: ['fsf.xml'], head }), true);
  assert.equal(
    detectEuFsf({ path: FILE, isDirectory: false, fileNames: ['x.xml'], head: '<CONSOLIDATED_LIST>' }),
    false,
  );
});
