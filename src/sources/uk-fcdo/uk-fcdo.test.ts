// The fixture test/fixtures/uk/fcdo-sample.csv follows the FCDO CSV layout (header of 58 columns as quoted
// by public parsers of the 2026 files) with five designations transcribed from the OFSI XLSX of 10/04/2025
// (PUTIN RUS0251, SBERBANK RUS0256, ASIA PACIFIC LINKS RUS2037, AUTEL ROBOTICS RUS2299, ship AN SAN 1
// DPR0097). The parser is UNVERIFIED on a real FCDO file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { summarise, type Summary } from '../common/test-helpers.ts';
import { detectFcdoCsv, ukFcdoFormat } from './index.ts';
import { reportDate } from './uk-fcdo.parse.ts';

const FILE = 'test/fixtures/uk/fcdo-sample.csv';

const read = (path: string): Promise<Summary> => summarise(ukFcdoFormat.read(path, { today: '2026-09-01' }));
const byId = (r: { entities: Entity[] }, id: string) => r.entities.find((e) => e.sourceId === id);

test('17 name rows are 5 designations keyed by Unique ID; as-of from the Report Date line', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'gb_fcdo_sanctions');
  assert.equal(r.asOf, '2025-04-10');
  assert.equal(r.rowsRead, 17);
  assert.deepEqual(
    r.entities.map((e) => e.id),
    [
      'gb_fcdo_sanctions:RUS0251',
      'gb_fcdo_sanctions:RUS0256',
      'gb_fcdo_sanctions:RUS2037',
      'gb_fcdo_sanctions:RUS2299',
      'gb_fcdo_sanctions:DPR0097',
    ],
  );
  assert.deepEqual(r.warnings, []);
});

test('RUS0251 PUTIN: names, regime, DOB, nationality, OFSI Group ID', async () => {
  const putin = byId(await read(FILE), 'RUS0251');
  assert.equal(putin?.schema, 'Person');
  assert.deepEqual(
    putin?.names.map((n) => [n.value, n.kind, n.lang]),
    [
      ['Vladimir Vladimirovich PUTIN', 'primary', undefined],
      ['Владимир Владимирович Путин', 'original', 'ru'],
      ['Vladimir PUTIN', 'aka', undefined],
    ],
  );
  assert.deepEqual(putin?.programs, ['The Russia (Sanctions) (EU Exit) Regulations 2019']);
  assert.deepEqual(putin?.birthDates, ['1952-10-07']);
  assert.deepEqual(putin?.countries, [
    { code: 'ru', role: 'nationality' },
    { code: 'ru', role: 'country' },
  ]);
  assert.equal(putin?.listing.start, '2022-02-25');
  assert.deepEqual(putin?.properties.ofsiGroupId, ['14196']);
  assert.deepEqual(putin?.properties.sanctionsImposed, ['Asset freeze', 'Trust services sanctions']);
});

test('RUS0256 SBERBANK, RUS2037 ASIA PACIFIC LINKS, RUS2299 AUTEL with parent, DPR0097 ship', async () => {
  const r = await read(FILE);
  assert.ok(byId(r, 'RUS0256')?.names.some((n) => n.value === 'SBERBANK OF RUSSIA'));
  const apl = byId(r, 'RUS2037');
  assert.match(apl!.addresses[0]!.full, /Hong Kong, China$/);
  assert.deepEqual(apl?.identifiers, [{ type: 'registration', value: 'CR No. 2182045' }]);
  const autel = byId(r, 'RUS2299');
  assert.deepEqual(
    autel?.relations.map((x) => [x.kind, x.role, 'name' in x.other && x.other.name]),
    [['ownership', 'owner', 'AUTEL INTELLIGENT TECHNOLOGY']],
  );
  assert.ok(autel?.names.some((n) => n.value === '道通机器人有限公司' && n.lang === 'zh'));
  const ship = byId(r, 'DPR0097');
  assert.equal(ship?.schema, 'Vessel');
  assert.equal(ship?.names[0]?.value, 'AN SAN 1');
  assert.equal(ship?.names.length, 9);
  assert.deepEqual(ship?.identifiers, [{ type: 'imo', value: '7303803' }]);
  assert.deepEqual(ship?.countries, [{ code: 'kp', role: 'flag' }]);
  assert.deepEqual(ship?.properties.unscId, ['KPe.062']);
});

test('damaged rows: no Unique ID and a shifted row are bad_record, an unknown type is skipped', async () => {
  const lines = (await readFile(FILE, 'utf8')).split('\r\n');
  const cols = lines[1]!.split(',').length;
  const row = (id: string, type: string, name: string) =>
    [
      `01/01/2025`,
      id,
      '',
      '',
      name,
      ...Array(5).fill(''),
      'Primary Name',
      ...Array(5).fill(''),
      'Russia',
      type,
      ...Array(cols - 18).fill(''),
    ].join(',');
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-fcdo-')), 'list.csv');
  await writeFile(
    path,
    [
      lines[0],
      lines[1],
      row('', 'Entity', 'NO ID'),
      row('X1', 'Aircraft', 'PLANE'),
      'a,b,c',
      row('X2', 'Entity', 'GOOD CO'),
    ].join('\r\n') + '\r\n',
  );
  const r = await read(path);
  assert.equal(r.rowsRead, 4);
  assert.deepEqual(
    r.entities.map((e) => e.sourceId),
    ['X2'],
  );
  assert.deepEqual(
    r.warnings.map((w) => [w.line, w.severity]),
    [
      [3, 'bad_record'],
      [5, 'bad_record'],
      [4, 'bad_record'],
    ],
  );
});

test('report date and detection', async () => {
  assert.equal(reportDate('Report Date: 13-Feb-2026'), '2026-02-13');
  assert.equal(reportDate('Report Date: 31-Feb-2026'), undefined);
  const head = (await readFile(FILE, 'latin1')).slice(0, 4096);
  assert.equal(detectFcdoCsv({ path: FILE, isDirectory: false, fileNames: ['x.csv'], head }), true);
  assert.equal(
    detectFcdoCsv({
      path: FILE,
      isDirectory: false,
      fileNames: ['x.csv'],
      head: head.split('\r\n').slice(1).join('\r\n'),
    }),
    true,
  );
  assert.equal(
    detectFcdoCsv({ path: FILE, isDirectory: false, fileNames: ['x.csv'], head: 'Name,Clean Name\n' }),
    false,
  );
});
