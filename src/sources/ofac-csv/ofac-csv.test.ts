// The ofac_csv format end to end on the bundled OFAC files (counts and records from data/README.md §1a/1b).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import type { ImportWarning, SourceEvent } from '../types.ts';
import { editedCopy, OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../../test/support/list-files.ts';
import { ofacCsvFormat } from './index.ts';

const TODAY = '2026-01-01';

interface Collected {
  events: SourceEvent[];
  entities: Map<string, Entity>;
  warnings: ImportWarning[];
  rowsRead: number | undefined;
}

async function collect(path: string): Promise<Collected> {
  const events: SourceEvent[] = [];
  for await (const event of ofacCsvFormat.read(path, { today: TODAY })) events.push(event);
  const entities = new Map<string, Entity>();
  const warnings: ImportWarning[] = [];
  let rowsRead: number | undefined;
  for (const e of events) {
    if (e.type === 'entity') entities.set(e.entity.sourceId, e.entity);
    if (e.type === 'warning') warnings.push(e.warning);
    if (e.type === 'end') rowsRead = e.rowsRead;
  }
  return { events, entities, warnings, rowsRead };
}

const sdn = collect(OFAC_SDN_DIR);
const cons = collect(OFAC_CONS_DIR);

function get(c: Collected, id: string): Entity {
  const e = c.entities.get(id);
  assert.ok(e, `entity ${id} missing`);
  return e;
}

test('SDN: 8,976 entities by type, list event first, end event counts the primary rows, no warnings', async () => {
  const c = await sdn;
  assert.deepEqual(c.events[0], { type: 'list', listId: 'us_ofac_sdn' });
  assert.equal(c.events.at(-1)?.type, 'end');
  assert.equal(c.entities.size, 8976);
  assert.equal(c.rowsRead, 8976);
  const bySchema: Record<string, number> = {};
  for (const e of c.entities.values()) bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
  assert.deepEqual(bySchema, { LegalEntity: 3673, Person: 4620, Vessel: 406, Airplane: 277 });
  assert.deepEqual(c.warnings, []);
  assert.equal(get(c, '36').id, 'us_ofac_sdn:36');
});

test('SDN: the 11,910 alt.csv aliases of 4,139 entities become a.k.a./f.k.a. names', async () => {
  const c = await sdn;
  let rows = 0;
  let holders = 0;
  let names = 0;
  for (const e of c.entities.values()) {
    const raw = e.raw as { aliases: unknown[] };
    rows += raw.aliases.length;
    if (raw.aliases.length > 0) holders++;
    names += e.names.filter((n) => n.kind === 'aka' || n.kind === 'fka').length;
  }
  assert.equal(rows, 11910);
  assert.equal(holders, 4139);
  // Six alt.csv rows repeat the primary name or another alias of the same entity (e.g. 20125 "KIM, Kyong Ok").
  assert.equal(names, 11904);
  assert.ok(get(c, '20125').names.filter((n) => n.value === 'KIM, Kyong Ok').length === 1);
});

test('SDN: the 13,837 add.csv rows are joined; rows that are all "-0-" give no address', async () => {
  const c = await sdn;
  let rows = 0;
  let addresses = 0;
  for (const e of c.entities.values()) {
    rows += (e.raw as { addresses: unknown[] }).addresses.length;
    addresses += e.addresses.length;
  }
  assert.equal(rows, 13837);
  assert.equal(addresses, 11440);
});

test('SDN 36 AEROCARIBBEAN AIRLINES: address Havana, Cuba and a.k.a. AERO-CARIBBEAN', async () => {
  const e = get(await sdn, '36');
  assert.equal(e.schema, 'LegalEntity');
  assert.deepEqual(e.names, [
    { value: 'AEROCARIBBEAN AIRLINES', kind: 'primary' },
    { value: 'AERO-CARIBBEAN', kind: 'aka' },
  ]);
  assert.deepEqual(e.addresses, [{ full: 'Havana, Cuba', city: 'Havana', country: 'cu' }]);
  assert.deepEqual(e.countries, [{ code: 'cu', role: 'country' }]);
  assert.deepEqual(e.programs, ['CUBA']);
});

test('SDN 12927 MAHAN AIR: programs SDGT, NPWMD, IFSR', async () => {
  const e = get(await sdn, '12927');
  assert.deepEqual(e.programs, ['SDGT', 'NPWMD', 'IFSR']);
  assert.ok(e.names.some((n) => n.value === 'MAHAN AIR CO.' && n.kind === 'aka'));
});

test('SDN 20157 KIM, Jong Un: Person, title as position, DOB', async () => {
  const e = get(await sdn, '20157');
  assert.equal(e.schema, 'Person');
  assert.equal(e.names[0].value, 'KIM, Jong Un');
  assert.deepEqual(e.programs, ['DPRK3']);
  assert.deepEqual(e.birthDates, ['1984-01-08']);
  assert.deepEqual(e.properties.position, ["Chairman of the Workers' Party of Korea"]);
});

test('SDN 28263: remarks overflow from sdn_comments.csv is appended mid-word; link to LAZARUS GROUP', async () => {
  const e = get(await sdn, '28263');
  assert.match(e.remarks[0], /a\.k\.a\. 'snowsjohn'; Linked To: LAZARUS GROUP\.$/);
  assert.ok(e.names.some((n) => n.value === 'snowsjohn' && n.kind === 'weak'));
  assert.deepEqual(e.relations, [
    { kind: 'other', role: 'related', other: { name: 'LAZARUS GROUP' }, note: 'Linked To: LAZARUS GROUP' },
  ]);
});

test('SDN 30518 SECONDEYE SOLUTION: 19 digital-currency addresses, one of them split across the two files', async () => {
  const e = get(await sdn, '30518');
  const crypto = e.identifiers.filter((i) => i.type === 'crypto');
  const byLabel: Record<string, number> = {};
  for (const i of crypto) byLabel[i.label ?? ''] = (byLabel[i.label ?? ''] ?? 0) + 1;
  assert.deepEqual(byLabel, {
    'Digital Currency Address - XBT': 11,
    'Digital Currency Address - ETH': 4,
    'Digital Currency Address - LTC': 3,
    'Digital Currency Address - BCH': 1,
  });
  const values = crypto.map((i) => i.value);
  assert.equal(values[0], '1NE2NiGhhbkFPSEyNWwj7hKGhGDedBtSrQ');
  // sdn.csv ends with "… XBT 1Gq", sdn_comments.csv goes on with "ChmWqGtsaLrGbHfgdrV5Nkvahtjjuxr; …".
  assert.ok(values.includes('1GqChmWqGtsaLrGbHfgdrV5Nkvahtjjuxr'));
  assert.ok(values.includes('0x7Db418b5D567A4e0E8c59Ad71BE1FcE48f3E6107'));
  assert.equal(values.at(-1), '18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB');
  assert.equal(e.properties.website?.length, 6);
  assert.deepEqual(
    e.relations.map((r) => r.other),
    [{ name: 'INTERNET RESEARCH AGENCY LLC' }],
  );
});

test('SDN 32391 DJIBO: birth date 1984, nationality ne, male, aliases from alt.csv and weak ones from remarks', async () => {
  const e = get(await sdn, '32391');
  assert.deepEqual(e.birthDates, ['1984']);
  assert.deepEqual(e.birthPlaces, ['Niger']);
  assert.ok(e.countries.some((c) => c.code === 'ne' && c.role === 'nationality'));
  assert.equal(e.gender, 'male');
  assert.deepEqual(
    e.names.filter((n) => n.kind === 'aka').map((n) => n.value),
    ['KOUNOU, Ousmane Illasou', 'DJIBO, Halid Illiassou'],
  );
  assert.equal(e.names.filter((n) => n.kind === 'weak').length, 6);
  assert.ok(e.names.some((n) => n.value === 'CHAPORI, Aboubacar' && n.kind === 'weak'));
});

test('SDN vessels: call sign, type, tonnage, flag and owner columns', async () => {
  const e = get(await sdn, '4234'); // HERMANN, Cuba
  assert.equal(e.schema, 'Vessel');
  assert.deepEqual(e.identifiers, [{ type: 'call_sign', value: 'CL2685', label: 'Call Sign' }]);
  assert.deepEqual(e.properties.type, ['General Cargo']);
  assert.deepEqual(e.properties.tonnage, ['2597']);
  assert.deepEqual(e.properties.grossRegisteredTonnage, ['1098']);
  assert.deepEqual(e.countries, [{ code: 'cu', role: 'flag' }]);
  assert.deepEqual(e.relations, [
    { kind: 'ownership', role: 'owner', other: { name: 'Compania Navegacion Golfo S.A.' } },
  ]);
  const artavil = get(await sdn, '15036');
  assert.ok(artavil.identifiers.some((i) => i.type === 'imo' && i.value === '9187629'));
  assert.deepEqual(artavil.properties.pastFlags, ['mt', 'tv', 'tz']);
});

test('SDN 8244: n.k.a. aliases are a.k.a. names with a remark saying so', async () => {
  const e = get(await sdn, '8244');
  assert.ok(e.names.some((n) => n.value === 'NUEVO CONTINENTE S.A.' && n.kind === 'aka'));
  assert.ok(e.remarks.includes('n.k.a. NUEVO CONTINENTE S.A.'));
});

test('consolidated: 442 entities as us_ofac_cons; HIKVISION and SMIC', async () => {
  const c = await cons;
  assert.deepEqual(c.events[0], { type: 'list', listId: 'us_ofac_cons' });
  assert.equal(c.entities.size, 442);
  assert.equal(c.rowsRead, 442);
  assert.deepEqual(c.warnings, []);
  const hik = get(c, '30946');
  assert.equal(hik.id, 'us_ofac_cons:30946');
  assert.equal(hik.names[0].value, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
  assert.ok(hik.names.some((n) => n.value === 'HIKVISION' && n.kind === 'aka'));
  assert.deepEqual(hik.programs, ['CMIC-EO13959']);
  assert.equal(hik.listing.start, '2021-06-03');
  assert.ok(
    hik.identifiers.some((i) => i.type === 'uscc' && i.value === '91330000733796106P' && i.country === 'cn'),
  );
  const smic = get(c, '30951');
  assert.ok(smic.names.some((n) => n.value === 'SEMICONDUCTOR MFG INTL CORP' && n.kind === 'aka'));
  let cmic = 0;
  for (const e of c.entities.values()) if (e.programs.includes('CMIC-EO13959')) cmic++;
  assert.equal(cmic, 68);
});

test('the path of sdn.csv itself finds its siblings; a listId option overrides the list', async () => {
  const events: SourceEvent[] = [];
  const options = { today: TODAY, listId: listId('xx_test_list') };
  for await (const e of ofacCsvFormat.read(join(OFAC_SDN_DIR, 'sdn.csv'), options)) events.push(e);
  assert.deepEqual(events[0], { type: 'list', listId: 'xx_test_list' });
  const aero = events.find((e) => e.type === 'entity' && e.entity.sourceId === '36');
  assert.ok(aero?.type === 'entity');
  assert.equal(aero.entity.id, 'xx_test_list:36');
  assert.equal(aero.entity.addresses.length, 1);
});

test('a damaged sdn.csv row is a bad_record warning with file and line; the rest is imported', async () => {
  // Line 3 is 306 BANCO NACIONAL DE CUBA; line 5 is 475 CASA DE CUBA.
  const dir = editedCopy(OFAC_SDN_DIR, 'sdn.csv', (lines) =>
    lines.map((l, i) => (i === 2 ? l.replace(/^306,/, 'X306,') : i === 4 ? '475,"CASA DE CUBA"' : l)),
  );
  const c = await collect(dir);
  assert.equal(c.entities.size, 8974);
  assert.equal(c.rowsRead, 8976);
  assert.ok(!c.entities.has('306') && !c.entities.has('475') && c.entities.has('424'));
  const bad = c.warnings.filter((w) => w.severity === 'bad_record');
  assert.deepEqual(bad, [
    { file: join(dir, 'sdn.csv'), line: 3, reason: 'ent_num "X306" is not a number', severity: 'bad_record' },
    { file: join(dir, 'sdn.csv'), line: 5, reason: 'expected 12 columns, found 2', severity: 'bad_record' },
  ]);
  // The damaged rows' addresses and aliases now point at no primary row: notes, one per row.
  const orphans = c.warnings.filter((w) => w.severity === 'note');
  assert.ok(
    orphans.some((w) => w.file === join(dir, 'add.csv') && /ent_num 306 is not in sdn\.csv/.test(w.reason)),
  );
  assert.ok(orphans.some((w) => w.file === join(dir, 'alt.csv') && /ent_num 306 /.test(w.reason)));
});

test('a folder without sdn.csv or cons_prim.csv is an unusable_file error with a hint', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'embargo-ofac-'));
  writeFileSync(join(empty, 'add.csv'), '36,25,-0- ,"Havana","Cuba",-0- \r\n');
  await assert.rejects(collect(empty), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'unusable_file');
    assert.match(error.hint ?? '', /sdn\.csv/);
    return true;
  });
  await assert.rejects(
    collect(join(empty, 'sdn.csv')),
    (error: unknown) => error instanceof AppError && error.code === 'unusable_file',
  );
});

