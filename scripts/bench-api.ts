// API benchmark (issue 5): the server runs in a child process (`embargo serve --require-keys`, SQLite, audit
// on); this process generates the load over loopback with autocannon. Prints single-screen throughput and
// latency percentiles, and batch throughput in parties per second; checks the audit chain afterwards.
// Usage: npm run bench:api [-- --lists cons] [--duration 15] [--connections 8] [--keep DIR] [--cpu-prof DIR] [--only single|batch]
//   --lists cons     load only the OFAC consolidated list (fast start); default: every bundled government list.
//   --keep DIR       keep the database in DIR and reuse it on the next run (skips the imports; the audit log grows).
//   --cpu-prof DIR   run the server under `node --cpu-prof` and write its profile to DIR (to find the overhead).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApiKey } from '../src/app/api-keys.ts';
import { BUNDLED_LISTS } from '../src/app/bundled.ts';
import { verifyChain } from '../src/audit/index.ts';
import { caption } from '../src/domain/entity.ts';
import { listId } from '../src/domain/ids.ts';
import { importList } from '../src/ingest/import-list.ts';
import { openAuditStore, openStore } from '../src/store/index.ts';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const DURATION = Number(arg('duration', '15'));
const CONNECTIONS = Number(arg('connections', '8'));
/** `single` or `batch`: run only that part. */
const ONLY = arg('only', 'both');
const PORT = 18000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;

async function prepare(location: string): Promise<{ key: string; names: string[] }> {
  const store = await openStore(location);
  const lists =
    arg('lists', 'all') === 'cons' ? BUNDLED_LISTS.filter((l) => l.listId === 'us_ofac_cons') : BUNDLED_LISTS;
  for (const l of lists) await importList(store, l.path, { listId: listId(l.listId) });
  const names: string[] = [];
  for await (const e of store.currentEntities())
    if (names.length < 500 && e.status === 'current' && e.names.length > 0) names.push(caption(e));
  await store.close();
  const audit = await openAuditStore(location);
  const { secret } = await createApiKey(audit, 'bench', 'screener');
  await audit.close();
  return { key: secret, names };
}

async function waitReady(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ready = await fetch(`${BASE}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready after 150 s');
}

/** Queries: half listed names (matches, explanations), half names that are on no list (the common case). */
function parties(names: string[]): { name: string; country?: string }[] {
  const clean = [
    'Nordwind Logistik GmbH',
    'Blue Harbor Trading LLC',
    'Maria Fernanda Lopez',
    'Sakura Precision Parts KK',
    'Atlas Machine Tools Ltd',
  ];
  return names.map((name, i) =>
    i % 2 === 0 ? { name } : { name: `${clean[i % clean.length]} ${i}`, country: 'de' },
  );
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Prepares the database, or reuses the one kept in `--keep DIR` by an earlier run. */
async function prepared(dir: string, keep: boolean): Promise<{ key: string; names: string[] }> {
  const location = join(dir, 'bench.db');
  const saved = join(dir, 'bench.json');
  if (keep && existsSync(saved))
    return JSON.parse(readFileSync(saved, 'utf8')) as { key: string; names: string[] };
  const t0 = performance.now();
  const made = await prepare(location);
  console.log(`prepared ${location} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (keep) writeFileSync(saved, JSON.stringify(made));
  return made;
}

const keepDir = arg('keep', '');
const profDir = arg('cpu-prof', '');
const dir = keepDir === '' ? mkdtempSync(join(tmpdir(), 'embargo-bench-api-')) : keepDir;
mkdirSync(dir, { recursive: true });
const location = join(dir, 'bench.db');
const { key, names } = await prepared(dir, keepDir !== '');
const nodeFlags = profDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
const server = spawn(
  process.execPath,
  [...nodeFlags, MAIN, '--db', location, 'serve', '--port', String(PORT), '--require-keys'],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
try {
  await waitReady(server);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const single = parties(names).map((p) => ({
    method: 'POST' as const,
    path: '/v1/screen',
    headers,
    body: JSON.stringify(p),
  }));
  const batchBody = JSON.stringify({
    parties: Array.from({ length: 1000 }, (_, i) => parties(names)[i % names.length]),
  });
  const batchRequests = [{ method: 'POST' as const, path: '/v1/screen/batch', headers, body: batchBody }];
  let s: autocannon.Result | undefined;
  let b: autocannon.Result | undefined;
  if (ONLY !== 'batch') {
    await run({ url: BASE, connections: CONNECTIONS, duration: 3, requests: single });
    s = await run({ url: BASE, connections: CONNECTIONS, duration: DURATION, requests: single });
  }
  if (ONLY !== 'single') {
    // Warm-up: the first batch starts the server's screening threads (each loads the engine and clones the index).
    await run({ url: BASE, connections: 2, amount: 4, requests: batchRequests });
    b = await run({ url: BASE, connections: 2, duration: DURATION, requests: batchRequests });
  }
  const audit = await openAuditStore(location);
  const tv = performance.now();
  const report = await verifyChain(audit.records(), {
    readHead: () => audit.head(),
    locate: (h) => audit.seqOfHash(h),
  });
  const verifyMs = performance.now() - tv;
  await audit.close();
  console.log(
    `\nmachine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other processes compete for the cores)`,
  );
  if (s !== undefined) {
    console.log(`POST /v1/screen (${CONNECTIONS} connections, ${DURATION} s, keys and audit on)`);
    console.log(
      `  ${s.requests.average.toFixed(0)} req/s; latency p50 ${s.latency.p50} ms, p90 ${s.latency.p90} ms, p99 ${s.latency.p99} ms, max ${s.latency.max} ms; non-2xx ${s.non2xx}, errors ${s.errors}`,
    );
  }
  if (b !== undefined) {
    console.log(`POST /v1/screen/batch (1,000 parties per request, 2 connections)`);
    console.log(
      `  ${(b.requests.average * 1000).toFixed(0)} parties/s (${b.requests.average.toFixed(2)} req/s); latency p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms; non-2xx ${b.non2xx}`,
    );
  }
  console.log(
    `audit log: ${report.records} records, chain ${report.ok ? 'intact' : `BROKEN: ${JSON.stringify(report.problems.slice(0, 3))}`}, verified in ${(verifyMs / 1000).toFixed(1)} s`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (keepDir === '') rmSync(dir, { recursive: true, force: true });
}
