// Tests on the real State ISN list (data/us_state/isn.csv, README §3c): 213 rows, one per party and program,
// latest Effective Date 6/28/2016.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { damagedCopy, entityNamed, namesOf, readAll } from '../common/test-helpers.ts';
import { detectIsn, readIsn, stateIsnFormat } from './index.ts';
import { isnCitations, splitAlternativeNames } from './state-isn.map.ts';

const FILE = new URL('../../../data/us_state/isn.csv', import.meta.url).pathname;
const TODAY = '2026-03-01';
const full = readAll(readIsn, FILE, { today: TODAY });

test('213 rows → 177 parties of us_state_isn (rows grouped by name and country), no warning', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_state_isn' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 213 });
  assert.equal(read.entities.size, 177);
  assert.deepEqual(read.warnings, []);
  assert.equal(
    [...read.entities.values()]
      .map((e) => e.listing.start ?? '')
      .sort()
      .at(-1),
    '2016-06-28',
  );
});

test('"BST Technology and Trade Co.": INKSNA, China, two FR issues, since 2015-08-28', async () => {
  const e = entityNamed(await full, 'BST Technology and Trade Co.');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(e.programs, ['INKSNA']);
  assert.deepEqual(e.countries, [{ code: 'cn', role: 'country' }]);
  assert.deepEqual(e.listing, {
    citations: ['Vol. 80, No. 170, 09/02/15', 'Vol. 80, No. 207, 10/27/15'],
    start: '2015-08-28',
  });
  assert.match(e.sourceId, /^[0-9a-f]{16}$/);
});

test('"China Precision Machinery Import-Export Corp.": E.O. 12938 (trailing space in one row), China, 2003-07-30', async () => {
  const e = entityNamed(await full, 'China Precision Machinery Import-Export Corp.');
  assert.deepEqual(e.programs, ['E.O. 12938']);
  assert.deepEqual(e.countries, [{ code: 'cn', role: 'country' }]);
  assert.equal(e.listing.start, '2003-07-30');
});

test('a party on three programs is one entity; INSKNA typos read as INKSNA; bracketed alias; F.K.A. alternative names', async () => {
  const read = await full;
  const khan = entityNamed(read, 'Abdul Qadeer Khan');
  assert.equal(khan.schema, 'Person');
  assert.deepEqual(khan.programs, [
    'E.O. 13382',
    'Export-Import Bank Act',
    'Nuclear Proliferation Prevention Act',
  ]);
  assert.deepEqual(khan.remarks, ['Associated with the A.Q. Khan Network']);
  const programs = [...read.entities.values()].flatMap((e) => e.programs);
  assert.equal(programs.filter((p) => p === 'INKSNA').length, 72);
  assert.ok(!programs.includes('INSKNA'));
  assert.deepEqual(namesOf(entityNamed(read, 'Li Fangwei'), 'aka'), ['Karl Lee']);
  const irgc = entityNamed(read, 'Islamic Revolutionary Guard Corps');
  assert.equal(namesOf(irgc, 'aka').length, 15);
  assert.deepEqual(entityNamed(read, '150th Aircraft Repair Plant (ARZ) (Kaliningrad)').countries, [
    { code: 'ru', role: 'country' },
  ]);
});

test('alternative names and citations split', () => {
  assert.deepEqual(
    splitAlternativeNames(
      'TCO, F.K.A. Office of Scientific and Industrial Studies (OSIS), "Sasadja", Do Best Co., Ltd',
    ),
    [
      { name: 'TCO', kind: 'aka' },
      { name: 'Office of Scientific and Industrial Studies (OSIS)', kind: 'fka' },
      { name: 'Sasadja', kind: 'aka' },
      { name: 'Do Best Co., Ltd', kind: 'aka' },
    ],
  );
  assert.deepEqual(isnCitations('Vol. 80, No. 170, 09/02/15, Vol. 80, No. 207, 10/27/15'), [
    'Vol. 80, No. 170, 09/02/15',
    'Vol. 80, No. 207, 10/27/15',
  ]);
});

test('a damaged row (an extra field) is a bad record with file and line; the other 212 rows import', async () => {
  const path = await damagedCopy(FILE, 'isn.csv', (t) =>
    t.replace('BST Technology and Trade Co.,,', 'BST Technology and Trade Co.,,,'),
  );
  const read = await readAll(readIsn, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'isn.csv',
      line: 22,
      reason: 'row has 10 fields but the header has 9; row skipped (damaged quoting or a cut line)',
      severity: 'bad_record',
    },
  ]);
  assert.equal(read.entities.size, 176);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 213 });
});

test('detection by the header row', () => {
  const head =
    'Source List,Programs,Name,Alternative Names,Country,Federal Register Notice,Effective Date,Remarks/Notes,Web Link\n';
  assert.equal(detectIsn({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head }), true);
  assert.equal(
    detectIsn({ path: 'isn.csv', isDirectory: false, fileNames: ['isn.csv'], head: 'Name,Country\n' }),
    false,
  );
  assert.equal(stateIsnFormat.id, 'state_isn');
});
