// Tests on the real UN consolidated list bundled in data/un (README §4: 1,003 entries, dateGenerated 2026-02-27).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import type { ImportWarning, SourceEvent } from '../types.ts';
import { readUnXml, unXmlFormat } from './index.ts';

const UN_FILE = new URL('../../../data/un/UN_consolidated.xml', import.meta.url).pathname;
const TODAY = '2026-03-01';

interface Read {
  events: SourceEvent[];
  entities: Map<string, Entity>;
  warnings: ImportWarning[];
}

async function readAll(path: string): Promise<Read> {
  const events: SourceEvent[] = [];
  for await (const event of readUnXml(path, { today: TODAY })) events.push(event);
  const entities = new Map<string, Entity>();
  const warnings: ImportWarning[] = [];
  for (const e of events) {
    if (e.type === 'entity') entities.set(e.entity.sourceId, e.entity);
    if (e.type === 'warning') warnings.push(e.warning);
  }
  return { events, entities, warnings };
}

const full = readAll(UN_FILE);

function entity(read: Read, id: string): Entity {
  const found = read.entities.get(id);
  assert.ok(found, `entity ${id} not read`);
  return found;
}

const namesOf = (e: Entity, kind: string): string[] =>
  e.names.filter((n) => n.kind === kind).map((n) => n.value);

test('reads all 1,003 entries: 730 individuals (Person) and 273 entities (Organization), list un_sc as of 2026-02-27', async () => {
  const read = await full;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'un_sc', asOf: '2026-02-27' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 1003 });
  assert.equal(read.entities.size, 1003);
  const schemata = [...read.entities.values()].map((e) => e.schema);
  assert.equal(schemata.filter((s) => s === 'Person').length, 730);
  assert.equal(schemata.filter((s) => s === 'Organization').length, 273);
  assert.deepEqual(
    read.warnings.filter((w) => w.severity === 'bad_record'),
    [],
  );
});

test('UN_LIST_TYPE becomes the program (Al-Qaida 341, DPRK 155, Taliban 140, Iran 121, Iraq 75, DRC 53)', async () => {
  const read = await full;
  const count = (program: string): number =>
    [...read.entities.values()].filter((e) => e.programs.includes(program)).length;
  assert.deepEqual(
    ['Al-Qaida', 'DPRK', 'Taliban', 'Iran', 'Iraq', 'DRC'].map(count),
    [341, 155, 140, 121, 75, 53],
  );
});

test('CDi.001 ERIC BADEGE: DRC list, born 1971, Congolese national living in Rwanda, male, listed 2012-12-31', async () => {
  const e = entity(await full, 'CDi.001');
  assert.equal(e.id, 'un_sc:CDi.001');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(e.names, [{ value: 'ERIC BADEGE', kind: 'primary' }]);
  assert.deepEqual(e.programs, ['DRC']);
  assert.deepEqual(e.birthDates, ['1971']);
  assert.deepEqual(e.countries, [
    { code: 'cd', role: 'nationality' },
    { code: 'rw', role: 'country' },
  ]);
  assert.deepEqual(e.addresses, [{ full: 'Rwanda', country: 'rw' }]);
  assert.equal(e.gender, 'male');
  assert.equal(e.listing.start, '2012-12-31');
  assert.equal(e.status, 'current');
  assert.match(e.remarks[0] ?? '', /^He fled to Rwanda in March 2013/);
  const raw = e.raw as Record<string, unknown>;
  assert.equal(raw['REFERENCE_NUMBER'], 'CDi.001');
  assert.deepEqual(raw['NATIONALITY'], { VALUE: 'Democratic Republic of the Congo' });
});

test('KPe.001 KOREA MINING DEVELOPMENT TRADING CORPORATION keeps its four a.k.a.s and its Pyongyang address', async () => {
  const e = entity(await full, 'KPe.001');
  assert.equal(e.schema, 'Organization');
  assert.deepEqual(namesOf(e, 'primary'), ['KOREA MINING DEVELOPMENT TRADING CORPORATION']);
  assert.deepEqual(namesOf(e, 'aka'), [
    'CHANGGWANG SINYONG CORPORATION',
    'EXTERNAL TECHNOLOGY GENERAL CORPORATION',
    'DPRKN MINING DEVELOPMENT TRADING COOPERATION',
    '"KOMID"',
  ]);
  assert.deepEqual(e.programs, ['DPRK']);
  assert.equal(e.listing.start, '2009-04-24');
  assert.deepEqual(e.addresses, [
    {
      full: "Central District, Pyongyang, Democratic People's Republic of Korea",
      street: 'Central District',
      city: 'Pyongyang',
      country: 'kp',
    },
  ]);
});

