// `embargo monitor`: one monitor run (docs/design/monitoring.md). Reads what changed since the cursor — new list
// versions (entities added, changed, removed) and parties changed in the book — screens only what the changes can
// affect, re-evaluates ownership over the whole graph, reconciles the alerts, and commits alerts, their events, the
// webhook outbox and the new cursor in one transaction; then writes every alert step to the audit trail.
import type { AuditChannel } from '../audit/index.ts';
import { loadListContext, type ListContext } from '../book/list-context.ts';
import { PartyIndex } from '../book/party-index.ts';
import type { RuleSet } from '../graph/index.ts';
import { DEFAULT_ALGORITHM } from '../matching/index.ts';
import type { AuditStore, BookStore, MonitorStore, OutboxEvent, PartyRecord, Store } from '../store/index.ts';
import { auditEvents } from './audit.ts';
import { CloseReasons } from './close-reasons.ts';
import { CURSOR_SETTING, readCursor, type MonitorCursor } from './cursor.ts';
import { newAlertId } from './ids.ts';
import type { ListCache, LoadedLists } from './list-cache.ts';
import { listChanges, type ListChange } from './list-changes.ts';
import { confirmedMatches, namePhase, type NamePhaseResult as NameOutcome } from './name-phase.ts';
import { ownershipPhase } from './ownership-phase.ts';
import { claimSeeds } from './ownership-scope.ts';
import { reconcile, type ReconcileOutput } from './reconcile.ts';
import { alertClosed, alertOpened, listVersionImported } from './webhooks/events.ts';

export interface MonitorDeps {
  store: Store;
  book: BookStore;
  monitor: MonitorStore;
  audit: AuditStore;
  rules: RuleSet;
  /** The reverse index of the book, kept by a long-running process; built for the run when absent. */
  partyIndex?: PartyIndex;
  /** The lists, kept by a long-running process (reloaded per list as versions change); read for the run when absent. */
  lists?: ListCache;
}

export interface MonitorRunOptions {
  /** Screening date: the rules in force that day. */
  date: string;
  /** Recorded on every alert event and audit record: `local:<user>`, `key:<name>`, `system:scheduler`. */
  actor: string;
  channel: AuditChannel;
  /** Re-screen the whole book instead of the changes (the first run always does). */
  full?: boolean;
  /** Evaluate ownership over the whole graph even on a delta (a check of the delta; --full implies it). */
  wholeGraph?: boolean;
  threshold?: number;
  /** Worker threads for a full run (default: 4 for books of 20,000 parties or more). */
  workers?: number;
  now?: () => Date;
  /** The lists as already loaded (a server keeps them); loaded from the store when absent. */
  context?: ListContext;
}

export interface PhaseCounts {
  opened: number;
  reopened: number;
  closed: number;
  suppressed: number;
  refreshed: number;
}

export interface MonitorReport {
  mode: 'full' | 'delta';
  lists: { list_id: string; from: number | null; to: number; added: number; changed: number; removed: number }[];
  book: { from: number | null; to: number; partiesChanged: number };
  /** Parties the reverse index proposed for the changed entities. */
  candidates: number;
  partiesScreened: number;
  name: PhaseCounts;
  ownership: PhaseCounts;
  /** Parties whose ownership was evaluated: those a change can move (delta), or 'all' (whole graph). */
  ownershipScope: number | 'all';
  /** Webhook events put in the outbox. */
  webhookEvents: number;
  errors: { partyId: string; message: string }[];
  timings: { loadMs: number; nameMs: number; ownershipMs: number; storeMs: number; totalMs: number };
}

/** Above this many added or changed entities a full re-screen is cheaper than one reverse lookup per entity. */
export const FULL_RESCREEN_ENTITIES = 5000;

function counts(o: ReconcileOutput): PhaseCounts {
  return { opened: o.opened.length, reopened: o.reopened.length, closed: o.closed.length, suppressed: o.suppressed, refreshed: o.refreshed };
}

