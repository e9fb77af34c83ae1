// Import tests on the real FtM fixtures (test/fixtures/ftm/dataset, data README §8): counts per schema,
// typed fields, links, Sanction listing dates, bad lines, detection.
import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import type { Entity } from '../../domain/entity.ts';
import type { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { formatById } from '../registry.ts';
import type { DetectInput, ReadOptions } from '../types.ts';
import { collect, type Collected } from '../common/test-helpers.ts';
import {
  detectFtmDelta,
  detectFtmJsonl,
  ftmLinks,
  ftmSanctionedIds,
  percentageShare,
  readFtmJsonl,
} from './index.ts';

const DATASET = new URL('../../../test/fixtures/ftm/dataset/', import.meta.url).pathname;
const ZALA = join(DATASET, 'zala/entities.ftm.json');
const PARTEI = join(DATASET, 'parteispenden/entities.ftm.json');
const T1 = join(DATASET, 't1/entities.ftm.json');
const OPTIONS: ReadOptions = { today: '2025-01-01' };

function schemaCounts(entities: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.schema] = (counts[e.schema] ?? 0) + 1;
  return counts;
}

function bySource(read: Collected, id: string): Entity {
  const found = read.entities.find((e) => e.sourceId === id);
  assert.ok(found, `entity ${id} not read`);
  return found;
}

const zala = collect(readFtmJsonl(ZALA, OPTIONS));

test('zala: 91 entities, counts per schema, list ftm_zala, no warnings', async () => {
  const read = await zala;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'ftm_zala' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 91 });
  assert.equal(read.entities.length, 91);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(schemaCounts(read.entities), {
    Sanction: 41,
    Ownership: 14,
    Company: 11,
    Address: 11,
    Person: 6,
    Family: 4,
    Directorship: 3,
    Passport: 1,
  });
});

test('parteispenden (older format, no caption): 475 entities and counts per schema', async () => {
  const read = await collect(readFtmJsonl(PARTEI, OPTIONS));
  assert.equal(read.entities.length, 475);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(schemaCounts(read.entities), {
    Payment: 290,
    Address: 89,
    Company: 56,
    Person: 22,
    Organization: 18,
  });
  const names = read.entities.map((e) => e.names[0]?.value);
  for (const name of ['Daimler AG', 'Allianz SE', 'Frau Lina Dachner']) assert.ok(names.includes(name), name);
});

test('t1: 7 entities (Person 4, Organization 2, Address 1); a folder reads its entities.ftm.json', async () => {
  const read = await collect(readFtmJsonl(join(DATASET, 't1'), OPTIONS));
  assert.deepEqual(read.events[0], { type: 'list', listId: 'ftm_t1' });
  assert.deepEqual(schemaCounts(read.entities), { Person: 4, Organization: 2, Address: 1 });
  const org = read.entities.find((e) => e.names.some((n) => n.value === 'RAB „Inter Tobacco“'));
  assert.ok(org, 'RAB „Inter Tobacco“');
  // README says "names in ~20 languages"; the file holds 12 `name` values (one per language version).
  assert.equal(org.names.length, 12);
  assert.ok(org.names.every((n) => n.kind === 'primary'));
  assert.ok(org.names.some((n) => n.value === 'Общество с ограниченной ответственностью “Интер Тобако”'));
});

test('ReadOptions.listId overrides the folder-derived list id', async () => {
  const read = await collect(readFtmJsonl(T1, { ...OPTIONS, listId: listId('xx_my_list') }));
  assert.deepEqual(read.events[0], { type: 'list', listId: 'xx_my_list' });
  assert.equal(read.entities[0]?.id, `xx_my_list:${read.entities[0]?.sourceId}`);
});

