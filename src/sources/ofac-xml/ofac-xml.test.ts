// Tests on the real OFAC classic XML samples (test/fixtures/us_ofac/xml_samples, README §1d): sdn.xml holds
// 4 entries (header Record_Count 5704, Publish_Date 07/16/2014), consolidated.xml 24 entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { damagedCopy, entityOf, namesOf, readAll } from '../common/test-helpers.ts';
import { detectOfacXml, ofacXmlFormat, readOfacXml } from './index.ts';

const DIR = new URL('../../../test/fixtures/us_ofac/xml_samples/', import.meta.url).pathname;
const SDN = `${DIR}sdn.xml`;
const CONS = `${DIR}consolidated.xml`;
const TODAY = '2026-03-01';

const sdn = readAll(readOfacXml, SDN, { today: TODAY });
const cons = readAll(readOfacXml, CONS, { today: TODAY });

test('sdn.xml: list us_ofac_sdn as of 2014-07-16, 4 entries, the Record_Count mismatch is only a note', async () => {
  const read = await sdn;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_ofac_sdn', asOf: '2014-07-16' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 4 });
  assert.deepEqual([...read.entities.keys()], ['306', '6982', '11043', '521']);
  assert.deepEqual(read.badRecords, []);
  assert.deepEqual(read.warnings, [
    {
      file: 'sdn.xml',
      line: 3,
      reason: 'header Record_Count is 5704 but the file holds 4 entries (an extract or a trimmed file?)',
      severity: 'note',
    },
  ]);
});

test('uid 306 BANCO NACIONAL DE CUBA: entity, weak alias BNC, strong alias, four addresses with countries', async () => {
  const e = entityOf(await sdn, '306');
  assert.equal(e.id, 'us_ofac_sdn:306');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(namesOf(e, 'primary'), ['BANCO NACIONAL DE CUBA']);
  assert.deepEqual(namesOf(e, 'weak'), ['BNC']);
  assert.deepEqual(namesOf(e, 'aka'), ['NATIONAL BANK OF CUBA']);
  assert.deepEqual(e.programs, ['CUBA']);
  assert.deepEqual(
    e.addresses.map((a) => a.country),
    ['ch', 'es', 'jp', 'pa'],
  );
  assert.deepEqual(e.addresses[0], {
    full: 'Zweierstrasse 35, Zurich, CH-8022, Switzerland',
    street: 'Zweierstrasse 35',
    city: 'Zurich',
    postalCode: 'CH-8022',
    country: 'ch',
  });
  assert.equal(e.addresses[3]?.street, 'Federico Boyd Avenue & 51 Street');
});

test("uid 6982 Ahmed Nur Ali JIM'ALE: person, 8 a.k.a.s, passport (Somalia), DOB, POB, nationality and citizenships", async () => {
  const e = entityOf(await sdn, '6982');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(namesOf(e, 'primary'), ["Ahmed Nur Ali JIM'ALE"]);
  assert.equal(namesOf(e, 'aka').length, 8);
  assert.ok(namesOf(e, 'aka').includes('Sheikh Ahmed JIMALE'));
  assert.deepEqual(e.identifiers, [
    { type: 'passport', value: 'A0181988', label: 'Passport', country: 'so' },
  ]);
  assert.deepEqual(e.birthDates, ['1954-05-20', '1954']);
  assert.deepEqual(e.birthPlaces, ['Eilbur, Somalia']);
  assert.deepEqual(
    e.countries.filter((c) => c.role !== 'country'),
    [
      { code: 'so', role: 'nationality' },
      { code: 'so', role: 'citizenship' },
      { code: 'dj', role: 'citizenship' },
    ],
  );
  assert.deepEqual(e.programs, ['SDGT']);
  assert.deepEqual(e.remarks, ['Additional Djiboutian passport issued in 2010.']);
});

test('uid 11043 PARSHAN: vessel with IMO from the id list, flag Iran, owner IRISL, tonnages, three f.k.a.s', async () => {
  const e = entityOf(await sdn, '11043');
  assert.equal(e.schema, 'Vessel');
  assert.deepEqual(namesOf(e, 'fka'), ['IRAN BRIGHTNESS', 'BRIGHTNESS', 'MARIGOLD']);
  assert.deepEqual(e.identifiers, [
    { type: 'imo', value: '9051648', label: 'Vessel Registration Identification IMO', country: 'ir' },
  ]);
  assert.deepEqual(e.countries, [{ code: 'ir', role: 'flag' }]);
  assert.deepEqual(e.relations, [
    { kind: 'ownership', role: 'owner', other: { name: 'IRISL' }, note: 'Vessel Owner: IRISL' },
  ]);
  assert.deepEqual(e.properties, {
    type: ['General Cargo'],
    tonnage: ['24065'],
    grossRegisteredTonnage: ['16621'],
  });
});