function outboxOf(outcomes: readonly ReconcileOutput[], changes: readonly ListChange[], now: Date): OutboxEvent[] {
  const out: OutboxEvent[] = [];
  for (const c of changes) {
    // A list new to the monitor announces its current version only, not its whole history.
    const versions = c.from === null ? c.versions.slice(-1) : c.versions;
    let previous = c.from;
    for (const v of versions) {
      out.push(listVersionImported({ listId: v.listId, version: v.version, previousVersion: previous, entityCount: v.entityCount, added: v.added, changed: v.changed, removed: v.removed, importedAt: v.importedAt }, now));
      previous = v.version;
    }
  }
  for (const o of outcomes) {
    for (const a of o.opened) out.push(alertOpened(a, now));
    for (const r of o.reopened) out.push(alertOpened(r.alert, now, { changes: r.changes, reason: 'data changed or the finding is back' }));
    for (const a of o.closed) out.push(alertClosed(a, now, o.events.find((e) => e.alertId === a.alertId && e.action === 'closed')?.reason ?? 'finding gone'));
  }
  return out;
}

async function loadLists(deps: MonitorDeps, options: MonitorRunOptions): Promise<LoadedLists> {
  if (options.context !== undefined) return { context: options.context, previous: new Map() };
  if (deps.lists !== undefined) return deps.lists.load(deps.store);
  return { context: await loadListContext(deps.store), previous: new Map() };
}

interface SeedFacts {
  cursor: MonitorCursor | undefined;
  full: boolean;
  date: string;
  context: ListContext;
  changes: readonly ListChange[];
  parties: readonly PartyRecord[];
  /** Parties whose name findings moved in what the graph uses (reconcile.ts `factsMoved`). */
  nameMoved: ReadonlySet<string>;
}

/**
 * The nodes whose own facts changed since the cursor (ownership-scope.ts), or undefined when the whole graph must be
 * evaluated: first run, --full, another screening date, or relations imported since.
 */
async function ownershipSeeds(deps: MonitorDeps, f: SeedFacts): Promise<Set<string> | undefined> {
  const cursor = f.cursor;
  if (f.full || cursor === undefined || cursor.date !== f.date) return undefined;
  if ((await deps.book.imports()).some((i) => i.kind === 'relations' && i.revision > cursor.bookRevision)) return undefined;
  const seeds = new Set<string>();
  for (const c of f.changes) for (const e of [...c.added, ...c.removed, ...c.changed.map((x) => x.after)]) seeds.add(`entity:${e.id}`);
  if (f.changes.length > 0) for (const n of claimSeeds(f.context, f.changes)) seeds.add(n);
  for (const p of f.parties) seeds.add(`party:${p.partyId}`);
  for (const p of f.nameMoved) seeds.add(`party:${p}`);
  // Decisions since the last run change which matches count (cleared ones drop out, confirmed ones restrict).
  for (let after: string | undefined, page; (page = await deps.monitor.listAlerts({ kind: 'name', updatedAfter: cursor.at, limit: 1000, ...(after === undefined ? {} : { after }) })).length > 0; after = page.at(-1)!.alertId) {
    for (const a of page) seeds.add(`party:${a.partyId}`);
  }
  return seeds;
}

async function changedParties(book: BookStore, cursor: MonitorCursor | undefined, full: boolean): Promise<PartyRecord[]> {
  if (full || cursor === undefined) return [];
  const out: PartyRecord[] = [];
  for await (const p of book.parties({ sinceRevision: cursor.bookRevision })) out.push(p);
  return out;
}

