// Tests on the MIEU table (test/fixtures/us_bis/mieu.csv, README §3b, CC BY-NC 4.0): 13 organisations,
// listed from 2021-03-16 on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { damagedCopy, entityOf, namesOf, readAll } from '../common/test-helpers.ts';
import { bisMieuFormat, detectMieu, readMieu } from './index.ts';

const FILE = new URL('../../../test/fixtures/us_bis/mieu.csv', import.meta.url).pathname;
const TODAY = '2026-03-01';
const full = readAll(readMieu, FILE, { today: TODAY });

test('13 rows → 13 organisations of us_bis_mieu, program US-BIS-MIEU, all current, no warning', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_bis_mieu' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 13 });
  assert.equal(read.entities.size, 13);
  assert.deepEqual(read.warnings, []);
  for (const e of read.entities.values()) {
    assert.equal(e.schema, 'Organization');
    assert.deepEqual(e.programs, ['US-BIS-MIEU']);
    assert.equal(e.status, 'current');
  }
  assert.deepEqual([...new Set([...read.entities.values()].map((e) => e.listing.start))].sort(), [
    '2021-03-16',
    '2021-04-09',
    '2021-12-09',
    '2022-03-02',
  ]);
});

test('"Intelligence Bureau of the Joint Staff Department" (CN), "Main Intelligence Directorate" (GRU, RU), DIM (CU)', async () => {
  const read = await full;
  const bureau = entityOf(read, 'intelligence-bureau-of-the-joint-staff-department');
  assert.equal(bureau.id, 'us_bis_mieu:intelligence-bureau-of-the-joint-staff-department');
  assert.deepEqual(bureau.countries, [{ code: 'cn', role: 'country' }]);
  assert.deepEqual(bureau.listing, { citations: ['FR Doc. 2021-00977'], start: '2021-03-16' });
  const gru = entityOf(read, 'main-intelligence-directorate');
  assert.deepEqual(namesOf(gru, 'aka'), ['GRU']);
  assert.deepEqual(gru.countries, [{ code: 'ru', role: 'country' }]);
  const dim = entityOf(read, 'directorate-of-military-intelligence');
  assert.deepEqual([namesOf(dim, 'aka'), dim.countries], [['DIM'], [{ code: 'cu', role: 'country' }]]);
  assert.deepEqual(dim.properties['topics'], ['export.control']);
});

test('an end date in the past ends the listing (today injected)', async () => {
  const path = await damagedCopy(FILE, 'mieu.csv', (t) =>
    t.replace(
      'US-BIS-MIEU,2021-03-16,,https://www.federalregister.gov/documents/2021/01/15/2021-00977/expansion-of-certain-end-use-and-end-user-controls-and-controls-on-specific-activities-of-us-persons\nOrganization,Directorate of Military Counterintelligence',
      'US-BIS-MIEU,2021-03-16,2024-01-31,https://www.federalregister.gov/documents/2021/01/15/2021-00977/expansion-of-certain-end-use-and-end-user-controls-and-controls-on-specific-activities-of-us-persons\nOrganization,Directorate of Military Counterintelligence',
    ),
  );
  const read = await readAll(readMieu, path, { today: TODAY });
  const dim = entityOf(read, 'directorate-of-military-intelligence');
  assert.deepEqual([dim.listing.end, dim.status], ['2024-01-31', 'ended']);
});

test('a damaged row (a lost field) is a bad record with file and line; the other 12 rows import', async () => {
  const path = await damagedCopy(FILE, 'mieu.csv', (t) =>
    t.replace(
      'Organization,Main Intelligence Directorate,GRU,RU,',
      'Organization,Main Intelligence Directorate,GRU RU,',
    ),
  );
  const read = await readAll(readMieu, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'mieu.csv',
      line: 8,
      reason: 'row has 8 fields but the header has 9; row skipped (damaged quoting or a cut line)',
      severity: 'bad_record',
    },
  ]);
  assert.equal(read.entities.size, 12);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 13 });
});

test('detection by the exact header row', () => {
  const head = 'Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n';
  assert.equal(detectMieu({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head }), true);
  assert.equal(
    detectMieu({ path: 'mieu.csv', isDirectory: false, fileNames: ['mieu.csv'], head: 'Type,Name,Alias\n' }),
    false,
  );
  assert.equal(bisMieuFormat.id, 'bis_mieu');
});
