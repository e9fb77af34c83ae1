import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listId } from '../../domain/ids.ts';
import type { Entity } from '../../domain/entity.ts';
import type { ImportWarning, ReadOptions } from '../types.ts';
import { osStatutoryFormat, detectStatutory } from './index.ts';

const DIR = 'test/fixtures/us_special_legislation';
const TODAY = '2026-09-01';

async function read(path: string, options: Partial<ReadOptions> = {}) {
  const out = { listId: '', entities: [] as Entity[], warnings: [] as ImportWarning[], rowsRead: -1 };
  for await (const e of osStatutoryFormat.read(path, { today: TODAY, ...options })) {
    if (e.type === 'list') out.listId = e.listId;
    else if (e.type === 'entity') out.entities.push(e.entity);
    else if (e.type === 'warning') out.warnings.push(e.warning);
    else out.rowsRead = e.rowsRead;
  }
  return out;
}
const byName = (entities: Entity[], name: string) => entities.find((e) => e.names.some((n) => n.value === name));

test('each table reads with its list id and exact row and party counts', async () => {
  const expected = [
    ['section_889.csv', 'us_ndaa_889', 5, 5],
    ['section_1286.csv', 'us_ndaa_1286', 443, 190],
    ['section_5949.csv', 'us_ndaa_5949', 3, 3],
    ['section_154.csv', 'us_ndaa_154', 6, 6],
    ['inksna.csv', 'us_state_inksna', 28, 28],
  ] as const;
  for (const [file, list, rows, parties] of expected) {
    const r = await read(join(DIR, file));
    assert.equal(r.listId, list, file);
    assert.equal(r.rowsRead, rows, file);
    assert.equal(r.entities.length, parties, file);
    assert.equal(r.warnings.filter((w) => w.severity === 'bad_record').length, 0, file);
    assert.equal(new Set(r.entities.map((e) => e.id)).size, parties, `${file}: ids unique`);
  }
});

test('§889 names the five procurement-ban companies', async () => {
  const r = await read(join(DIR, 'section_889.csv'));
  const names = r.entities.map((e) => e.names[0]!.value);
  assert.ok(names.includes('Dahua Technology Company'));
  assert.ok(names.includes('Hangzhou Hikvision Digital Technology Company'));
  assert.ok(names.includes('ZTE Corporation'));
  const huawei = byName(r.entities, 'Huawei Technologies Company');
  assert.equal(huawei?.schema, 'Company');
  assert.equal(huawei?.sourceId, 'huawei-technologies-company');
  assert.match(huawei!.programs[0]!, /^Section 889 /);
});

test('§1286: an institution listed in several annual reports is one entity with every report year', async () => {
  const r = await read(join(DIR, 'section_1286.csv'));
  const amms = byName(r.entities, 'Academy of Military Medical Sciences');
  assert.ok(amms);
  assert.deepEqual(amms.properties.reportDate, ['2022', '2024', '2025']);
  assert.equal(amms.listing.start, '2022');
  assert.ok(amms.names.some((n) => n.value === 'AMMS' && n.kind === 'aka'));
  assert.deepEqual(amms.countries, [{ code: 'cn', role: 'country' }]);
  assert.equal(amms.status, 'current');
  // Removed in the 2024 report's row (end-date 2026-07-23) and absent from 2025: ended.
  const mabna = byName(r.entities, 'Mabna Institute');
  assert.equal(mabna?.status, 'ended');
  assert.equal(mabna?.listing.end, '2026-07-23');
  // 193 distinct spellings, 190 parties: "Sun Yat-sen"/"Sun Yat-Sen", "Xi'an"/"Xi’an", "–"/"-" and
  // "Solid-State"/"Solid State" are the same institution in different report years.
  const xian = byName(r.entities, "Air Force Xi'an Flight Academy");
  assert.ok(xian?.names.some((n) => n.value === 'Air Force Xi’an Flight Academy'));
  assert.equal(xian?.sourceId, 'air-force-xian-flight-academy');
});

test('§5949, §154 and INKSNA: aliases, dates, countries and schema', async () => {
  const smic = byName((await read(join(DIR, 'section_5949.csv'))).entities, 'Semiconductor Manufacturing International Corporation');
  assert.ok(smic?.names.some((n) => n.value === 'SMIC'));
  const catl = byName((await read(join(DIR, 'section_154.csv'))).entities, 'Contemporary Amperex Technology Company, Limited');
  assert.equal(catl?.listing.start, '2027-10-01'); // "October 1, 2027"
  assert.ok(catl?.names.some((n) => n.value === 'CATL'));
  const inksna = await read(join(DIR, 'inksna.csv'));
  const choe = byName(inksna.entities, "Ch'oe Ch'o'l-min");
  assert.equal(choe?.schema, 'Person');
  assert.deepEqual(choe?.countries, [{ code: 'kp', role: 'nationality' }]); // "DPRK"
  assert.equal(choe?.listing.start, '2026-01-22');
  assert.equal(choe?.listing.end, '2028-01-22');
  assert.equal(choe?.status, 'current');
  assert.equal(byName(inksna.entities, 'Aleksandr Ivanovich Prikhodko')?.countries[0]?.code, 'ru'); // "Russian"
  assert.equal(byName(inksna.entities, 'JS Research Inc.')?.countries[0]?.code, 'kr'); // "ROK"
  assert.equal(inksna.warnings.length, 0);
});

test('--list overrides the list id; an unknown file name without it is a usage error', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-stat-'));
  const copy = join(tmp, 'my_table.csv');
  await writeFile(copy, await readFile(join(DIR, 'section_889.csv')));
  await assert.rejects(read(copy), (e: Error & { code?: string }) => e.code === 'usage');
  assert.equal((await read(copy, { listId: listId('us_ndaa_889') })).entities.length, 5);
});

test('a damaged row and a row without a name are bad_record warnings with their line; the rest is read', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-stat-'));
  const lines = (await readFile(join(DIR, 'section_5949.csv'), 'utf8')).split('\n');
  lines.splice(2, 0, 'Company,Shifted Row,,debarment,P,A,,,,,,,,extra,extra', 'Company,,,debarment,P,,,,,,,,');
  lines.push('Company,"Cut off at the end,,debarment');
  const path = join(tmp, 'section_5949.csv');
  await writeFile(path, lines.join('\n'));
  const r = await read(path);
  assert.equal(r.entities.length, 3);
  const bad = r.warnings.filter((w) => w.severity === 'bad_record');
  assert.deepEqual(bad.map((w) => [w.file, w.line]), [['section_5949.csv', 3], ['section_5949.csv', 4], ['section_5949.csv', 8]]);
  assert.match(bad[0]!.reason, /15 fields but the header has 13/);
  assert.match(bad[1]!.reason, /no name/);
  assert.match(bad[2]!.reason, /Quote Not Closed/);
});

test('detection accepts the statutory header and nothing else', async () => {
  const head = await readFile(join(DIR, 'inksna.csv'), 'latin1');
  assert.equal(detectStatutory({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head }), true);
  const other = await readFile('test/fixtures/us_dod_1260h/sanctions.csv', 'latin1');
  assert.equal(detectStatutory({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head: other.slice(0, 4096) }), false);
});
