// Tests on the real BIS Denied Persons List (data/us_bis/dpl.txt, README §3a): 665 rows, tab-separated,
// every field quoted; latest Effective_Date 11/16/2023.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { damagedCopy, entityNamed, namesOf, readAll } from '../common/test-helpers.ts';
import { bisDplFormat, detectDpl, readDpl } from './index.ts';
import { dplKey, splitDplName } from './bis-dpl.map.ts';
import { usDate } from '../common/us-date.ts';

const FILE = new URL('../../../data/us_bis/dpl.txt', import.meta.url).pathname;
const TODAY = '2026-03-01';
const full = readAll(readDpl, FILE, { today: TODAY });

test('665 rows → 569 parties of us_bis_dpl (rows of one order grouped), no bad record', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_bis_dpl' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 665 });
  assert.equal(read.entities.size, 569);
  assert.deepEqual(read.badRecords, []);
  const starts = [...read.entities.values()].map((e) => e.listing.start ?? '').sort();
  assert.equal(starts.at(-1), '2023-11-16');
});

test('notes: 2 word-for-word repeated rows, 2 rows with another expiry, 1 state code in the Country column', async () => {
  const notes = (await full).warnings.map((w) => `${w.line}: ${w.reason}`);
  assert.equal(notes.length, 5);
  assert.ok(notes.includes('154: row repeats a row of the party at line 153 word for word; kept once'));
  assert.equal(notes.filter((n) => n.includes('with another expirationDate')).length, 2);
  assert.equal(notes.filter((n) => n.endsWith('Country "NM" is not a known country')).length, 1);
});

test('" I. ASH": leading space trimmed, Seagoville TX address, three FR citations, listed 2003-06-19 until 2056-06-29', async () => {
  // Two denial orders name I. ASH (effective 2002-03-04 with two Richardson addresses, and 2003-06-19).
  const orders = [...(await full).entities.values()].filter((x) => namesOf(x, 'primary')[0] === 'I. ASH');
  assert.deepEqual(
    orders.map((x) => x.listing.start),
    ['2003-06-19', '2002-03-04'],
  );
  assert.deepEqual(
    orders[1]?.addresses.map((a) => a.city),
    ['RICHARDSON', 'RICHARDSON'],
  );
  const e = orders[0]!;
  assert.equal(e.schema, 'Person');
  assert.equal(e.addresses.length, 1);
  assert.deepEqual(
    { ...e.addresses[0], street: undefined },
    {
      full: 'UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US',
      street: undefined,
      city: 'SEAGOVILLE',
      region: 'TX',
      postalCode: '75159',
      country: 'us',
    },
  );
  assert.deepEqual(e.listing, {
    citations: ['68 F.R. 38290 6/27/03', '71 F.R. 38843 7/10/06', '72 F.R. 4236 1/30/07'],
    start: '2003-06-19',
    end: '2056-06-29',
  });
  assert.equal(e.status, 'current');
  assert.equal(e.sourceId, dplKey({ ...(e.raw as Parameters<typeof dplKey>[0]) }));
  assert.match(e.sourceId, /^[0-9a-f]{16}$/);
});

test('"DAQING ZHOU" (country CN, two identical rows read once) and the last row "ZIMO SHENG" with two addresses', async () => {
  const read = await full;
  const zhou = entityNamed(read, 'DAQING ZHOU');
  assert.deepEqual(zhou.countries, [{ code: 'cn', role: 'country' }]);
  assert.equal(zhou.addresses.length, 1);
  const sheng = entityNamed(read, 'ZIMO SHENG');
  assert.deepEqual(
    sheng.addresses.map((a) => a.city),
    ['MILWAUKEE', 'JIANGSU'],
  );
  assert.deepEqual(sheng.listing.citations, ['85 F.R. 16054 3/20/2020']);
  const last = read.events.filter((e) => e.type === 'entity').at(-1);
  assert.ok(last?.type === 'entity' && namesOf(last.entity, 'primary')[0] === 'ZIMO SHENG');
});

test('expired denials are ended on a fixed today: 355 current and 214 ended on 2026-03-01, more on 2030-01-01', async () => {
  const count = (read: Awaited<typeof full>, status: string): number =>
    [...read.entities.values()].filter((e) => e.status === status).length;
  const now = await full;
  assert.deepEqual([count(now, 'current'), count(now, 'ended')], [355, 214]);
  const later = await readAll(readDpl, FILE, { today: '2030-01-01' });
  assert.ok(count(later, 'ended') > 214);
  assert.equal(entityNamed(now, 'SIBERIAN AIRLINES').status, 'ended');
});

test('aliases printed inside names: A/K/A, (A.K.A. …), D/B/A; companies read as LegalEntity', async () => {
  assert.deepEqual(splitDplName('FUYI SUN A/K/A FRANK SUN'), { primary: 'FUYI SUN', aliases: ['FRANK SUN'] });
  assert.deepEqual(splitDplName('PEARL (A.K.A. NEI-CHIEN CHU) LI'), {
    primary: 'PEARL LI',
    aliases: ['NEI-CHIEN CHU'],
  });
  const s7 = entityNamed(await full, 'SIBERIAN AIRLINES');
  assert.deepEqual(namesOf(s7, 'aka'), ['S7 AIRLINES']);
  assert.equal(s7.schema, 'LegalEntity');
  const schemata = [...(await full).entities.values()].map((e) => e.schema);
  assert.deepEqual(
    [schemata.filter((s) => s === 'Person').length, schemata.filter((s) => s === 'LegalEntity').length],
    [447, 122],
  );
});

test('a damaged row (a field lost) is a bad record with file and line; the other 664 rows import', async () => {
  const path = await damagedCopy(FILE, 'dpl.txt', (t) => t.replace('"SEAGOVILLE"\t"TX"', '"SEAGOVILLE TX"'));
  const read = await readAll(readDpl, path, { today: TODAY });
  assert.deepEqual(read.badRecords, [
    {
      file: 'dpl.txt',
      line: 2,
      reason: 'row has 11 fields but the header has 12; skipped (damaged quoting or a cut line)',
      severity: 'bad_record',
    },
  ]);
  assert.equal(read.entities.size, 568);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 665 });
});

test('a file without the DPL header is unusable; detection reads the header, not the name', async () => {
  const path = await damagedCopy(FILE, 'dpl.txt', (t) => t.replace('"FR_Citation"', '"Citation"'));
  await assert.rejects(
    readAll(readDpl, path, { today: TODAY }),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
  const head =
    '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"\n';
  assert.equal(detectDpl({ path: 'x.txt', isDirectory: false, fileNames: ['x.txt'], head }), true);
  assert.equal(
    detectDpl({ path: 'dpl.txt', isDirectory: false, fileNames: ['dpl.txt'], head: 'Name,Street_Address\n' }),
    false,
  );
  assert.equal(bisDplFormat.id, 'bis_dpl');
});

test('US dates: MM/DD/YYYY and M/D/YY, impossible dates rejected', () => {
  assert.equal(usDate('06/19/2003'), '2003-06-19');
  assert.equal(usDate('3/5/2002'), '2002-03-05');
  assert.equal(usDate('6/27/03'), '2003-06-27');
  assert.equal(usDate('02/30/2003'), undefined);
  assert.equal(usDate('2003-06-19'), undefined);
});
