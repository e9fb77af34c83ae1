// Tests on the real OFAC consolidated advanced XML (test/fixtures/us_ofac/cons_advanced.xml, README §1c):
// DateOfIssue 2020-03-17, 375 DistinctParty, 759 SanctionsEntry, 276 "Owned or Controlled By" relations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { damagedCopy, entityNamed, entityOf, namesOf, readAll } from '../common/test-helpers.ts';
import { periodDates } from './advanced.dates.ts';
import { detectOfacAdvanced, ofacAdvancedFormat, readOfacAdvanced } from './index.ts';

const FILE = new URL('../../../test/fixtures/us_ofac/cons_advanced.xml', import.meta.url).pathname;
const TODAY = '2026-03-01';
const full = readAll(readOfacAdvanced, FILE, { today: TODAY });

test('reads 375 parties (82 individuals, 293 entities) of us_ofac_cons as of 2020-03-17, with no warning', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_ofac_cons', asOf: '2020-03-17' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 375 });
  assert.equal(read.entities.size, 375);
  const schemata = [...read.entities.values()].map((e) => e.schema);
  assert.deepEqual(
    [schemata.filter((s) => s === 'Person').length, schemata.filter((s) => s === 'LegalEntity').length],
    [82, 293],
  );
  assert.deepEqual(read.warnings, []);
});

test('9639 HANIYA Ismail Abdul Salah: names, birth year 1962 from a whole-year period, Shati, NS-PLC since 2006-04-12', async () => {
  const e = entityOf(await full, '9639');
  assert.equal(e.id, 'us_ofac_cons:9639');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(namesOf(e, 'primary'), ['HANIYA Ismail Abdul Salah']);
  assert.deepEqual(namesOf(e, 'aka'), ['HANIYA Ismail', 'HANIYYA Ismaeel']);
  assert.deepEqual(e.properties['lastName'], ['HANIYA']);
  assert.deepEqual(e.birthDates, ['1962']);
  assert.deepEqual(e.birthPlaces, ['Shati']);
  assert.deepEqual(e.programs, ['NS-PLC']);
  // Two entries: Consolidated List 2014-10-10 and the NS-PLC list 2006-04-12; the listing starts with the first.
  assert.equal(e.listing.start, '2006-04-12');
  assert.equal(e.listing.subList, 'PLC');
  // The "undetermined" location gives no address and no country.
  assert.deepEqual([e.addresses, e.countries], [[], []]);
});

test('17016 GAZPROMBANK OAO: SSI directive 1, SWIFT, registration and tax identifiers, addresses, website', async () => {
  const e = entityOf(await full, '17016');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(namesOf(e, 'primary'), ['GAZPROMBANK OAO']);
  assert.ok(namesOf(e, 'aka').includes('Gazprombank Open Joint Stock Company'));
  assert.deepEqual(
    e.identifiers.map((i) => `${i.type}:${i.value}`),
    ['swift_bic:GAZPRUMM', 'registration:1027700167110', 'registration:09807684', 'tax:7744001497'],
  );
  assert.deepEqual(e.programs, ['UKRAINE-EO13662']);
  assert.equal(e.listing.subList, 'SSI');
  assert.equal(e.listing.start, '2014-07-16');
  assert.deepEqual(e.properties['provisions'], ['13662 Sectoral Directive 1']);
  assert.ok(e.remarks.includes('Executive Order 13662 Directive Determination - Subject to Directive 1'));
  assert.deepEqual(
    e.addresses.map((a) => a.full),
    [
      '16, Building 1, Nametkina St., Moscow, 117420, Russia',
      '63, Novocheremushkinskaya St., Moscow, 117418, Russia',
    ],
  );
  assert.deepEqual(e.properties['website'], ['www.gazprombank.ru']);
});

test('17250 OPEN JOINT STOCK COMPANY GAZPROM is owned or controlled by none and controls 51 listed parties', async () => {
  const read = await full;
  const e = entityOf(read, '17250');
  assert.deepEqual(namesOf(e, 'primary'), ['OPEN JOINT STOCK COMPANY GAZPROM']);
  assert.deepEqual(e.relations, []);
  const controlled = [...read.entities.values()].filter((x) =>
    x.relations.some((r) => 'entityId' in r.other && r.other.entityId === e.id),
  );
  assert.equal(controlled.length, 51);
});

