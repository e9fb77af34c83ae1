// npm run bench:book [parties] [relations]: the counterparty book at scale (issue 7 item 6). Loads every bundled
// list into a fresh SQLite database, generates a realistic synthetic book (default 1,000,000 parties and 1,000,000
// relations, several scripts, an ownership forest with chains and joint ventures, planted hits), bulk-loads it,
// screens the whole book by name and ownership, then runs what-ifs through the reverse index. Prints the full
// screening time, the what-if times, how many parties each what-if re-scored, recall on the planted hits and peak
// memory. Targets: full screening ≤ 5 min on a 2-core machine; what-if ≤ 10 s; planted-hit recall 100 %.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_LISTS } from '../src/app/bundled.ts';
import {
  BookService,
  loadListContext,
  simulation,
  type PartyDetail,
  type WhatIfReport,
} from '../src/book/index.ts';
import { syntheticBook, type Planted, type SyntheticBook } from '../src/book/synthetic/book.ts';
import { listId } from '../src/domain/ids.ts';
import type { Entity } from '../src/domain/entity.ts';
import { loadRuleSet, restrictingListings, ruleOn, listingFactOf } from '../src/graph/index.ts';
import { screeningDay } from '../src/graph/dates.ts';
import { importList } from '../src/ingest/import-list.ts';
import { openBookStore, openStore, type BookStore } from '../src/store/index.ts';

const PARTIES = Number(process.argv[2] ?? 1_000_000);
const RELATIONS = Number(process.argv[3] ?? 1_000_000);
/** A date on which every rule is in force (the BIS Affiliates rule was in force 29 Sep – 9 Nov 2025). */
const DATE = '2025-10-15';
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const peakMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  console.log(
    `${label.padEnd(52)} ${seconds(performance.now() - t0).padStart(9)}   (peak RSS ${peakMiB()} MiB)`,
  );
  return out;
}

/** Listed entities a planted party can stand for: current companies or persons that restrict owned parties on DATE. */
function plantable(entities: readonly Entity[]): Entity[] {
  const rules = loadRuleSet().rules.filter((r) => ruleOn(r, DATE).inForce);
  const day = screeningDay(DATE);
  return entities.filter((e) => {
    if (
      e.status !== 'current' ||
      !['Company', 'Organization', 'LegalEntity', 'Person'].includes(e.schema) ||
      e.names.length === 0
    )
      return false;
    const fact = listingFactOf(e);
    return fact !== undefined && rules.some((r) => restrictingListings(r, [fact], day).length > 0);
  });
}

async function bulkLoad(book: BookStore, s: SyntheticBook): Promise<void> {
  const meta = (kind: 'parties' | 'relations', rows: number) => ({
    kind,
    at: new Date().toISOString(),
    sourcePath: 'synthetic',
    format: 'synthetic',
    rowsRead: rows,
    warnings: [],
  });
  await timed(`bulk-load ${s.parties.length.toLocaleString()} parties (one transaction)`, () =>
    book.upsertParties(s.parties, meta('parties', s.parties.length)),
  );
  await timed(`bulk-load ${s.relations.length.toLocaleString()} relations (one transaction)`, () =>
    book.upsertRelations(s.relations, meta('relations', s.relations.length)),
  );
}

async function recall(
  book: BookStore,
  planted: readonly Planted[],
  kinds: readonly Planted['kind'][],
): Promise<{ found: number; total: number; missed: string[] }> {
  const out = { found: 0, total: 0, missed: [] as string[] };
  for (const p of planted.filter((x) => kinds.includes(x.kind))) {
    out.total++;
    const r = await book.result(p.partyId);
    const detail = r?.detail as PartyDetail | null | undefined;
    const ok =
      p.kind === 'name'
        ? (detail?.matches ?? []).some((m) => m.entityId === p.entityId)
        : r !== undefined && r.status !== 'clear';
    if (ok) out.found++;
    else if (out.missed.length < 10)
      out.missed.push(`${p.partyId} ${p.kind} ${p.variant ?? ''} ${p.entityId ?? ''}`);
  }
  return out;
}

function whatIfRecall(
  report: WhatIfReport,
  planted: readonly Planted[],
  future: number,
): { found: number; total: number } {
  const changed = new Set(report.changes.map((c) => c.partyId));
  const expected = planted.filter((p) => p.future === future);
  return { found: expected.filter((p) => changed.has(p.partyId)).length, total: expected.length };
}

