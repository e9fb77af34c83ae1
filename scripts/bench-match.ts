// npm run bench:match: speed and size of the matching engine over every bundled list.
// Prints build time and memory, candidates examined per query, single-query latency (p50/p99) on one core,
// batch throughput on one core and on all cores (worker threads), and the same queries through Fuse.js
// over the same names (speed ratio and recall). Queries: the evaluation set (positives and negatives).
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import Fuse from 'fuse.js';
import {
  buildIndexData,
  MatchIndex,
  Searcher,
  DEFAULT_ALGORITHM,
  type MatchIndexData,
  type ScreenQuery,
} from '../src/matching/index.ts';
import { loadBundledLists } from './bundled-lists.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = join(ROOT, 'test', 'eval', 'dev');
// A full garbage collection before each memory reading (the npm script runs node without --expose-gc).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Fuse.js scans every name per query: it runs on a sample of the positives. */
const FUSE_SAMPLE = 40;

interface BenchQuery {
  query: ScreenQuery;
  expected?: string;
}

function queries(): BenchQuery[] {
  const read = (f: string): Record<string, string>[] =>
    parse(readFileSync(join(EVAL_DIR, f)), { columns: true, bom: true }) as Record<string, string>[];
  const out: BenchQuery[] = read('positives.csv').map((r) => ({
    query: { name: r.name, schema: r.schema },
    expected: `${r.source_file}:${r.expected_source_id}`,
  }));
  for (const f of ['negatives_persons_global.csv', 'negatives_persons_us.csv']) {
    for (const r of read(f))
      out.push({ query: { name: r.full_name, schema: 'Person', birth_date: r.date_of_birth } });
  }
  for (const r of read('negatives_companies.csv')) out.push({ query: { name: r.name, schema: r.schema } });
  return out;
}

/** Queries for warming the JIT up: listed names damaged (a word dropped, two letters swapped, words mixed
 * from two names), never the measured queries. A batch of a million rows runs at the speed V8 reaches after
 * its first few thousand queries; without this the one-core figure mostly measures tier-up compilation. */
function warmUpQueries(data: MatchIndexData, count: number): ScreenQuery[] {
  let seed = 12345;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
  const names = data.nameLatin;
  const out: ScreenQuery[] = [];
  for (let k = 0; k < count; k++) {
    const n = random(names.length);
    let words = names[n].split(' ');
    if (k % 3 === 0 && words.length > 2) words.splice(random(words.length), 1);
    else if (k % 3 === 1) {
      const i = random(words.length);
      const w = words[i];
      if (w.length > 3) {
        const j = 1 + random(w.length - 2);
        words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
      }
    } else words = [words[0], ...names[random(names.length)].split(' ').slice(1)];
    out.push({ name: words.join(' '), schema: data.cards[data.nameEntity[n]].schema });
  }
  return out;
}
const WARM_UP = 10_000;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Runs every query once, returning the per-query latencies in ms and the mean names scored. */
function timeEach(
  searcher: Searcher,
  qs: readonly BenchQuery[],
): { latencies: Float64Array; scored: number; touched: number; mean: number } {
  const latencies = new Float64Array(qs.length);
  let scored = 0;
  let touched = 0;
  qs.forEach((q, i) => {
    const t = performance.now();
    searcher.search(q.query);
    latencies[i] = performance.now() - t;
    scored += searcher.stats.scored;
    touched += searcher.stats.touched;
  });
  const mean = latencies.reduce((a, b) => a + b, 0) / qs.length;
  return { latencies: latencies.sort(), scored: scored / qs.length, touched: touched / qs.length, mean };
}

