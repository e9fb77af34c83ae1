// Tests on the real CSL files: data/us_trade_csl/csl.csv (4,227-row extract, Nov 2023, README §2) and the
// 13-row sample test/fixtures/us_trade_csl/consolidated.csv.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { collect } from '../common/test-helpers.ts';
import { byName, countBy } from './csl-test-helpers.ts';
import { cslCsvFormat, readCslCsv } from './index.ts';

const CSL_FILE = new URL('../../../data/us_trade_csl/csl.csv', import.meta.url).pathname;
const SAMPLE_FILE = new URL('../../../test/fixtures/us_trade_csl/consolidated.csv', import.meta.url).pathname;
const TODAY = '2026-03-01';

const full = collect(readCslCsv(CSL_FILE, { today: TODAY }));
const sample = collect(readCslCsv(SAMPLE_FILE, { today: TODAY }));

test('csl.csv: 4,226 complete rows become entities; the cut-off last row is one bad record, the repeated header a note', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_trade_csl' });
  assert.equal(read.entities.length, 4226);
  assert.deepEqual(read.warnings, [
    { file: CSL_FILE, line: 2, reason: 'header line repeated; skipped', severity: 'note' },
    {
      file: CSL_FILE,
      line: 4233,
      reason:
        'unreadable record, skipped: Quote Not Closed: the parsing is finished with an opening quote at line 4233',
      severity: 'bad_record',
    },
  ]);
  // 4,227 data rows = 4,226 entities + the truncated SDN row (11476 BERMUDEZ SUAZA).
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 4227 });
  assert.equal(new Set(read.entities.map((e) => e.id)).size, 4226);
});

test('csl.csv: a party on two OFAC lists (same _id) gives two entities with distinct ids', async () => {
  const read = await full;
  const ids = read.entities.map((e) => e.sourceId).filter((id) => /^(17014|9647)(-|$)/.test(id));
  assert.deepEqual(ids.sort(), ['17014-MBS', '17014-SSI', '9647', '9647-PLC']);
});

test('csl.csv: entities by sub-list (README: SDN 1,738 counts the cut-off row, so 1,737 SDN entities)', async () => {
  const read = await full;
  assert.deepEqual(
    countBy(read.entities, (e) => e.listing.subList ?? 'none'),
    {
      SDN: 1737,
      EL: 919,
      DPL: 577,
      SSI: 288,
      UVL: 186,
      ISN: 144,
      DTC: 142,
      PLC: 78,
      MEU: 71,
      CMIC: 68,
      MBS: 14,
      FSE: 1,
      CAP: 1,
    },
  );
});

test('csl.csv: type Individual → Person, Entity and empty (BIS/State rows) → LegalEntity, Vessel → Vessel', async () => {
  const read = await full;
  assert.deepEqual(
    countBy(read.entities, (e) => e.schema),
    { LegalEntity: 3099, Person: 1124, Vessel: 3 },
  );
});

test('EL "Abdul Satar Ghoura": start 2011-11-21, 76 FR 71867, licence requirement and policy, AF/PK addresses', async () => {
  const e = byName(await full, 'Abdul Satar Ghoura');
  assert.equal(e.id, 'us_trade_csl:b6e959b59898e975daaae8fae3a8da1ec522f9f888cafc0e6401a16d');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(e.listing, {
    citations: ['76 FR 71867'],
    subList: 'EL',
    start: '2011-11-21',
    licenseRequirement: 'For all items subject to the EAR. (See §744.11 of the EAR).',
    licensePolicy: 'Presumption of denial.',
  });
  assert.deepEqual(e.countries, [
    { code: 'af', role: 'country' },
    { code: 'pk', role: 'country' },
  ]);
  assert.equal(e.addresses.length, 4);
});

test('EL "Chinese Academy of Engineering Physics ": trailing space trimmed, start 1997-06-30, seven FR citations', async () => {
  const e = byName(await full, 'Chinese Academy of Engineering Physics');
  assert.equal(e.listing.start, '1997-06-30');
  assert.equal((e.raw as Record<string, string>)['name'], 'Chinese Academy of Engineering Physics ');
  assert.deepEqual(e.listing.citations, [
    '62 FR 35334',
    '66 FR 24266',
    '75 FR 78883',
    '76 FR 21628',
    '76 FR 50407',
    '77 FR 58006',
    '85 FR 34497',
  ]);
});

test('MEU "Academy of Aerospace Solid Propulsion Technology (AASPT)": 2020-12-23, 85 FR 83799, China', async () => {
  const e = byName(await full, 'Academy of Aerospace Solid Propulsion Technology (AASPT)');
  assert.equal(e.listing.subList, 'MEU');
  assert.equal(e.listing.start, '2020-12-23');
  assert.deepEqual(e.listing.citations, ['85 FR 83799']);
  assert.deepEqual(e.countries, [{ code: 'cn', role: 'country' }]);
});

test('CMIC "China Telecom Corporation Limited": USCC 9111000071093019X7; ISINs, tickers and issuer names', async () => {
  const e = byName(await full, 'China Telecom Corporation Limited');
  assert.equal(e.sourceId, '30882-CMIC');
  assert.deepEqual(e.programs, ['CMIC-EO13959']);
  assert.deepEqual(e.identifiers, [
    { type: 'uscc', value: '9111000071093019X7', label: 'Unified Social Credit Code (USCC)', country: 'cn' },
  ]);
  assert.equal(e.properties['isinCode']?.length, 5);
  assert.ok(e.properties['ticker']?.includes('0728 HK'));
  assert.ok(e.names.some((n) => n.kind === 'aka' && n.value === 'China Telecom Corporation Limited.Co.Ltd'));
  assert.ok(e.properties['notes']?.includes('Listing Date (CMIC) 2021-06-03'));
});

