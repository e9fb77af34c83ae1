// Property test: candidate generation against a brute-force scan that scores every listed name (STYLE habit 6).
// Queries are generated distortions of real listed names (OFAC SDN, OFAC consolidated, CSL); whenever the
// brute force finds a name scoring at the match level, the fast path must examine a name scoring as high.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildIndex, DEFAULT_ALGORITHM, Searcher } from '../index.ts';
import { usLists } from '../test-lists.ts';

/** Customer-data damage: typos, reordering, dropped and joined words, initials, case and punctuation. */
function distort(name: string, ops: number[], rnd: () => number): string {
  let words = name
    .replace(/[,.]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  for (const op of ops) {
    const i = Math.floor(rnd() * words.length);
    const w = words[i] ?? '';
    const k = Math.floor(rnd() * Math.max(1, w.length - 1));
    if (op === 0 && w.length > 3)
      words[i] = w.slice(0, k) + w.slice(k + 1); // drop a letter
    else if (op === 1 && w.length > 2)
      words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2); // swap two
    else if (op === 2)
      words[i] = w.slice(0, k) + w[k] + w.slice(k); // double a letter
    else if (op === 3 && words.length > 1)
      words = [...words.slice(i), ...words.slice(0, i)]; // reorder
    else if (op === 4 && words.length > 2)
      words.splice(i, 1); // drop a word
    else if (op === 5 && i + 1 < words.length)
      words.splice(i, 2, w + words[i + 1]); // join two words
    else if (op === 6 && w.length > 1 && words.length > 1)
      words[i] = `${w[0]}.`; // initial
    else if (op === 7) words = words.map((x) => x.toLowerCase());
  }
  return words.join(' ');
}

test('candidate generation finds ≥ 99.5 % of what a brute-force scan of every name finds', async (t) => {
  const entities = (await usLists()).filter((e) => e.status === 'current');
  const index = buildIndex(entities);
  const searcher = new Searcher(index, DEFAULT_ALGORITHM);
  const nameWeight = DEFAULT_ALGORITHM.features.find((f) => f.id === 'name')?.weight ?? 1;
  const matchLevel = DEFAULT_ALGORITHM.threshold / nameWeight;
  const samples = fc.sample(
    fc.record({
      entity: fc.integer({ min: 0, max: entities.length - 1 }),
      ops: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 2 }),
      seed: fc.integer(),
    }),
    { numRuns: 250, seed: 20240601 },
  );
  let checked = 0;
  let found = 0;
  const missed: string[] = [];
  for (const s of samples) {
    const e = entities[s.entity];
    let state = s.seed;
    const rnd = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const schema =
      e.schema === 'Person'
        ? 'Person'
        : e.schema === 'Vessel' || e.schema === 'Airplane'
          ? e.schema
          : 'Organization';
    const query = { name: distort(e.names[0].value, s.ops, rnd), schema };
    if (query.name.trim() === '') continue;
    const oracle = searcher.scoreEveryName(query);
    let best = 0;
    for (const v of oracle) if (v > best) best = v;
    if (best < matchLevel) continue;
    checked++;
    const fast = searcher.candidateNames(query);
    if (fast.some((n) => oracle[n] >= best - 1e-6)) found++;
    else missed.push(`${query.name} (best ${best.toFixed(3)})`);
  }
  assert.ok(checked >= 150, `only ${checked} distortions reached the match level`);
  const recall = found / checked;
  t.diagnostic(
    `candidate recall ${(100 * recall).toFixed(2)} % over ${checked} distortions at the match level${missed.length > 0 ? `; missed: ${missed.join('; ')}` : ''}`,
  );
  assert.ok(
    recall >= 0.995,
    `candidate recall ${(100 * recall).toFixed(2)} % over ${checked}; missed: ${missed.join('; ')}`,
  );
});