test('a primary file with no OFAC row at all is unusable; missing secondary files are notes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-ofac-'));
  writeFileSync(join(dir, 'sdn.csv'), 'name,type\r\nACME,entity\r\n');
  await assert.rejects(
    collect(dir),
    (error: unknown) => error instanceof AppError && error.code === 'unusable_file',
  );
  writeFileSync(
    join(dir, 'sdn.csv'),
    '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a',
  );
  const c = await collect(dir);
  assert.equal(c.entities.size, 1);
  assert.deepEqual(
    c.warnings.map((w) => [w.file, w.severity]),
    [
      ['add.csv', 'note'],
      ['alt.csv', 'note'],
      ['sdn_comments.csv', 'note'],
    ],
  );
});

test('detect: the folders, the primary files by name or by their first row; not other CSVs', () => {
  const head = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ';
  const d = (path: string, isDirectory: boolean, fileNames: string[], h = '') =>
    ofacCsvFormat.detect({ path, isDirectory, fileNames, head: h });
  assert.equal(d('x', true, ['add.csv', 'alt.csv', 'sdn.csv', 'sdn_comments.csv']), true);
  assert.equal(d('x', true, ['CONS_PRIM.CSV', 'CONS_ADD.CSV']), true);
  assert.equal(d('x/sdn.csv', false, ['sdn.csv']), true);
  assert.equal(d('x/download.csv', false, ['download.csv'], head), true);
  assert.equal(d('x/csl.csv', false, ['csl.csv'], '_id,source,entity_number,type,programs,name'), false);
  assert.equal(d('x', true, ['csl.csv']), false);
});