test('consolidated.xml: list us_ofac_cons as of 2014-12-17, 24 entries; the hand-assembled repeat of uid 15268 is a bad record', async () => {
  const read = await cons;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_ofac_cons', asOf: '2014-12-17' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 24 });
  assert.equal(read.entities.size, 23);
  assert.deepEqual(read.badRecords, [
    {
      file: 'consolidated.xml',
      line: 674,
      reason: 'uid 15268 repeats the entry at line 606; skipped',
      severity: 'bad_record',
    },
  ]);
  assert.deepEqual(entityOf(read, '15268').programs, ['561List']);
  const schemata = [...read.entities.values()].map((e) => e.schema);
  assert.equal(schemata.filter((s) => s === 'Person').length, 8);
});

test('uid 17013 VTB BANK OAO: registration, tax and SWIFT identifiers, website, directive kept as a remark', async () => {
  const e = entityOf(await cons, '17013');
  assert.deepEqual(namesOf(e, 'primary'), ['VTB BANK OAO']);
  assert.ok(namesOf(e, 'fka').includes('VNESHTORGBANK'));
  assert.deepEqual(
    e.identifiers.map((i) => `${i.type}:${i.value}`),
    ['registration:1027739609391', 'registration:00032520', 'tax:7702070139', 'swift_bic:VTBRRUMM'],
  );
  assert.deepEqual(e.properties['website'], ['www.vtb.com']);
  assert.ok(e.remarks.includes('Executive Order 13662 Directive Determination - Subject to Directive 1'));
  assert.deepEqual(e.programs, ['UKRAINE-EO13662']);
});

test('uid 30882 CHINA TELECOM CORPORATION LIMITED: CCMC listing date → start, tickers, parenthesised Linked To → relation', async () => {
  const e = entityOf(await cons, '30882');
  assert.deepEqual(e.programs, ['CCMC-EO13959']);
  assert.equal(e.listing.start, '2021-01-08');
  assert.deepEqual(e.properties['ticker'], ['CHA US', '728 HK']);
  assert.deepEqual(e.relations, [
    // The remark grammar drops the remark's final full stop, here the one of "CORP.".
    {
      kind: 'other',
      role: 'related',
      other: { name: 'CHINA TELECOMMUNICATIONS CORP' },
      note: 'Linked To: CHINA TELECOMMUNICATIONS CORP',
    },
  ]);
});

test('uid 30902 AERO ENGINE CORPORATION OF CHINA and NS-PLC individuals (nspType) are read', async () => {
  const read = await cons;
  const aero = entityOf(read, '30902');
  assert.deepEqual(namesOf(aero, 'aka'), ['AERO ENGINE CORP OF CHINA']);
  assert.equal(aero.listing.start, '2020-11-12');
  const haniya = entityOf(read, '9639');
  assert.equal(haniya.schema, 'Person');
  assert.deepEqual(haniya.birthDates, ['1962']);
  assert.deepEqual(haniya.programs, ['NS-PLC']);
});

test('an entry with a damaged uid is a bad record with file and line; the other entries import', async () => {
  const path = await damagedCopy(SDN, 'sdn.xml', (t) => t.replace('<uid>6982</uid>', '<uid>69x82</uid>'));
  const read = await readAll(readOfacXml, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'sdn.xml',
      line: 58,
      reason: 'entry has no numeric <uid> ("69x82"); skipped',
      severity: 'bad_record',
    },
  ]);
  assert.deepEqual([...read.entities.keys()], ['306', '11043', '521']);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 4 });
});

test('a truncated file is unusable as a whole', async () => {
  const path = await damagedCopy(SDN, 'sdn.xml', (t) => t.slice(0, 3000));
  await assert.rejects(
    readAll(readOfacXml, path, { today: TODAY }),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
});

test('the list comes from the file name or --list; an unnamed file needs --list', async () => {
  const path = await damagedCopy(SDN, 'export.xml', (t) => t.replace('<uid>306</uid>', '<uid>307</uid>'));
  await assert.rejects(
    readAll(readOfacXml, path, { today: TODAY }),
    (e: unknown) => e instanceof AppError && e.code === 'usage',
  );
  const read = await readAll(readOfacXml, path, { today: TODAY, listId: listId('us_ofac_sdn') });
  assert.ok(read.entities.has('307'));
});

test('detection by the <sdnList> root, not by the file name', () => {
  const head = '<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">';
  assert.equal(detectOfacXml({ path: 'x.xml', isDirectory: false, fileNames: ['x.xml'], head }), true);
  assert.equal(
    detectOfacXml({
      path: 'sdn.xml',
      isDirectory: false,
      fileNames: ['sdn.xml'],
      head: '<CONSOLIDATED_LIST>',
    }),
    false,
  );
  assert.equal(ofacXmlFormat.id, 'ofac_xml');
});
