// screen-file benchmark (issue 5 item 6): N generated rows (default 1,000,000; a mix of listed names with typing
// slips, reordered tokens and case changes, and names on no list) screened against every bundled government
// list through the real use case (index from the database, worker pool, jurisdictions, audit record). Each run
// is a child process so that its peak RSS (process.resourceUsage().maxRSS: the whole process, worker threads
// included) is its own. Prints time, rows/s and peak RSS for --workers 1 and all cores, and peak RSS at a
// tenth of the rows to show that memory does not follow the input.
// Usage: npm run bench:screen-file [-- --rows 1000000] [--keep DIR]
//   --keep DIR   keep the database and the generated input in DIR and reuse them (skips imports and generation).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../src/app/context.ts';
import { BUNDLED_LISTS } from '../src/app/bundled.ts';
import { screenFileAudited } from '../src/app/batch/screen-file.ts';
import { loadConfig } from '../src/config/config.ts';
import { caption } from '../src/domain/entity.ts';
import { listId } from '../src/domain/ids.ts';
import { importList } from '../src/ingest/import-list.ts';
import { openStore } from '../src/store/index.ts';

const SELF = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

interface ChildResult {
  rows: number;
  matches: number;
  potentialMatches: number;
  indexSeconds: number;
  screenSeconds: number;
  maxRssMb: number;
}

/** One run in this process: the CLI's use case end to end. */
async function child(): Promise<void> {
  const db = arg('db', '');
  const started = performance.now();
  let indexed = started;
  const app = await openApp(loadConfig({}, { db }));
  try {
    const report = await screenFileAudited(
      app,
      { actor: 'local:bench', channel: 'cli' },
      {
        input: arg('input', ''),
        output: arg('out', ''),
        workers: Number(arg('workers', '1')),
        onIndexed: () => (indexed = performance.now()),
      },
    );
    const result: ChildResult = {
      rows: report.summary.rows,
      matches: report.summary.matches,
      potentialMatches: report.summary.potential_matches,
      indexSeconds: (indexed - started) / 1000,
      screenSeconds: (performance.now() - indexed) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
  }
}

async function prepareDb(location: string): Promise<string[]> {
  const store = await openStore(location);
  try {
    if ((await store.currentVersions()).length === 0) {
      for (const l of BUNDLED_LISTS) await importList(store, l.path, { listId: listId(l.listId) });
    }
    const names: string[] = [];
    for await (const e of store.currentEntities())
      if (e.status === 'current' && e.names.length > 0) names.push(caption(e));
    return names;
  } finally {
    await store.close();
  }
}

/** A listed name with a typing slip, its tokens reordered, or its case changed (the evaluation's distortions). */
function distort(name: string, i: number): string {
  switch (i % 4) {
    case 0:
      return name;
    case 1: {
      const at = 1 + (i % Math.max(1, name.length - 2));
      return name.slice(0, at) + name.slice(at + 1);
    }
    case 2:
      return name.split(/\s+/).reverse().join(' ');
    default:
      return name.toLowerCase();
  }
}

const FIRST = [
  'Maria',
  'John',
  'Wei',
  'Olga',
  'Ahmed',
  'Priya',
  'Lukas',
  'Sofia',
  'Kenji',
  'Amara',
  'Diego',
  'Elena',
];
const LAST = [
  'Fernandez',
  'Smith',
  'Zhang',
  'Ivanova',
  'Haddad',
  'Sharma',
  'Becker',
  'Rossi',
  'Tanaka',
  'Okafor',
];
const ORG = [
  'Nordwind',
  'Blue Harbor',
  'Atlas',
  'Sakura',
  'Alpine',
  'Meridian',
  'Cedar',
  'Harbourview',
  'Polar',
];
const KIND = [
  'Logistik GmbH',
  'Trading LLC',
  'Machine Tools Ltd',
  'Precision Parts KK',
  'Foods S.A.',
  'Textiles Co.',
];
const COUNTRIES = ['de', 'us', 'fr', 'cn', 'in', 'br', 'jp', 'gb', 'ir', ''];

/** Writes the input: one row in five a listed name (distorted), the rest names on no list. */
async function generate(path: string, rows: number, names: readonly string[]): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('reference,name,schema,country\n');
  for (let i = 0; i < rows; i++) {
    let name: string;
    let schema = '';
    if (i % 5 === 0) name = distort(names[(i * 7919) % names.length]!, i / 5);
    else if (i % 2 === 0) {
      name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]} ${i % 97}`;
      schema = 'Person';
    } else {
      name = `${ORG[i % ORG.length]} ${KIND[(i >> 2) % KIND.length]} ${i % 89}`;
      schema = 'Company';
    }
    await write(`r${i},"${name.replaceAll('"', '""')}",${schema},${COUNTRIES[i % COUNTRIES.length]}\n`);
  }
  out.end();
  await once(out, 'finish');
}

function run(db: string, input: string, out: string, workers: number): ChildResult {
  const r = spawnSync(
    process.execPath,
    [SELF, '--child', '--db', db, '--input', input, '--out', out, '--workers', String(workers)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`run with ${workers} worker(s) failed (exit ${r.status})`);
  rmSync(out, { force: true });
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function main(): Promise<void> {
  const rows = Number(arg('rows', '1000000'));
  const keep = arg('keep', '');
  const dir = keep === '' ? mkdtempSync(join(tmpdir(), 'embargo-bench-sf-')) : keep;
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'embargo.db');
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `machine: ${cpus().length} cores (availableParallelism ${availableParallelism()}), load average ${load()}`,
  );
  try {
    let t = performance.now();
    const names = await prepareDb(db);
    console.log(
      `lists: ${BUNDLED_LISTS.length} bundled lists, ${names.length} listed parties (${((performance.now() - t) / 1000).toFixed(1)} s to load)`,
    );
    const inputs = new Map<number, string>();
    for (const n of [rows, Math.max(1, Math.round(rows / 10))]) {
      const path = join(dir, `input-${n}.csv`);
      t = performance.now();
      if (!existsSync(path)) await generate(path, n, names);
      inputs.set(n, path);
      console.log(
        `input: ${n.toLocaleString('en-US')} rows, ${(statSync(path).size / 1e6).toFixed(1)} MB (${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
    }
    const all = availableParallelism();
    const plan = [
      { rows, workers: 1 },
      { rows, workers: all },
      { rows: Math.max(1, Math.round(rows / 10)), workers: all },
    ];
    console.log(
      '\n| rows | workers | index build s | screening s | rows/s | peak RSS MB | rows with a potential match | matches |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const p of plan) {
      const r = run(db, inputs.get(p.rows)!, join(dir, 'out.jsonl'), p.workers);
      console.log(
        `| ${r.rows.toLocaleString('en-US')} | ${p.workers} | ${r.indexSeconds.toFixed(1)} | ${r.screenSeconds.toFixed(1)} | ${Math.round(r.rows / r.screenSeconds).toLocaleString('en-US')} | ${Math.round(r.maxRssMb)} | ${r.potentialMatches.toLocaleString('en-US')} | ${r.matches.toLocaleString('en-US')} |`,
      );
    }
    console.log(`\nload average after: ${load()}`);
  } finally {
    if (keep === '') rmSync(dir, { recursive: true, force: true });
  }
}

await (process.argv.includes('--child') ? child() : main());