/** Runs the monitor once. */
export async function runMonitor(deps: MonitorDeps, options: MonitorRunOptions): Promise<MonitorReport> {
  const t0 = performance.now();
  const now = options.now?.() ?? new Date();
  const at = now.toISOString();
  const cursor = await readCursor(deps.monitor);
  const loaded = await loadLists(deps, options);
  const context = loaded.context;
  const entities = new Map(context.entities.map((e) => [e.id as string, e]));
  const changes = await listChanges(deps.store, context.versions, context.entities, cursor?.lists ?? {}, loaded.previous);
  const touched = changes.reduce((n, c) => n + c.added.length + c.changed.length, 0);
  const full = options.full === true || cursor === undefined || touched > FULL_RESCREEN_ENTITIES;
  const bookRevision = await deps.book.revision();
  const parties = await changedParties(deps.book, cursor, full);
  const reasons = new CloseReasons({ changes, changedParties: new Set(parties.map((p) => p.partyId)), entities, date: options.date, notInForce: [] });
  const threshold = options.threshold ?? DEFAULT_ALGORITHM.threshold;
  const common = { now: at, actor: options.actor, newId: () => newAlertId(now) };
  const t1 = performance.now();
  const partyCount = await deps.book.partyCount();
  // An empty book has nothing to screen: the run only records the list versions (and announces them).
  const name: NameOutcome =
    partyCount === 0
      ? { outcome: reconcile({ existing: [], findings: [], ...common, closeReason: () => '' }), candidates: 0, screened: 0, errors: [] }
      : await namePhase({
          ...common,
          book: deps.book,
          monitor: deps.monitor,
          screen: { context, entities, threshold, confirmed: await confirmedMatches(deps.book) },
          changes,
          changedParties: parties,
          partyIndex: deps.partyIndex ?? new PartyIndex(),
          full,
          workers: options.workers ?? (full && partyCount >= 20_000 ? 4 : 0),
          closeReason: (a) => reasons.name(a),
        });
  const t2 = performance.now();
  const own: { outcome: ReconcileOutput; scope: number | 'all' } =
    partyCount === 0
      ? { outcome: reconcile({ existing: [], findings: [], ...common, closeReason: () => '' }), scope: 0 }
      : await ownershipPhase({
          ...common,
          context,
          book: deps.book,
          monitor: deps.monitor,
          rules: deps.rules,
          date: options.date,
          nameAlerts: name.outcome.alerts,
          seeds: options.wholeGraph === true ? undefined : await ownershipSeeds(deps, { cursor, full, date: options.date, context, changes, parties, nameMoved: name.outcome.factsMoved }),
          closeReason: (a, notInForce) => new CloseReasons({ changes: [], changedParties: new Set(), entities, date: options.date, notInForce }).ownership(a),
        });
  const t3 = performance.now();
  const outcomes = [name.outcome, own.outcome];
  const outbox = outboxOf(outcomes, changes, now);
  const newCursor: MonitorCursor = { lists: Object.fromEntries(context.versions.map((v) => [v.list_id, v.version])), bookRevision, date: options.date, at };
  const alerts = outcomes.flatMap((o) => o.alerts);
  const events = outcomes.flatMap((o) => o.events);
  await deps.monitor.commit({ alerts, events, outbox, settings: { [CURSOR_SETTING]: newCursor } });
  await auditEvents(deps.audit, alerts, events, { channel: options.channel, algorithm: DEFAULT_ALGORITHM.id, threshold, lists: context.versions });
  const t4 = performance.now();
  return {
    mode: full ? 'full' : 'delta',
    lists: changes.map((c) => ({ list_id: c.listId, from: c.from, to: c.to, added: c.added.length, changed: c.changed.length, removed: c.removed.length })),
    book: { from: cursor?.bookRevision ?? null, to: bookRevision, partiesChanged: parties.length },
    candidates: name.candidates,
    partiesScreened: name.screened,
    name: counts(name.outcome),
    ownership: counts(own.outcome),
    ownershipScope: own.scope,
    webhookEvents: outbox.length,
    errors: name.errors,
    timings: { loadMs: Math.round(t1 - t0), nameMs: Math.round(t2 - t1), ownershipMs: Math.round(t3 - t2), storeMs: Math.round(t4 - t3), totalMs: Math.round(t4 - t0) },
  };
}