test('typed fields of a Person: names by kind, birth date, countries by role, identifiers', async () => {
  const raw = (await readFile(ZALA, 'utf8')).split('\n').map((l) => (l === '' ? undefined : JSON.parse(l)));
  const source = raw.find((o) => o?.id === 'NK-2Tbri3s6GgNtAwsSXh4qpL');
  const e = bySource(await zala, 'NK-2Tbri3s6GgNtAwsSXh4qpL');
  assert.equal(e.id, 'ftm_zala:NK-2Tbri3s6GgNtAwsSXh4qpL');
  assert.equal(e.schema, 'Person');
  assert.deepEqual(
    e.names.filter((n) => n.kind === 'primary').map((n) => n.value),
    source.properties.name,
  );
  assert.deepEqual(e.birthDates, ['1988-01-07']);
  assert.deepEqual(
    e.countries.filter((c) => c.role === 'nationality'),
    [{ code: 'ru', role: 'nationality' }],
  );
  assert.deepEqual(
    e.identifiers.filter((i) => i.type === 'inn'),
    [{ type: 'inn', value: '183116181362' }],
  );
  assert.deepEqual(e.remarks, source.properties.notes, 'notes verbatim, double spaces kept');
  // Typed properties are not duplicated in `properties`; unmapped ones are kept verbatim.
  for (const prop of ['name', 'birthDate', 'nationality', 'innCode', 'notes'])
    assert.equal(e.properties[prop], undefined, prop);
  assert.deepEqual(e.properties.firstName, source.properties.firstName);
  assert.deepEqual(e.raw, source);
});

test('Ownership links: Kalashnikov → LLC CST, ZAKHAROV → Aeroscan 100 % (share [1, 1])', async () => {
  const read = await zala;
  const idOf = (name: string) => read.entities.find((e) => e.names.some((n) => n.value === name))?.id;
  const links = read.entities.flatMap(ftmLinks);
  assert.equal(links.filter((l) => l.kind === 'ownership').length, 14);
  assert.equal(links.filter((l) => l.kind === 'director').length, 3);
  assert.equal(links.filter((l) => l.kind === 'family').length, 4);
  const kalashnikov = links.filter(
    (l) => l.fromEntityId === idOf('JSC Kalashnikov Concern') && l.toEntityId === idOf('LLC CST'),
  );
  assert.deepEqual(
    kalashnikov.map((l) => l.share),
    [undefined, [0.49, 0.49]],
  );
  const aeroscan = links.find(
    (l) =>
      l.fromEntityId === idOf('Alexander Vyacheslavovich ZAKHAROV') &&
      l.toEntityId === idOf('Limited Liability Company Aeroscan'),
  );
  assert.deepEqual(aeroscan, {
    kind: 'ownership',
    fromEntityId: 'ftm_zala:NK-aU5ybkbRFJucf8YMwsJvDw',
    toEntityId: 'ftm_zala:NK-iE6m5ryPeTAMZozfECVSL7',
    share: [1, 1],
  });
  // Every link end is an entity of the file.
  const ids = new Set(read.entities.map((e) => e.id));
  for (const l of links)
    assert.ok(ids.has(l.fromEntityId) && ids.has(l.toEntityId), `${l.fromEntityId} → ${l.toEntityId}`);
});

test('percentageShare: one value, several values, unusable values', () => {
  assert.deepEqual(percentageShare(['100']), [1, 1]);
  assert.deepEqual(percentageShare(['25,5 %', '50']), [0.255, 0.5]);
  assert.equal(percentageShare(['', 'n/a', '150']), undefined);
});

test('Sanction: listing dates from startDate/endDate, ended when the end has passed, sanctioned ids', async () => {
  const read = await zala;
  const sanctions = read.entities.filter((e) => e.schema === 'Sanction');
  const ended = sanctions.filter((e) => e.status === 'ended');
  assert.deepEqual(
    ended.map((e) => [e.sourceId, e.listing]),
    [
      [
        'ua-nsdc-6c8c31da8d3db74b085a9217f3322ba118141a63',
        { citations: [], start: '2021-10-30', end: '2024-10-30' },
      ],
    ],
  );
  assert.deepEqual(ftmSanctionedIds(ended[0]!), ['ftm_zala:NK-abdzbEBkqyT29GyREbiURZ']);
  const ids = new Set(read.entities.map((e) => e.id));
  for (const s of sanctions) for (const id of ftmSanctionedIds(s)) assert.ok(ids.has(id), id);
  assert.equal(sanctions.filter((e) => e.listing.start !== undefined).length, 25);
});