test('EL Baotou Guanghua: "(Parent Organization: X)" becomes an ownership relation with unknown share', async () => {
  const e = byName(await full, 'Baotou Guanghua Chemical Industrial Corporation');
  assert.deepEqual(e.relations, [
    {
      kind: 'ownership',
      role: 'owner',
      other: { name: 'China National Nuclear Group Corporation (CNNC)' },
      note: 'Parent Organization: China National Nuclear Group Corporation (CNNC)',
    },
  ]);
  assert.equal(e.relations[0]?.share, undefined);
  assert.match(e.remarks[0] ?? '', /^Listed as "Baotou .*\(Parent Organization: /);
});

test('SDN vessel MAR AZUL: call sign, Cuban flag, tonnage and owner', async () => {
  const e = byName(await full, 'MAR AZUL');
  assert.equal(e.schema, 'Vessel');
  assert.deepEqual(e.identifiers, [{ type: 'call_sign', value: 'CL2192', label: 'call_sign' }]);
  assert.deepEqual(e.countries, [{ code: 'cu', role: 'flag' }]);
  assert.deepEqual(e.properties['grossRegisteredTonnage'], ['212']);
  assert.deepEqual(e.relations[0]?.other, { name: 'Samir de Navegacion S.A.' });
});

test('DPL end_date: BELAVIA (end 2023-12-04) is ended as of 2026 but current as of mid-2023', async () => {
  const e = byName(await full, 'BELAVIA BELARUSIAN AIRLINES');
  assert.equal(e.listing.end, '2023-12-04');
  assert.equal(e.status, 'ended');
  const then = await collect(readCslCsv(SAMPLE_FILE, { today: '2002-01-01' }));
  assert.ok(then.entities.every((x) => x.status === 'current'));
});

test('SDN individual: circa birth date, citizenship and nationality, place of birth, sanction note', async () => {
  const e = byName(await full, 'AHMADIAN, Ali Akbar');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(e.birthDates, ['1961']);
  assert.deepEqual(e.countries, [
    { code: 'ir', role: 'citizenship' },
    { code: 'ir', role: 'nationality' },
  ]);
  assert.deepEqual(e.birthPlaces, ['Kerman, Iran']);
  assert.deepEqual(e.properties['notes'], [
    'Additional Sanctions Information - Subject to Secondary Sanctions',
  ]);
});

test('consolidated.csv sample: 13 rows, one or more per source list, no warnings', async () => {
  const read = await sample;
  assert.equal(read.entities.length, 13);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(
    countBy(read.entities, (e) => e.listing.subList ?? 'none'),
    {
      ISN: 1,
      UVL: 1,
      MEU: 1,
      PLC: 2,
      SDN: 1,
      DTC: 1,
      DPL: 1,
      SSI: 3,
      FSE: 1,
      EL: 1,
    },
  );
});

test('sample: ISN Sinobright (scope clause moved to a remark) and EL CETC 13 (2018-08-01)', async () => {
  const read = await sample;
  const isn = byName(read, 'Sinobright Import and Export Company');
  assert.equal(isn.listing.start, '2023-07-19');
  assert.deepEqual(isn.listing.citations, ['Vol. 88, No. 151, 08/08/2023']);
  assert.deepEqual(isn.remarks, [
    'Listed as "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof"',
  ]);
  const cetc = byName(
    read,
    'China Electronics Technology Group Corporation 13th Research Institute (CETC 13)',
  );
  assert.equal(cetc.listing.subList, 'EL');
  assert.equal(cetc.listing.start, '2018-08-01');
});

test('sample: SDN "RIM, Ryong Nam" passport, gender, nationality and birth date from the ids/columns', async () => {
  const e = byName(await sample, 'RIM, Ryong Nam');
  assert.equal(e.schema, 'Person');
  assert.equal(e.gender, 'male');
  assert.deepEqual(e.birthDates, ['1978-12-05']);
  assert.deepEqual(e.identifiers, [
    { type: 'passport', value: '836238033', label: 'Passport', country: 'kp' },
  ]);
  assert.ok(e.countries.some((c) => c.code === 'kp' && c.role === 'nationality'));
});

test('a BOM and CRLF line ends give the same entities as the LF original', async () => {
  const text = await readFile(SAMPLE_FILE, 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'embargo-csl-'));
  const path = join(dir, 'crlf-bom.csv');
  await writeFile(path, '\uFEFF' + text.replace(/\r?\n/g, '\r\n'));
  const crlf = await collect(readCslCsv(path, { today: TODAY }));
  assert.deepEqual(crlf.warnings, []);
  assert.deepEqual(
    crlf.entities.map((e) => ({ ...e, raw: null })),
    (await sample).entities.map((e) => ({ ...e, raw: null })),
  );
});

test('a CSV without the CSL columns is unusable', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'embargo-csl-'));
  const path = join(dir, 'other.csv');
  await writeFile(path, 'Name,Country\nACME,CN\n');
  await assert.rejects(collect(readCslCsv(path, { today: TODAY })), (error: unknown) => {
    return error instanceof AppError && error.code === 'unusable_file' && /_id, source/.test(error.message);
  });
});

test('detect: the CSL header, with or without BOM; not the UN XML', async () => {
  const head = (await readFile(CSL_FILE)).subarray(0, 4096).toString('latin1');
  const input = { path: CSL_FILE, isDirectory: false, fileNames: ['csl.csv'], head };
  assert.equal(cslCsvFormat.detect(input), true);
  assert.equal(cslCsvFormat.detect({ ...input, head: 'ï»¿' + head }), true);
  assert.equal(cslCsvFormat.detect({ ...input, head: '<?xml version="1.0"?><CONSOLIDATED_LIST>' }), false);
});