test('QDe.004 AL-QAIDA: Arabic original-script name, a.k.a.s, latest update date', async () => {
  const e = entity(await full, 'QDe.004');
  assert.deepEqual(namesOf(e, 'primary'), ['AL-QAIDA']);
  assert.deepEqual(namesOf(e, 'original'), ['القاعدة']);
  assert.ok(namesOf(e, 'aka').includes('Al Qaeda'));
  assert.equal(e.listing.start, '2001-10-06');
  assert.deepEqual(e.properties['modifiedAt'], ['2020-11-24']);
});

test('Cyrillic original script (QDi.290) is kept as an original name next to the Latin one', async () => {
  const e = entity(await full, 'QDi.290');
  assert.deepEqual(namesOf(e, 'original'), ['Умаров Доку Хаматович']);
  assert.match(namesOf(e, 'primary')[0] ?? '', /^DOKU/);
});

test('alias quality: Low → weak, Good → aka, f.k.a. → fka', async () => {
  const read = await full;
  const gaston = entity(read, 'CDi.003');
  assert.deepEqual(namesOf(gaston, 'weak'), ['Rumuli']);
  assert.ok(namesOf(gaston, 'aka').includes('Byiringiro Victor Rumuli'));
  assert.deepEqual(namesOf(entity(read, 'KPe.002'), 'fka'), ['LYONGAKSAN GENERAL TRADING CORPORATION']);
});

test('birth data: BETWEEN 1973 and 1974 gives both years; DESIGNATION becomes position', async () => {
  const read = await full;
  assert.deepEqual(entity(read, 'CDi.030').birthDates, ['1973', '1974']);
  assert.deepEqual(entity(read, 'CDi.003').properties['position'], [
    'FDLR Interim President',
    'FDLR-FOCA 1st Vice-President',
    'FDLR-FOCA Major General',
  ]);
  assert.deepEqual(entity(read, 'CDi.003').birthPlaces, [
    'Musanze District, Northern Province, Rwanda',
    'Ruhengeri, Rwanda',
  ]);
});

test('INDIVIDUAL_DOCUMENT → typed identifier with its issuing country (CDi.021 passport OB 0243318)', async () => {
  const e = entity(await full, 'CDi.021');
  assert.deepEqual(
    e.identifiers.find((i) => i.value === 'OB 0243318'),
    { type: 'passport', value: 'OB 0243318', country: 'cd', label: 'Passport' },
  );
});

test('a truncated copy of the XML is unusable as a whole (AppError unusable_file)', async () => {
  const bytes = await readFile(UN_FILE);
  const dir = await mkdtemp(join(tmpdir(), 'embargo-un-'));
  const truncated = join(dir, 'truncated.xml');
  await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await assert.rejects(readAll(truncated), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'unusable_file');
    assert.equal(error.where, truncated);
    return true;
  });
});

test('a file that is not the UN XML is unusable', async () => {
  const csl = new URL('../../../data/us_trade_csl/csl.csv', import.meta.url).pathname;
  await assert.rejects(
    readAll(csl),
    (error: unknown) => error instanceof AppError && error.code === 'unusable_file',
  );
});

test('an entry without REFERENCE_NUMBER is a bad_record warning at its start line; the others are kept', async () => {
  const text = await readFile(UN_FILE, 'utf8');
  const tag = '<REFERENCE_NUMBER>CDi.002</REFERENCE_NUMBER>';
  const at = text.indexOf(tag);
  assert.ok(at > 0);
  const startLine = text.slice(0, text.lastIndexOf('<INDIVIDUAL>', at)).split('\n').length;
  const dir = await mkdtemp(join(tmpdir(), 'embargo-un-'));
  const path = join(dir, 'no-ref.xml');
  await writeFile(path, text.replace(tag, ''));
  const read = await readAll(path);
  assert.equal(read.entities.size, 1002);
  assert.equal(read.entities.has('CDi.002'), false);
  assert.deepEqual(
    read.warnings.filter((w) => w.severity === 'bad_record'),
    [{ file: path, line: startLine, reason: 'INDIVIDUAL without REFERENCE_NUMBER', severity: 'bad_record' }],
  );
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 1003 });
});

test('detect recognises the UN XML by its root element only', async () => {
  const head = (await readFile(UN_FILE)).subarray(0, 4096).toString('latin1');
  const input = { path: UN_FILE, isDirectory: false, fileNames: ['UN_consolidated.xml'], head };
  assert.equal(unXmlFormat.detect(input), true);
  assert.equal(unXmlFormat.detect({ ...input, head: '_id,source,entity_number,type' }), false);
});