async function copyWithDamage(lines: (all: string[]) => string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ftm-'));
  const file = join(dir, 'entities.ftm.json');
  await writeFile(file, lines((await readFile(ZALA, 'utf8')).split('\n')).join('\n'));
  return file;
}

test('bad lines are bad_record warnings with their line; the rest is read', async () => {
  const file = await copyWithDamage((all) => {
    const out = [...all];
    out[2] = out[2]!.slice(0, 200); // truncated JSON
    out[4] = out[4]!.replace('"schema": "', '"schema": "Spaceship'); // unknown schema
    out[6] = '{"id": "x", "schema": "Person", "properties": {"name": "not a list"}}';
    return out;
  });
  const read = await collect(readFtmJsonl(file, OPTIONS));
  assert.equal(read.entities.length, 88);
  assert.deepEqual(
    read.warnings.map((w) => [w.line, w.severity]),
    [
      [3, 'bad_record'],
      [5, 'bad_record'],
      [7, 'bad_record'],
    ],
  );
  assert.match(read.warnings[0]!.reason, /not valid JSON/);
  assert.match(read.warnings[1]!.reason, /schema "Spaceship\w+" is not supported/);
  assert.match(read.warnings[2]!.reason, /"name" must be an array of strings/);
  assert.equal(read.warnings[0]!.file, file);
});

test('a file that is not FtM JSON lines is unusable', async () => {
  const notFtm = new URL('../../../data/us_bis/dpl.txt', import.meta.url).pathname;
  await assert.rejects(
    collect(readFtmJsonl(notFtm, OPTIONS)),
    (e: AppError) => e.code === 'unusable_file' && /no FtM entity/.test(e.message),
  );
  await assert.rejects(
    collect(readFtmJsonl(join(DATASET, 'nowhere'), OPTIONS)),
    (e: AppError) => e.code === 'unusable_file',
  );
});

async function fileInput(path: string): Promise<DetectInput> {
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(buffer, 0, 4096, 0);
  await handle.close();
  return {
    path,
    isDirectory: false,
    fileNames: [basename(path)],
    head: buffer.subarray(0, bytesRead).toString('latin1'),
  };
}

test('detection: entities files and folders are ftm_jsonl, delta folders ftm_delta, others neither', async () => {
  const zalaInput = await fileInput(ZALA);
  assert.ok(detectFtmJsonl(zalaInput));
  assert.ok(detectFtmJsonl({ ...zalaInput, fileNames: ['export.jsonl'] }), 'by content');
  assert.ok(!detectFtmDelta(zalaInput));
  const zalaDir: DetectInput = {
    path: join(DATASET, 'zala'),
    isDirectory: true,
    fileNames: ['entities.ftm.json'],
    head: zalaInput.head,
  };
  assert.ok(detectFtmJsonl(zalaDir) && !detectFtmDelta(zalaDir));
  const t1Dir: DetectInput = {
    ...zalaDir,
    fileNames: ['20240527134702-zbn', 'delta.json', 'entities.ftm.json'],
  };
  assert.ok(detectFtmDelta(t1Dir) && !detectFtmJsonl(t1Dir));
  assert.ok(detectFtmDelta(await fileInput(join(DATASET, 't2/delta.json'))));
  const dpl = await fileInput(new URL('../../../data/us_bis/dpl.txt', import.meta.url).pathname);
  assert.ok(!detectFtmJsonl(dpl) && !detectFtmDelta(dpl));
});

test('both formats are registered', () => {
  assert.equal(formatById('ftm_jsonl')?.id, 'ftm_jsonl');
  assert.equal(formatById('ftm_delta')?.id, 'ftm_delta');
});
