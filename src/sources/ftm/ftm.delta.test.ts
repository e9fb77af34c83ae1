// Delta datasets on the real yente fixtures (data README §8): t1 = base file + one empty version; t2 = five
// versions (empty; 2 ADD; ADD + MOD; DEL; ADD) and no base file.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AppError } from '../../domain/errors.ts';
import { caption, type Entity } from '../../domain/entity.ts';
import { readDeltaIndex } from './ftm.delta.ts';
import { readFtmDelta, readFtmDeltaVersions } from './index.ts';
import { collect } from '../common/test-helpers.ts';

const DATASET = new URL('../../../test/fixtures/ftm/dataset/', import.meta.url).pathname;
const T1 = join(DATASET, 't1');
const T2 = join(DATASET, 't2');
const OPTIONS = { today: '2025-01-01' };

/** The caption the FtM file gives (FtM picks it among the names; it need not be the first). */
function ftmCaption(entity: Entity): string {
  return (entity.raw as { caption: string }).caption;
}

test('delta index: versions sorted by key, updated_at, local file per version', async () => {
  const index = await readDeltaIndex(T2);
  assert.equal(index.updatedAt, '2024-05-28T14:47:29Z');
  assert.deepEqual(
    index.versions.map((v) => v.version),
    [
      '20240527134702-zbn',
      '20240527194702-wnk',
      '20240528014702-pfh',
      '20240528074703-npf',
      '20240528134729-3iv',
    ],
  );
  assert.equal(index.versions[1]!.file, join(T2, '20240527194702-wnk', 'entities.delta.json'));
  assert.match(index.versions[1]!.url, /^https:\/\/data\.opensanctions\.org\/.+\/entities\.delta\.json$/);
});

test('t2: after all five versions the set is what the ops imply', async () => {
  const read = await collect(readFtmDelta(T2, OPTIONS));
  assert.deepEqual(read.events[0], { type: 'list', listId: 'ftm_t2', asOf: '2024-05-28' });
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 6 });
  assert.deepEqual(read.warnings, []);
  assert.deepEqual(
    read.entities.map((e) => e.id),
    ['ftm_t2:NK-2T3S8Hu29ktYnKSTgQp2wL', 'ftm_t2:NK-2sJaJRaPJcWUfMbHjTtWcL', 'ftm_t2:Q4365364'],
  );
  const [alQaida, agha, plotnikov] = read.entities;
  // The MOD (synthetic test change) replaced the whole entity: caption, names, country, properties.
  assert.equal(ftmCaption(alQaida!), 'Foobar Foobargroup');
  assert.deepEqual(
    alQaida!.names.map((n) => n.value),
    ['Foobar Foobargroup', 'IRGC', 'Iranian Revolutionary Guard Corps'],
  );
  assert.equal(caption(alQaida!), 'Foobar Foobargroup');
  assert.deepEqual(alQaida!.countries, [{ code: 'ir', role: 'country' }]);
  assert.deepEqual(alQaida!.properties.createdAt, ['2012-03-24']);
  assert.equal(
    alQaida!.properties.description,
    undefined,
    'the ADD version had a description; the MOD has none',
  );
  assert.equal(ftmCaption(agha!), 'Janan Agha');
  assert.ok(agha!.names.some((n) => n.value === 'Janan Agha' && n.kind === 'primary'));
  assert.equal(ftmCaption(plotnikov!), 'Vladimir Nikolaevich PLOTNIKOV');
  assert.equal(caption(plotnikov!), 'Vladimir Nikolaevich PLOTNIKOV');
  assert.equal(plotnikov!.gender, 'male');
  assert.deepEqual(plotnikov!.birthDates, ['1961-11-30']);
  assert.ok(
    !read.entities.some((e) => e.sourceId === 'NK-500Poltergeist'),
    'DEL removed the second AL-QAIDA IN IRAQ',
  );
});

test('t2 version by version: each state is a possible list version', async () => {
  const states = [];
  for await (const state of readFtmDeltaVersions(T2, OPTIONS)) states.push(state);
  assert.deepEqual(
    states.map((s) => [s.version, s.ops, s.entities.map((e) => e.sourceId)]),
    [
      ['20240527134702-zbn', { add: 0, mod: 0, del: 0 }, []],
      [
        '20240527194702-wnk',
        { add: 2, mod: 0, del: 0 },
        ['NK-2T3S8Hu29ktYnKSTgQp2wL', 'NK-2sJaJRaPJcWUfMbHjTtWcL'],
      ],
      [
        '20240528014702-pfh',
        { add: 1, mod: 1, del: 0 },
        ['NK-2T3S8Hu29ktYnKSTgQp2wL', 'NK-2sJaJRaPJcWUfMbHjTtWcL', 'NK-500Poltergeist'],
      ],
      [
        '20240528074703-npf',
        { add: 0, mod: 0, del: 1 },
        ['NK-2T3S8Hu29ktYnKSTgQp2wL', 'NK-2sJaJRaPJcWUfMbHjTtWcL'],
      ],
      [
        '20240528134729-3iv',
        { add: 1, mod: 0, del: 0 },
        ['NK-2T3S8Hu29ktYnKSTgQp2wL', 'NK-2sJaJRaPJcWUfMbHjTtWcL', 'Q4365364'],
      ],
    ],
  );
  assert.equal(ftmCaption(states[1]!.entities[0]!), 'AL-QAIDA IN IRAQ', 'before the MOD');
  assert.equal(ftmCaption(states[2]!.entities[0]!), 'Foobar Foobargroup', 'after the MOD');
});

test('t1: the base entities.ftm.json plus an empty version gives the 7 base entities', async () => {
  const read = await collect(readFtmDelta(join(T1, 'delta.json'), OPTIONS));
  assert.deepEqual(read.events[0], { type: 'list', listId: 'ftm_t1', asOf: '2024-05-27' });
  assert.equal(read.entities.length, 7);
  assert.deepEqual(read.events.at(-1), { type: 'end', rowsRead: 7 });
});

async function copyOfT2(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'ftm-delta-')), 't2');
  await cp(T2, dir, { recursive: true });
  return dir;
}

test('inconsistent ops are applied with a note; a bad op line is a bad record', async () => {
  const dir = await copyOfT2();
  const last = join(dir, '20240528134729-3iv', 'entities.delta.json');
  await writeFile(
    last,
    `${(await readFile(last, 'utf8')).trim()}\n{"op":"DEL","entity":{"id":"NK-500Poltergeist"}}\n{"op":"REPLACE","entity":{"id":"x"}}\n`,
  );
  const read = await collect(readFtmDelta(dir, OPTIONS));
  assert.deepEqual(
    read.warnings.map((w) => [w.line, w.severity, w.reason]),
    [
      [2, 'note', 'DEL of NK-500Poltergeist, which is not in the dataset'],
      [3, 'bad_record', 'unknown op "REPLACE" (expected ADD, MOD or DEL)'],
    ],
  );
  assert.equal(read.entities.length, 3);
});

test('a version listed in delta.json whose file is missing makes the dataset unusable', async () => {
  const dir = await copyOfT2();
  await rm(join(dir, '20240528074703-npf'), { recursive: true });
  await assert.rejects(
    collect(readFtmDelta(dir, OPTIONS)),
    (e: AppError) =>
      e.code === 'unusable_file' &&
      /20240528074703-npf/.test(e.message) &&
      /download https:/.test(e.hint ?? ''),
  );
  await assert.rejects(
    collect(readFtmDelta(join(DATASET, 'zala'), OPTIONS)),
    (e: AppError) => e.code === 'unusable_file',
  );
});
