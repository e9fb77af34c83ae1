// Tests on the real State DDTC ITAR debarred parties list (data/us_state/itar_debarred_party_list_11062019.csv,
// README §3c): Windows-1252 with 0xA0 padding, 707 rows, latest Notice Date 6/6/2019.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { damagedCopy, entityNamed, namesOf, readAll } from '../common/test-helpers.ts';
import { detectItar, readItar, stateItarFormat } from './index.ts';
import { guessPartySchema } from '../common/party-schema.ts';
import { itarBirthDate, readItarName } from './state-itar.map.ts';

const FILE = new URL('../../../data/us_state/itar_debarred_party_list_11062019.csv', import.meta.url)
  .pathname;
const TODAY = '2026-03-01';
const full = readAll(readItar, FILE, { today: TODAY });

test('707 rows → 703 parties of us_state_itar (4 parties on two notices), no warning', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_state_itar' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 707 });
  assert.equal(read.entities.size, 703);
  assert.deepEqual(read.warnings, []);
  assert.equal(
    [...read.entities.values()]
      .map((e) => e.listing.start ?? '')
      .sort()
      .at(-1),
    '2019-06-06',
  );
});

test('"A & C International Trade, Inc.": organisation, 67 FR 10033 (0xA0 trimmed), start 2002-03-05', async () => {
  const e = entityNamed(await full, 'A & C International Trade, Inc.');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(e.listing, { citations: ['67 FR 10033'], start: '2002-03-05' });
  assert.equal(e.status, 'current');
  assert.match(e.sourceId, /^[0-9a-f]{16}$/);
});

test('"Hierax Co. Ltd." and "Aero Systems Aviation Corp." (two notices, the earlier one starts the listing)', async () => {
  const read = await full;
  assert.equal(entityNamed(read, 'Hierax Co. Ltd.').listing.start, '1993-09-27');
  const aero = entityNamed(read, 'Aero Systems Aviation Corp.');
  assert.deepEqual(aero.listing, { citations: ['59 FR 5664', '58 FR 50382'], start: '1993-09-27' });
});

test('the last row "LeAnne Lesmeister" is a person; "Acety, Edwin" reads Edwin Acety born 1975-11', async () => {
  const read = await full;
  const last = read.events.filter((e) => e.type === 'entity').at(-1);
  assert.ok(last?.type === 'entity');
  assert.deepEqual(namesOf(last.entity, 'primary'), ['LeAnne Lesmeister']);
  assert.equal(last.entity.schema, 'Person');
  const acety = entityNamed(read, 'Edwin Acety');
  assert.deepEqual(acety.birthDates, ['1975-11']);
  assert.deepEqual(acety.listing, { citations: ['83 FR 18112'], start: '2018-04-25' });
  const schemata = [...read.entities.values()].map((e) => e.schema);
  assert.deepEqual(
    [schemata.filter((s) => s === 'Person').length, schemata.filter((s) => s === 'LegalEntity').length],
    [657, 46],
  );
});

test('names: suffixes, a.k.a. lists, joint parties; birth dates "Month, YYYY"', () => {
  assert.deepEqual(readItarName('Myles, Jr., George Frank (a.k.a. George Miles)', true), {
    schema: 'Person',
    primary: 'George Frank Myles Jr.',
    aliases: ['George Miles'],
  });
  assert.deepEqual(
    readItarName(
      'Precision Image Corporation (a.k.a. Precision Industries, Inc.; CK Enterprises, Inc.)',
      false,
    ),
    {
      schema: 'LegalEntity',
      primary: 'Precision Image Corporation',
      aliases: ['Precision Industries, Inc.', 'CK Enterprises, Inc.'],
    },
  );
  assert.equal(readItarName('Kam-Tech Systems, Ltd. and David Menashe', false).schema, 'LegalEntity');
  assert.equal(itarBirthDate('March,, 1965'), '1965-03');
  assert.equal(itarBirthDate('Marsh, 1965'), undefined);
  assert.equal(guessPartySchema('GE Plan'), 'LegalEntity');
  assert.equal(guessPartySchema('COTRICOM S.A.'), 'LegalEntity');
  assert.equal(guessPartySchema('Wiseman, Ronald W.'), 'Person');
});

test('a damaged row (an extra field) is a bad record with file and line; the other 706 rows import', async () => {
  const path = await damagedCopy(FILE, 'itar.csv', (t) =>
    t.replace('LeAnne Lesmeister,,', 'LeAnne Lesmeister,,,'),
  );
  const read = await readAll(readItar, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'itar.csv',
      line: 708,
      reason: 'row has 7 fields but the header has 6; row skipped (damaged quoting or a cut line)',
      severity: 'bad_record',
    },
  ]);
  assert.equal(read.entities.size, 702);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 707 });
});

test('detection by the header row', () => {
  const head =
    'Party Name,Date Of Birth,Federal Register Notice,Notice Date,Corrected Notice,Corrected Notice Date\r\n';
  assert.equal(detectItar({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head }), true);
  assert.equal(
    detectItar({ path: 'itar.csv', isDirectory: false, fileNames: ['itar.csv'], head: 'Name,Date\n' }),
    false,
  );
  assert.equal(stateItarFormat.id, 'state_itar');
});
