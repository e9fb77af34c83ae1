// The JSON form: test/fixtures/us_trade_csl/csl-sample.json holds 10 real csl.csv rows transcribed into the
// CSL API / bulk JSON shape (see its "_note"); both forms must give the same entities.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Address, Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { collect } from '../common/test-helpers.ts';
import { cslCsvFormat, cslJsonFormat, readCslCsv, readCslJson } from './index.ts';

const CSL_FILE = new URL('../../../data/us_trade_csl/csl.csv', import.meta.url).pathname;
const JSON_FILE = new URL('../../../test/fixtures/us_trade_csl/csl-sample.json', import.meta.url).pathname;
const TODAY = '2026-03-01';

const fromJson = collect(readCslJson(JSON_FILE, { today: TODAY }));
const fromCsv = collect(readCslCsv(CSL_FILE, { today: TODAY }));

/** What both forms can say: the CSV has no address parts, and `raw` is the row / object as read. */
function comparable(entity: Entity): Entity {
  const addresses = entity.addresses.map((a): Address =>
    a.country ? { full: a.full, country: a.country } : { full: a.full },
  );
  return { ...entity, addresses, raw: null };
}

test('the JSON sample gives 10 entities and no warnings', async () => {
  const read = await fromJson;
  assert.deepEqual(read.events[0], { type: 'list', listId: 'us_trade_csl' });
  assert.equal(read.entities.length, 10);
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 10 });
});

test('each JSON entity equals the entity read from the same csl.csv row', async () => {
  const csvById = new Map((await fromCsv).entities.map((e) => [e.id, e]));
  for (const json of (await fromJson).entities) {
    const csv = csvById.get(json.id);
    assert.ok(csv, `${json.id} not in csl.csv`);
    assert.deepEqual(comparable(json), comparable(csv));
  }
});

test('JSON addresses keep their parts; raw is the JSON object', async () => {
  const read = await fromJson;
  const telecom = read.entities.find((e) => e.sourceId === '30882-CMIC');
  assert.deepEqual(telecom?.addresses, [
    {
      full: '31 Jinrong Street, Xicheng District, Beijing, 100033, CN',
      street: '31 Jinrong Street, Xicheng District',
      city: 'Beijing',
      postalCode: '100033',
      country: 'cn',
    },
  ]);
  assert.equal((telecom?.raw as { id: string }).id, '30882');
});

async function tmpFile(name: string, content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'embargo-csl-json-')), name);
  await writeFile(path, content);
  return path;
}

test('malformed JSON or a missing results array is unusable; a non-object result is a bad record', async () => {
  const isUnusable = (error: unknown): boolean => error instanceof AppError && error.code === 'unusable_file';
  const truncated = (await readFile(JSON_FILE, 'utf8')).slice(0, 500);
  await assert.rejects(
    collect(readCslJson(await tmpFile('cut.json', truncated), { today: TODAY })),
    isUnusable,
  );
  await assert.rejects(
    collect(readCslJson(await tmpFile('x.json', '{"total": 0}'), { today: TODAY })),
    isUnusable,
  );
  const path = await tmpFile(
    'bad.json',
    '{"results": [42, {"id": "x1", "name": "ACME", "source": "Entity List (EL)"}]}',
  );
  const read = await collect(readCslJson(path, { today: TODAY }));
  assert.equal(read.entities.length, 1);
  assert.deepEqual(read.warnings, [
    { file: path, line: 1, reason: 'results[0] is not an object', severity: 'bad_record' },
  ]);
});

test('detect tells the JSON and CSV forms apart', async () => {
  const head = (await readFile(JSON_FILE)).subarray(0, 4096).toString('latin1');
  const input = { path: JSON_FILE, isDirectory: false, fileNames: ['csl-sample.json'], head };
  assert.equal(cslJsonFormat.detect(input), true);
  assert.equal(cslCsvFormat.detect(input), false);
  assert.equal(
    cslJsonFormat.detect({ ...input, head: '{"type": "Person", "id": "x", "properties": {}}' }),
    false,
  );
});