test('276 "Owned or Controlled By" relations become control claims on the FROM party, every target read', async () => {
  const read = await full;
  const claims = [...read.entities.values()].flatMap((e) => e.relations);
  assert.equal(claims.length, 276);
  for (const claim of claims) {
    assert.equal(claim.kind, 'control');
    assert.equal(claim.role, 'owner');
    assert.ok(
      'entityId' in claim.other && read.entities.has(claim.other.entityId.split(':')[1]!),
      'target in the file',
    );
  }
  const owner = (name: string): string => {
    const other = entityNamed(read, name).relations[0]?.other;
    assert.ok(other !== undefined && 'entityId' in other);
    return namesOf(entityOf(read, other.entityId.split(':')[1]!), 'primary')[0]!;
  };
  assert.equal(owner('OJSC ORENBURGNEFT'), 'Open Joint-Stock Company Rosneft Oil Company');
  assert.equal(owner('EXIMBANK OF RUSSIA'), 'Vnesheconombank');
  assert.deepEqual(entityNamed(read, 'EXIMBANK OF RUSSIA').relations, [
    {
      kind: 'control',
      role: 'owner',
      other: { entityId: 'us_ofac_cons:17015' },
      note: 'Owned or Controlled By',
    },
  ]);
});

test('features: citizenship, nationality of registration, gender, birth date; sub-lists of the entries', async () => {
  const read = await full;
  const kayakiran = entityOf(read, '26182');
  assert.equal(kayakiran.gender, 'male');
  assert.deepEqual(kayakiran.birthDates, ['1980-02-08']);
  assert.deepEqual(kayakiran.countries, [
    { code: 'tr', role: 'citizenship' },
    { code: 'tr', role: 'country' },
  ]);
  assert.deepEqual(kayakiran.identifiers, [
    { type: 'passport', value: 'U00242309', label: 'Passport', country: 'tr' },
  ]);
  assert.deepEqual(entityOf(read, '23552').countries, [
    { code: 'ru', role: 'jurisdiction' },
    { code: 'ru', role: 'country' },
  ]);
  const subLists: Record<string, number> = {};
  for (const e of read.entities.values())
    subLists[e.listing.subList ?? '-'] = (subLists[e.listing.subList ?? '-'] ?? 0) + 1;
  assert.deepEqual(subLists, { PLC: 77, SDN: 9, CAP: 1, SSI: 287, FSE: 1 });
});

test('period shapes give OFAC precision: whole year, month, day, year ranges, other ranges', () => {
  assert.deepEqual(periodDates({ from: '1962-01-01', to: '1962-12-31' }), ['1962']);
  assert.deepEqual(periodDates({ from: '1962-03-01', to: '1962-03-31' }), ['1962-03']);
  assert.deepEqual(periodDates({ from: '1980-02-08', to: '1980-02-08' }), ['1980-02-08']);
  assert.deepEqual(periodDates({ from: '1960-01-01', to: '1962-12-31' }), ['1960', '1961', '1962']);
  assert.deepEqual(periodDates({ from: '1962-03-05', to: '1963-02-01' }), ['1962-03-05', '1963-02-01']);
  assert.deepEqual(periodDates({ from: '1962-02-30', to: '1962-03-01' }), []);
});

test('a damaged party is a bad record with file and line; a relation to a missing profile is a note; the rest imports', async () => {
  const path = await damagedCopy(FILE, 'cons_advanced.xml', (t) =>
    t
      .replace('<DistinctParty FixedRef="9640">', '<DistinctParty FixedRef="96x40">')
      .replace(
        'From-ProfileID="18267" To-ProfileID="17022"',
        'From-ProfileID="18267" To-ProfileID="99999999"',
      ),
  );
  const read = await readAll(readOfacAdvanced, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'cons_advanced.xml',
      line: 13932,
      reason: 'DistinctParty has no numeric FixedRef ("96x40"); skipped',
      severity: 'bad_record',
    },
  ]);
  assert.deepEqual(
    read.warnings.filter((w) => w.severity === 'note'),
    [
      {
        file: 'cons_advanced.xml',
        line: 22023,
        reason:
          'relation "Owned or Controlled By" points to profile 99999999, which is not in this file; dropped',
        severity: 'note',
      },
    ],
  );
  assert.equal(read.entities.size, 374);
  assert.deepEqual(entityOf(read, '18267').relations, []);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 375 });
});

test('a truncated file is unusable as a whole', async () => {
  const path = await damagedCopy(FILE, 'cons_advanced.xml', (t) => t.slice(0, 1_000_000));
  await assert.rejects(
    readAll(readOfacAdvanced, path, { today: TODAY }),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
});

test('detection by the <Sanctions> root in the sanctions/1.0 namespace', () => {
  const head = '<?xml version="1.0"?>\n<Sanctions xmlns="http://www.un.org/sanctions/1.0" Version="3">';
  assert.equal(detectOfacAdvanced({ path: 'a.xml', isDirectory: false, fileNames: ['a.xml'], head }), true);
  assert.equal(
    detectOfacAdvanced({ path: 'a.xml', isDirectory: false, fileNames: ['a.xml'], head: '<sdnList>' }),
    false,
  );
  assert.equal(ofacAdvancedFormat.id, 'ofac_advanced_xml');
});
