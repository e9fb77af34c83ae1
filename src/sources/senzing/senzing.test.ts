// Tests on the OpenSanctions "US Congress" export in Senzing JSON lines (test/fixtures/senzing/
// us_congress_senzing.json, README §9): 1,319 records, 1,317 PERSON and 2 without RECORD_TYPE (positions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { damagedCopy, entityOf, namesOf, readAll } from '../common/test-helpers.ts';
import { detectSenzing, readSenzing, senzingFormat, senzingListId } from './index.ts';

const FILE = new URL('../../../test/fixtures/senzing/us_congress_senzing.json', import.meta.url).pathname;
const TODAY = '2026-03-01';
const full = readAll(readSenzing, FILE, { today: TODAY });

test('1,319 records of us_os_congress (from DATA_SOURCE OS_US_CONGRESS): 1,317 persons, 2 positions kept as Things', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_os_congress' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 1319 });
  assert.equal(read.entities.size, 1319);
  assert.deepEqual(read.warnings, []);
  const schemata = [...read.entities.values()].map((e) => e.schema);
  assert.deepEqual(
    [schemata.filter((s) => s === 'Person').length, schemata.filter((s) => s === 'Thing').length],
    [1317, 2],
  );
});

test('"Jennifer L. McClellan" (NK-AQ4HymsADSK2D63MkyTqfC): names, birth year, nationality, id, topic, occupancy', async () => {
  const e = entityOf(await full, 'NK-AQ4HymsADSK2D63MkyTqfC');
  assert.equal(e.id, 'us_os_congress:NK-AQ4HymsADSK2D63MkyTqfC');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(e.names, [{ value: 'Jennifer L. McClellan', kind: 'primary' }]);
  assert.deepEqual(e.birthDates, ['1972']);
  assert.deepEqual(e.countries, [{ code: 'us', role: 'nationality' }]);
  assert.deepEqual(e.identifiers, [
    { type: 'other', value: 'NK-AQ4HymsADSK2D63MkyTqfC', label: 'OPEN_SANCTIONS' },
  ]);
  assert.deepEqual(e.properties['topics'], ['role.pep']);
  assert.deepEqual(e.properties['modifiedAt'], ['2024-03-21T08:44:01']);
  assert.deepEqual(e.relations, [
    { kind: 'other', role: 'related', other: { entityId: 'us_os_congress:Q13218630' }, note: 'Occupancy' },
  ]);
});

test('aliases, death dates, Wikidata ids; the position "United States representative" anchors 1,157 occupancies', async () => {
  const read = await full;
  const all = [...read.entities.values()];
  assert.equal(
    all.reduce((n, e) => n + namesOf(e, 'aka').length, 0),
    33,
  );
  assert.equal(all.filter((e) => e.properties['deathDate'] !== undefined).length, 42);
  assert.equal(all.filter((e) => e.properties['wikidataId'] !== undefined).length, 1103);
  const representative = entityOf(read, 'Q13218630');
  assert.deepEqual(
    [representative.schema, namesOf(representative, 'primary')],
    ['Thing', ['United States representative']],
  );
  const pointing = (id: string): number =>
    all.filter((e) => e.relations.some((r) => 'entityId' in r.other && r.other.entityId === id)).length;
  assert.deepEqual([pointing('us_os_congress:Q13218630'), pointing('us_os_congress:Q4416090')], [1157, 209]);
});

test('a damaged line is a bad record with file and line; a missing anchor is a note per relation; the rest imports', async () => {
  const path = await damagedCopy(FILE, 'congress.json', (t) =>
    t
      .replace(
        '{"DATA_SOURCE":"OS_US_CONGRESS","RECORD_ID":"NK-SYCQV2fGyPnPLgUxvsbFVb"',
        '{"DATA_SOURCE":"OS_US_CONGRESS","RECORD_ID":"NK-SYCQV2fGyPnPLgUxvsbFVb"}}',
      )
      .replace(/\n[^\n]*"RECORD_ID":"Q4416090","RECORD_TYPE":null[^\n]*/, ''),
  );
  const read = await readAll(readSenzing, path, { today: TODAY });
  assert.equal(read.badRecords.length, 1);
  assert.deepEqual(
    { ...read.badRecords[0], reason: read.badRecords[0]?.reason.replace(/\(.*\)/, '(…)') },
    {
      file: 'congress.json',
      line: 2,
      reason: 'not valid JSON (…); skipped',
      severity: 'bad_record',
    },
  );
  const notes = read.warnings.filter((w) => w.severity === 'note');
  assert.equal(notes.length, 209);
  assert.equal(
    notes[0]?.reason,
    'relation points to OPEN_SANCTIONS:Q4416090, which no record of this file anchors',
  );
  assert.equal(read.entities.size, 1317);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 1318 });
});

test('list id: --list wins; OpenSanctions OS_<CC>_<NAME> → <cc>_os_<name>; an unusable DATA_SOURCE needs --list', async () => {
  const read = await readAll(readSenzing, FILE, { today: TODAY, listId: listId('us_pep_congress') });
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_pep_congress' });
  assert.equal(entityOf(read, 'Q13218630').id, 'us_pep_congress:Q13218630');
  assert.equal(senzingListId('OS_GB_HMT_SANCTIONS', undefined, 'x.json'), 'gb_os_hmt_sanctions');
  assert.equal(senzingListId('us_ofac_sdn', undefined, 'x.json'), 'us_ofac_sdn');
  assert.throws(
    () => senzingListId('CUSTOMERS', undefined, 'x.json'),
    (e: unknown) => e instanceof AppError && e.code === 'usage',
  );
});

test('a file of non-records is unusable; detection reads the first record', async () => {
  const path = await damagedCopy(FILE, 'congress.json', (t) => t.replace(/"RECORD_ID"/g, '"ID"'));
  await assert.rejects(
    readAll(readSenzing, path, { today: TODAY }),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
  const head = '{"DATA_SOURCE":"OS_US_CONGRESS","RECORD_ID":"NK-1","RECORD_TYPE":"PERSON"}\n';
  assert.equal(detectSenzing({ path: 'x.json', isDirectory: false, fileNames: ['x.json'], head }), true);
  assert.equal(
    detectSenzing({
      path: 'x.json',
      isDirectory: false,
      fileNames: ['x.json'],
      head: '{"id":"a","schema":"Person","properties":{}}',
    }),
    false,
  );
  assert.equal(senzingFormat.id, 'senzing_jsonl');
});
