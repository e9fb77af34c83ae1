// Round trip on the real FtM files: file → import → export gives every line's id, schema and properties
// (each property's values in order) back exactly; with the source metadata, the whole object.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { newEntity } from '../../domain/entity-builder.ts';
import { countryCode, isoDate, listId, sourceId } from '../../domain/ids.ts';
import { collect } from '../common/test-helpers.ts';
import { mapFtmObject } from './ftm.map.ts';
import { readFtmJsonl, toFtm, writeFtmJsonl, type FtmObject } from './index.ts';

const DATASET = new URL('../../../test/fixtures/ftm/dataset/', import.meta.url).pathname;
const TODAY = '2025-01-01';

async function sourceLines(file: string): Promise<FtmObject[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FtmObject);
}

for (const [name, lines] of [
  ['zala', 91],
  ['parteispenden', 475],
  ['t1', 7],
] as const) {
  test(`${name}: import → export reproduces all ${lines} lines (id, schema, properties in order, metadata)`, async () => {
    const file = join(DATASET, name, 'entities.ftm.json');
    const source = await sourceLines(file);
    const { entities } = await collect(readFtmJsonl(file, { today: TODAY }));
    assert.equal(source.length, lines);
    assert.equal(entities.length, lines);
    entities.forEach((entity, i) => {
      const out = toFtm(entity);
      const want = source[i]!;
      assert.deepStrictEqual(
        { id: out.id, schema: out.schema, properties: out.properties },
        { id: want.id, schema: want.schema, properties: want.properties },
      );
      assert.deepStrictEqual(out, want, `${want.id}: whole object incl. caption and metadata`);
      assert.equal(JSON.stringify(out), JSON.stringify(want), `${want.id}: same key order`);
    });
  });
}

test('writeFtmJsonl writes one line per entity that re-imports to the same entities', async () => {
  const file = join(DATASET, 'zala/entities.ftm.json');
  const first = await collect(readFtmJsonl(file, { today: TODAY }));
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  assert.equal(await writeFtmJsonl(first.entities, stream), 91);
  const written = chunks.join('').split('\n');
  assert.equal(written.pop(), '', 'ends with a newline');
  const again = written.map((l) => mapFtmObject(JSON.parse(l) as FtmObject, listId('ftm_zala'), TODAY));
  assert.deepStrictEqual(
    again.map((r) => ('entity' in r ? r.entity : r)),
    first.entities,
  );
});

test('values the typed fields cannot hold exactly are kept verbatim and still round-trip', () => {
  const object: FtmObject = {
    id: 'x1',
    schema: 'Person',
    properties: {
      gender: ['Male', 'female'],
      birthDate: ['1970', 'circa 1971'],
      country: ['RU', 'suhh', 'ru'],
      name: [],
    },
  };
  const result = mapFtmObject(object, listId('ftm_test'), TODAY);
  assert.ok('entity' in result);
  const e = result.entity;
  assert.equal(e.gender, 'female');
  assert.deepEqual(e.birthDates, ['1970']);
  assert.deepEqual(e.countries, [{ code: 'ru', role: 'country' }]);
  assert.deepEqual(e.properties, object.properties);
  assert.deepStrictEqual(toFtm(e).properties, object.properties);
});

test('entities of other formats export through the same table (original → name, residence → country)', () => {
  const e = newEntity(listId('us_ofac_sdn'), sourceId('36'), 'Vessel', { ent_num: '36' });
  e.names.push(
    { value: 'AEROCARIBBEAN', kind: 'primary' },
    { value: 'АЭРО', kind: 'original' },
    { value: 'AERO', kind: 'aka' },
  );
  e.countries.push({ code: countryCode('cu'), role: 'flag' }, { code: countryCode('cu'), role: 'residence' });
  e.identifiers.push({ type: 'imo', value: '9123456' }, { type: 'other', value: 'X-1', label: 'Ref' });
  e.birthDates.push(isoDate('1990'));
  e.properties.tonnage = ['1000'];
  assert.deepStrictEqual(toFtm(e), {
    id: '36',
    caption: 'AEROCARIBBEAN',
    schema: 'Vessel',
    properties: {
      name: ['AEROCARIBBEAN', 'АЭРО'],
      alias: ['AERO'],
      country: ['cu'],
      flag: ['cu'],
      birthDate: ['1990'],
      idNumber: ['X-1'],
      imoNumber: ['9123456'],
      tonnage: ['1000'],
    },
  });
});
