// npm run eval: matching quality on the evaluation set (../shared/eval/dev, else the copy in test/eval/dev).
// Positives are screened against the OFAC SDN set and the CSL extract; negatives against every bundled list (data/).
// Prints recall, top-1, false-positive rate per negatives file, precision per score band, the undistorted
// check, and a threshold sweep (how the default threshold was chosen). `--misses` lists what was missed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { countryFromName } from '../src/sources/common/countries.ts';
import {
  bandOf,
  buildIndex,
  DEFAULT_ALGORITHM,
  screenQuery,
  type Match,
  type MatchIndex,
  type ScreenQuery,
} from '../src/matching/index.ts';
import { loadBundledLists, loadList } from './bundled-lists.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared', 'eval', 'dev');
const EVAL_DIR = existsSync(SHARED) ? SHARED : join(ROOT, 'test', 'eval', 'dev');
const THRESHOLD = DEFAULT_ALGORITHM.threshold;
const NAME_WEIGHT = DEFAULT_ALGORITHM.features.find((f) => f.id === 'name')?.weight ?? 1;
/** Matches are collected down to this score so the sweep and the band table can look below the threshold. */
const FLOOR = 0.6;
const SWEEP = [0.7, 0.725, 0.75, 0.775, 0.8, 0.825, 0.85, 0.875, 0.9];

type Row = Record<string, string>;
interface Outcome {
  matches: Match[];
  expected?: string;
  distortion?: string;
  query: ScreenQuery;
}

