// npm run bench:monitor [parties] [relations]: continuous monitoring at scale (issue 8 item 6). Loads every bundled
// list into a fresh SQLite database, generates a realistic synthetic book (default 1,000,000 parties and 1,000,000
// relations, src/book/synthetic) with parties planted on 300 OFAC SDN entities, and runs the first (full) monitor
// run. Then a new version of the SDN list is imported — 100 entities added, 100 changed (a program added: a material
// change) and 100 removed — and the delta run is timed from the end of that import to the alerts stored (committed
// with their events, webhook outbox and cursor, and written to the audit trail). Target: ≤ 10 s.
// The monitor is run as a long-running server runs it: the reverse index of the book and the lists are kept between
// runs.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_LISTS } from '../src/app/bundled.ts';
import { PartyIndex } from '../src/book/index.ts';
import { syntheticBook } from '../src/book/synthetic/book.ts';
import type { Entity } from '../src/domain/entity.ts';
import { listId } from '../src/domain/ids.ts';
import { loadRuleSet } from '../src/graph/index.ts';
import { importList } from '../src/ingest/import-list.ts';
import { ListCache, runMonitor, type MonitorDeps, type MonitorReport } from '../src/monitor/index.ts';
import {
  openAuditStore,
  openBookStore,
  openMonitorStore,
  openStore,
  type Store,
} from '../src/store/index.ts';

const PARTIES = Number(process.argv[2] ?? 1_000_000);
const RELATIONS = Number(process.argv[3] ?? 1_000_000);
const DATE = '2025-10-15';
const SDN = BUNDLED_LISTS.find((l) => l.listId === 'us_ofac_sdn')!.path;
const CHANGE = 100;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const peakMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  console.log(
    `${label.padEnd(60)} ${seconds(performance.now() - t0).padStart(9)}   (peak RSS ${peakMiB()} MiB)`,
  );
  return out;
}

/** ent_nums of the SDN's entity records (type `-0- `), in file order. */
function entityNums(): string[] {
  return readFileSync(join(SDN, 'sdn.csv'), 'latin1')
    .split('\r\n')
    .filter((l) => /^\d+,"(?:[^"]|"")*",-0- ,/.test(l))
    .map((l) => l.slice(0, l.indexOf(',')));
}

/** A copy of the SDN set without `drop` and with SDGT added to the programs of `change`. */
function sdnVersion(drop: ReadonlySet<string>, change: ReadonlySet<string>): string {
  const out = mkdtempSync(join(tmpdir(), 'embargo-bench-sdn-'));
  for (const name of readdirSync(SDN)) {
    const text = readFileSync(join(SDN, name), 'latin1');
    const lines = text.split('\r\n').filter((l) => !drop.has(l.slice(0, l.indexOf(','))));
    const edited =
      name !== 'sdn.csv'
        ? lines
        : lines.map((l) =>
            change.has(l.slice(0, l.indexOf(',')))
              ? l.replace(/^(\d+,"(?:[^"]|"")*",[^,]*,")([^"]*)"/, '$1$2] [SDGT"')
              : l,
          );
    writeFileSync(join(out, name), edited.join('\r\n'), 'latin1');
  }
  return out;
}

async function sdnEntities(store: Store, nums: ReadonlySet<string>): Promise<Entity[]> {
  const out: Entity[] = [];
  for await (const e of store.currentEntities([listId('us_ofac_sdn')])) if (nums.has(e.sourceId)) out.push(e);
  return out;
}