/** Queries per second of `workers` threads, each holding its own copy of the index. */
async function throughput(
  data: MatchIndexData,
  qs: readonly BenchQuery[],
  workers: number,
  rounds: number,
): Promise<{ perSecond: number; perCpuSecond: number }> {
  const warmUp = warmUpQueries(data, WARM_UP);
  const threads = Array.from(
    { length: workers },
    () => new Worker(fileURLToPath(import.meta.url), { workerData: { data, warmUp } }),
  );
  await Promise.all(threads.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const start = performance.now();
  const share = Math.ceil(qs.length / workers);
  const busy: number[] = [];
  await Promise.all(
    threads.map(
      (w, i) =>
        new Promise((resolve) => {
          w.once('message', (m: { cpuSeconds: number }) => resolve(busy.push(m.cpuSeconds)));
          w.postMessage({ queries: qs.slice(i * share, (i + 1) * share).map((q) => q.query), rounds });
        }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = busy.reduce((a, b) => a + b, 0);
  await Promise.all(threads.map((w) => w.terminate()));
  return { perSecond: (qs.length * rounds) / seconds, perCpuSecond: (qs.length * rounds) / cpuSeconds };
}

function fuseComparison(data: MatchIndexData, searcher: Searcher, qs: readonly BenchQuery[]): void {
  const names = data.nameEntity.length;
  const docs = Array.from({ length: names }, (_, n) => ({
    name: data.cards[data.nameEntity[n]].names[data.nameAlias[n]],
    id: data.cards[data.nameEntity[n]].id,
  }));
  const fuse = new Fuse(docs, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true });
  const sample = qs.filter((q) => q.expected !== undefined).slice(0, FUSE_SAMPLE);
  let t = performance.now();
  let fuseFound = 0;
  for (const q of sample)
    if (fuse.search(q.query.name, { limit: 10 }).some((r) => r.item.id === q.expected)) fuseFound++;
  const fuseMs = (performance.now() - t) / sample.length;
  t = performance.now();
  let ours = 0;
  for (const q of sample)
    if (
      searcher
        .search(q.query)
        .some((m) => m.entityId === q.expected || m.alsoOn.some((a) => a.entityId === q.expected))
    )
      ours++;
  const oursMs = (performance.now() - t) / sample.length;
  console.log(`Fuse.js (threshold 0.4, top 10) on ${sample.length} positives over the same ${names} names:`);
  console.log(
    `  Fuse.js   ${fuseMs.toFixed(2)} ms/query, recall ${((100 * fuseFound) / sample.length).toFixed(1)} %`,
  );
  console.log(
    `  ${DEFAULT_ALGORITHM.id} ${oursMs.toFixed(3)} ms/query, recall ${((100 * ours) / sample.length).toFixed(1)} % at the default threshold`,
  );
  console.log(`  speed ratio ${(fuseMs / oursMs).toFixed(0)}× faster`);
}

async function main(): Promise<void> {
  collect();
  const baseline = process.memoryUsage();
  const lists = await loadBundledLists([join(ROOT, 'data'), join(ROOT, 'test/fixtures')]);
  let entities = lists.flatMap((l) => l.entities);
  const inputs = lists.length;
  lists.length = 0;
  let t = performance.now();
  const data = buildIndexData(entities);
  const buildMs = performance.now() - t;
  t = performance.now();
  const index = new MatchIndex(data);
  const hydrateMs = performance.now() - t;
  const searcher = new Searcher(index, DEFAULT_ALGORITHM);
  const entityCount = entities.length;
  entities = []; // the index keeps cards, not the source records: let them go before measuring
  collect();
  const after = process.memoryUsage();
  const mb = (x: number): string => `${(x / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `lists: ${inputs} inputs, ${entityCount} entities → ${index.entityCount} screened, ${index.nameCount} names, ${index.vocabularySize} tokens`,
  );
  console.log(`build: ${buildMs.toFixed(0)} ms (+ ${hydrateMs.toFixed(0)} ms to open)   (target ≤ 3000 ms)`);
  const indexBytes = after.heapUsed - baseline.heapUsed + after.arrayBuffers - baseline.arrayBuffers;
  console.log(
    `memory of the index: ${mb(indexBytes)} (heap ${mb(after.heapUsed - baseline.heapUsed)} + typed arrays ` +
      `${mb(after.arrayBuffers - baseline.arrayBuffers)}); process heap ${mb(after.heapUsed)}, rss ${mb(after.rss)}   (target ≤ 300 MB)`,
  );
  const qs = queries();
  for (const q of warmUpQueries(data, WARM_UP)) searcher.search(q); // JIT, on other queries
  // A fresh searcher: no query word has been seen (its expansion memo is empty), as for a new batch.
  const fresh = new Searcher(index, DEFAULT_ALGORITHM);
  const cold = timeEach(fresh, qs);
  const warm = timeEach(fresh, qs);
  console.log(
    `queries: ${qs.length} (evaluation set); names credited per query ${cold.touched.toFixed(0)}, scored in full ${cold.scored.toFixed(1)}`,
  );
  const line = (r: typeof cold): string =>
    `mean ${r.mean.toFixed(3)} ms, p50 ${percentile(r.latencies, 0.5).toFixed(3)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(3)} ms, max ${r.latencies[r.latencies.length - 1].toFixed(2)} ms`;
  console.log(
    `single-query latency, one core, words never seen: ${line(cold)}   (targets p50 ≤ 0.3, p99 ≤ 2)`,
  );
  console.log(`single-query latency, one core, the same queries again: ${line(warm)}`);
  const one = await throughput(data, qs, 1, 1);
  const cores = availableParallelism();
  const all = await throughput(data, qs, cores, 1);
  console.log(
    `batch throughput (each query once, fresh searchers, JIT warmed on ${WARM_UP} other queries): one core ` +
      `${one.perSecond.toFixed(0)} queries/s (${one.perCpuSecond.toFixed(0)} per second of the thread's CPU time; target ≥ 5000); ` +
      `${cores} cores ${all.perSecond.toFixed(0)} queries/s; machine load average ${loadavg()[0].toFixed(1)}`,
  );
  fuseComparison(data, searcher, qs);
}

/** Worker: open the index, then answer batches of queries. */
function worker(): void {
  const port = parentPort;
  if (port === null) return;
  const { data, warmUp } = workerData as { data: MatchIndexData; warmUp: ScreenQuery[] };
  // JIT before the clock starts, on other queries and a searcher thrown away
  const index = new MatchIndex(data);
  const jit = new Searcher(index, DEFAULT_ALGORITHM);
  for (const q of warmUp) jit.search(q);
  // The cloned index arrived in the young generation: promote it now, not during the measured queries (a
  // long batch pays this once; five thousand queries would carry it all).
  collect();
  const searcher = new Searcher(index, DEFAULT_ALGORITHM);
  port.postMessage('ready');
  port.on('message', (m: { queries: ScreenQuery[]; rounds: number }) => {
    const cpu = process.threadCpuUsage();
    for (let r = 0; r < m.rounds; r++) for (const q of m.queries) searcher.search(q);
    const used = process.threadCpuUsage(cpu);
    port.postMessage({ cpuSeconds: (used.user + used.system) / 1e6 });
  });
}

if (isMainThread) await main();
else worker();