function readCsv(file: string): Row[] {
  return parse(readFileSync(join(EVAL_DIR, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Row[];
}

function holds(m: Match, id: string): boolean {
  return m.entityId === id || m.alsoOn.some((a) => a.entityId === id);
}

function above(o: Outcome, t: number): Match[] {
  return o.matches.filter((m) => m.score >= t);
}

const found = (o: Outcome, t: number): boolean => above(o, t).some((m) => holds(m, o.expected as string));
const top1 = (o: Outcome, t: number): boolean => {
  const first = above(o, t)[0];
  return first !== undefined && holds(first, o.expected as string);
};
const pct = (n: number, d: number): string => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(2)} %`);

function screenAll(index: MatchIndex, queries: Omit<Outcome, 'matches'>[]): Outcome[] {
  return queries.map((q) => ({
    ...q,
    matches: screenQuery(index, q.query, { threshold: FLOOR, limit: 20 }),
  }));
}

function positiveQueries(): Omit<Outcome, 'matches'>[] {
  return readCsv('positives.csv').map((r) => ({
    query: { name: r.name, schema: r.schema },
    expected: `${r.source_file}:${r.expected_source_id}`,
    distortion: r.distortion,
  }));
}

function negativeQueries(file: string): Omit<Outcome, 'matches'>[] {
  return readCsv(file).map((r) => {
    if (r.full_name === undefined) return { query: { name: r.name, schema: r.schema } };
    const query: ScreenQuery = { name: r.full_name, schema: 'Person' };
    if (r.date_of_birth) query.birth_date = r.date_of_birth;
    const country = r.nationality ? countryFromName(r.nationality) : undefined;
    if (country !== undefined) query.country = country;
    return { query };
  });
}

function printPositives(pos: Outcome[]): void {
  const n = pos.length;
  const undistorted = pos.filter((o) => o.distortion === 'none');
  console.log(`positives (${n} rows, threshold ${THRESHOLD})`);
  console.log(
    `  recall            ${pct(pos.filter((o) => found(o, THRESHOLD)).length, n)}   (target ≥ 98 %)`,
  );
  console.log(
    `  top-1             ${pct(pos.filter((o) => top1(o, THRESHOLD)).length, n)}   (target ≥ 95 %)`,
  );
  console.log(
    `  undistorted found ${pct(undistorted.filter((o) => found(o, THRESHOLD)).length, undistorted.length)}   (${undistorted.length} rows, target 100 %)`,
  );
  const kinds = new Map<string, Outcome[]>();
  for (const o of pos)
    for (const k of (o.distortion ?? '').split('+')) kinds.set(k, [...(kinds.get(k) ?? []), o]);
  console.log(
    '  recall by distortion: ' +
      [...kinds]
        .map(([k, os]) => `${k} ${pct(os.filter((o) => found(o, THRESHOLD)).length, os.length)}`)
        .join(', '),
  );
}

function printNegatives(neg: Map<string, Outcome[]>): void {
  for (const [file, outcomes] of neg) {
    const hits = outcomes.filter((o) => above(o, THRESHOLD).length > 0);
    // A hit whose name part is exact names a party listed under that very name (e.g. on a list loaded for
    // negatives only, such as China's countermeasures list): counted as a false positive all the same.
    const exact = hits.filter((o) =>
      above(o, THRESHOLD).some((m) => m.explanation[0].contribution >= NAME_WEIGHT - 1e-4),
    ).length;
    console.log(
      `negatives ${file.padEnd(30)} false-positive rate ${pct(hits.length, outcomes.length)}  (${hits.length} of ${outcomes.length}, ` +
        `${exact} of them exact listed names; target ≤ 1 %)`,
    );
  }
}

/** Precision per band: a hit is correct when it is (or groups) the expected record; every negative hit is wrong. */
function printBands(pos: Outcome[], neg: Map<string, Outcome[]>): void {
  const tally = new Map<string, { right: number; wrong: number }>();
  const add = (m: Match, right: boolean): void => {
    const band = bandOf(m.score);
    const t = tally.get(band) ?? { right: 0, wrong: 0 };
    if (right) t.right++;
    else t.wrong++;
    tally.set(band, t);
  };
  for (const o of pos) for (const m of o.matches) add(m, holds(m, o.expected as string));
  for (const outcomes of neg.values()) for (const o of outcomes) for (const m of o.matches) add(m, false);
  console.log(
    'precision per score band (hits at or above ' +
      FLOOR +
      '; other records than the expected one count as wrong):',
  );
  for (const band of DEFAULT_ALGORITHM.bands) {
    const t = tally.get(band.name) ?? { right: 0, wrong: 0 };
    console.log(
      `  ${band.name.padEnd(9)} ≥ ${band.min.toFixed(2)}  precision ${pct(t.right, t.right + t.wrong)}  (${t.right} right, ${t.wrong} wrong)`,
    );
  }
}

function printSweep(pos: Outcome[], neg: Map<string, Outcome[]>): void {
  console.log(
    'threshold sweep: threshold  recall  top-1  ' +
      [...neg.keys()].map((f) => `FP ${f.replace('.csv', '')}`).join('  '),
  );
  for (const t of SWEEP) {
    const fps = [...neg.values()].map((os) =>
      pct(os.filter((o) => above(o, t).length > 0).length, os.length),
    );
    console.log(
      `  ${t.toFixed(3)}  ${pct(pos.filter((o) => found(o, t)).length, pos.length)}  ${pct(pos.filter((o) => top1(o, t)).length, pos.length)}  ${fps.join('  ')}`,
    );
  }
}

function printMisses(pos: Outcome[], neg: Map<string, Outcome[]>): void {
  for (const o of pos.filter((x) => !top1(x, THRESHOLD))) {
    const best = o.matches[0];
    const mine = o.matches.find((m) => holds(m, o.expected as string));
    console.log(
      `MISS ${o.distortion} "${o.query.name}" expected ${o.expected} ${mine ? mine.score : '-'}; top ${best ? `${best.entityId} "${best.matchedName}" ${best.score}` : '-'}`,
    );
  }
  for (const [file, outcomes] of neg) {
    for (const o of outcomes.filter((x) => above(x, THRESHOLD).length > 0)) {
      const m = o.matches[0];
      console.log(
        `FP ${file} "${o.query.name}" ${o.query.birth_date ?? ''} ${o.query.country ?? ''} → ${m.entityId} "${m.matchedName}" ${m.score} | ${m.explanation.map((e) => e.reason).join(' | ')}`,
      );
    }
  }
}

async function main(): Promise<void> {
  console.log(`evaluation set: ${EVAL_DIR}; algorithm ${DEFAULT_ALGORITHM.id}`);
  const positivesIndex = buildIndex([
    ...(await loadList(join(ROOT, 'data/us_ofac/sdn_csv'))),
    ...(await loadList(join(ROOT, 'data/us_trade_csl/csl.csv'))),
  ]);
  // "Every bundled list" = the government lists the product ships in data/ (what `npm start` loads). The
  // CC BY-NC fixtures in test/fixtures (China's countermeasures, DoD 1260H, EU annexes, German party donations…)
  // are not bundled, and they do list some of the manufacturers the negatives file holds (BAE Systems, Yangtze
  // Memory): screening against them would count true listings as false positives.
  const lists = await loadBundledLists([join(ROOT, 'data')]);
  console.log(
    `negatives screened against ${lists.length} list inputs: ${lists.map((l) => `${l.path.replace(ROOT + '/', '')} (${l.entities.length})`).join(', ')}`,
  );
  const allIndex = buildIndex(lists.flatMap((l) => l.entities));
  console.log(
    `index: positives ${positivesIndex.entityCount} entities / ${positivesIndex.nameCount} names; all lists ${allIndex.entityCount} / ${allIndex.nameCount}`,
  );
  const pos = screenAll(positivesIndex, positiveQueries());
  const neg = new Map<string, Outcome[]>();
  for (const file of [
    'negatives_persons_global.csv',
    'negatives_persons_us.csv',
    'negatives_companies.csv',
  ]) {
    neg.set(file, screenAll(allIndex, negativeQueries(file)));
  }
  printPositives(pos);
  printNegatives(neg);
  printBands(pos, neg);
  printSweep(pos, neg);
  if (process.argv.includes('--misses')) printMisses(pos, neg);
}

await main();