function printReport(r: MonitorReport): void {
  console.log(
    `  mode ${r.mode}; lists ${r.lists.map((l) => `${l.list_id} v${l.from}→v${l.to} (+${l.added} ~${l.changed} −${l.removed})`).join(', ')}`,
  );
  console.log(`  reverse-index candidates ${r.candidates}, parties screened ${r.partiesScreened}`);
  console.log(
    `  name: ${JSON.stringify(r.name)}; ownership: ${JSON.stringify(r.ownership)}; webhook events ${r.webhookEvents}`,
  );
  console.log(`  timings: ${JSON.stringify(r.timings)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-monitor-'));
const db = join(dir, 'embargo.db');
try {
  console.log(
    `bench:monitor — ${PARTIES.toLocaleString()} parties, ${RELATIONS.toLocaleString()} relations, date ${DATE}, database ${db}`,
  );
  const store = await openStore(db);
  await timed('import the bundled lists', async () => {
    for (const l of BUNDLED_LISTS) await importList(store, l.path, { listId: listId(l.listId), today: DATE });
  });
  // 300 SDN entities spread over the file: the first third will be added, the second changed, the last removed.
  const nums = entityNums();
  const chosen = Array.from(
    { length: 3 * CHANGE },
    (_, i) => nums[Math.floor((i * nums.length) / (3 * CHANGE))]!,
  );
  const [added, changed, removed] = [
    new Set(chosen.slice(0, CHANGE)),
    new Set(chosen.slice(CHANGE, 2 * CHANGE)),
    new Set(chosen.slice(2 * CHANGE)),
  ];
  const listed = await sdnEntities(store, new Set(chosen));
  await timed('import SDN v2 without the 100 to be added', () =>
    importList(store, sdnVersion(added, new Set()), { listId: listId('us_ofac_sdn'), today: DATE }),
  );
  const book = await openBookStore(db);
  const s = await timed('generate the synthetic book', () =>
    syntheticBook({
      parties: PARTIES,
      relations: RELATIONS,
      listed,
      plantedNames: listed.length,
      futureListings: 0,
    }),
  );
  console.log(
    `  planted: ${s.planted.filter((p) => p.kind === 'name').length} name hits on the 300 entities, ${s.planted.filter((p) => p.kind === 'subsidiary').length} subsidiaries`,
  );
  const meta = (kind: 'parties' | 'relations', rows: number) => ({
    kind,
    at: new Date().toISOString(),
    sourcePath: 'synthetic',
    format: 'synthetic',
    rowsRead: rows,
    warnings: [],
  });
  await timed(`bulk-load ${s.parties.length.toLocaleString()} parties`, () =>
    book.upsertParties(s.parties, meta('parties', s.parties.length)),
  );
  await timed(`bulk-load ${s.relations.length.toLocaleString()} relations`, () =>
    book.upsertRelations(s.relations, meta('relations', s.relations.length)),
  );
  const deps: MonitorDeps = {
    store,
    book,
    monitor: await openMonitorStore(db),
    audit: await openAuditStore(db),
    rules: loadRuleSet(),
    partyIndex: new PartyIndex(),
    lists: new ListCache(),
  };
  const run = { date: DATE, actor: 'local:bench', channel: 'cli' as const };
  printReport(await timed('FIRST MONITOR RUN (whole book)', () => runMonitor(deps, run)));
  await timed('build the reverse index of the book (kept by the server)', () =>
    deps.partyIndex!.rebuild(book),
  );
  const v3 = sdnVersion(removed, changed);
  const imported = await timed('import SDN v3 (+100 ~100 −100)', () =>
    importList(store, v3, { listId: listId('us_ofac_sdn'), today: DATE }),
  );
  console.log(
    `  ${imported.listId} v${imported.version}: +${imported.added} ~${imported.changed} −${imported.removed}`,
  );
  const t0 = performance.now();
  const report = await runMonitor(deps, run);
  const ms = performance.now() - t0;
  console.log(
    `${'IMPORT FINISHED → ALERTS STORED (delta monitor run)'.padEnd(60)} ${seconds(ms).padStart(9)}   (peak RSS ${peakMiB()} MiB)   target ≤ 10 s: ${ms <= 10_000 ? 'met' : 'MISSED'}`,
  );
  printReport(report);
  // The delta must be what the whole graph gives: evaluating it all now must change no ownership alert.
  const check = await timed('check: ownership over the whole graph (nothing may change)', () =>
    runMonitor(deps, { ...run, wholeGraph: true }),
  );
  console.log(`  ownership: ${JSON.stringify(check.ownership)}`);
  await Promise.all([
    deps.monitor.close(),
    deps.audit.close(),
    book.close(),
    store.close(),
    deps.lists!.close(),
  ]);
  console.log(`peak memory (RSS) ${peakMiB()} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