function printRecall(label: string, r: { found: number; total: number; missed?: string[] }): void {
  console.log(
    `recall ${label.padEnd(45)} ${r.found}/${r.total} (${((100 * r.found) / Math.max(1, r.total)).toFixed(1)} %)`,
  );
  for (const m of r.missed ?? []) console.log(`   missed ${m}`);
}

const dir = mkdtempSync(join(tmpdir(), 'embargo-bench-book-'));
const db = join(dir, 'embargo.db');
try {
  console.log(
    `bench:book — ${PARTIES.toLocaleString()} parties, ${RELATIONS.toLocaleString()} relations, date ${DATE}, database ${db}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const store = await openStore(db);
  await timed('import the bundled lists', async () => {
    for (const l of BUNDLED_LISTS) await importList(store, l.path, { listId: listId(l.listId), today: DATE });
  });
  const book = await openBookStore(db);
  const context = await timed('load the lists (entities, facts, list relations)', () =>
    loadListContext(store),
  );
  const s = await timed('generate the synthetic book', () =>
    syntheticBook({ parties: PARTIES, relations: RELATIONS, listed: plantable(context.entities) }),
  );
  console.log(
    `  planted: ${s.planted.filter((p) => p.kind === 'name').length} name hits, ${s.planted.filter((p) => p.kind === 'subsidiary').length} subsidiaries, ${s.planted.filter((p) => p.kind.startsWith('whatif')).length} what-if parties`,
  );
  await bulkLoad(book, s);
  // A real run holds no book in memory: drop the generated objects (keep a sample of names for the last what-if).
  const sample = s.parties
    .filter((p) => p.schema === 'Company' && /^[A-Z][a-z]+ [A-Z][a-z]+ [A-Za-z]+ /.test(p.name))
    .slice(-1000);
  s.parties.length = 0;
  s.relations.length = 0;
  const service = new BookService({ store, book, rules: loadRuleSet() });
  const summary = await timed('FULL BOOK SCREENING (name + ownership + store)', () =>
    service.screen({ date: DATE }),
  );
  console.log(
    `  names ${seconds(summary.timings.nameMs)} (${Math.round(summary.parties / (summary.timings.nameMs / 1000))} parties/s), ownership ${seconds(summary.timings.ownershipMs)}, store ${seconds(summary.timings.storeMs)}; load average now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `  restricted by name ${summary.restrictedByName}, through ownership ${summary.restrictedThroughOwnership}, needs review ${summary.needsReview}, clear ${summary.clear}`,
  );
  printRecall('planted name hits (matched to their entity)', await recall(book, s.planted, ['name']));
  printRecall('planted subsidiaries (flagged)', await recall(book, s.planted, ['subsidiary']));
  await timed('build the reverse index of the book (and store it)', () => service.partyIndex());
  for (let f = 0; f < s.future.length; f++) {
    const report = await timed(`WHAT-IF: list "${s.future[f]!.name}" on us_ofac_sdn`, () =>
      service.whatIf(simulation([s.future[f]!]), DATE),
    );
    console.log(
      `  re-scored ${report.rescored} parties; ${report.summary.changed} changed (name ${report.timings.nameMs} ms, ownership ${report.timings.ownershipMs} ms)`,
    );
    printRecall(`what-if ${f + 1} planted parties (flagged)`, whatIfRecall(report, s.planted, f));
  }
  // A listed name that many parties resemble: a generated company name (place or coined word + industry + form).
  const common = sample[sample.length - 1]!;
  const report = await timed(`WHAT-IF: list the name of party ${common.partyId} "${common.name}"`, () =>
    service.whatIf(simulation([{ name: common.name, list: 'us_ofac_sdn' }]), DATE),
  );
  console.log(
    `  re-scored ${report.rescored} parties; ${report.summary.changed} changed (name ${report.timings.nameMs} ms, ownership ${report.timings.ownershipMs} ms)`,
  );
  const file = join(dir, 'future.jsonl');
  writeFileSync(file, `${JSON.stringify(s.future[0])}\n`);
  await book.close();
  await store.close();
  const cli = await timed('WHAT-IF through the CLI (new process: loads lists and the stored index)', () =>
    spawnSync(process.execPath, [MAIN, '--db', db, 'what-if', '--add-file', file, '--date', DATE, '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }),
  );
  if (cli.status !== 1) console.log(`  the CLI exited ${cli.status}: ${cli.stderr.slice(0, 500)}`);
  else console.log(`  ${(JSON.parse(cli.stdout) as WhatIfReport).summary.changed} parties changed`);
  console.log(`peak memory (RSS) ${peakMiB()} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
