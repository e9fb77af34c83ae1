// `embargo monitor`: one monitor run (docs/design/monitoring.md). Reads what changed since the cursor — new list
// versions (entities added, changed, removed) and parties changed in the book — screens only what the changes can
// affect, re-evaluates ownership over the whole graph, reconciles the alerts, and commits alerts, their events, the
// webhook outbox and the new cursor in one transaction; then writes every alert step to the audit trail.
import type { AuditChannel } from '../audit/index.ts';
import { type ListContext, loadListContext, PartyIndex } from '../book/index.ts';
import type { RuleSet } from '../graph/index.ts';
import { DEFAULT_ALGORITHM, type MatchIndex } from '../matching/index.ts';
import type { Entity } from '../domain/entity.ts';
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
  lists: {
    list_id: string;
    from: number | null;
    to: number;
    added: number;
    changed: number;
    removed: number;
  }[];
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
  return {
    opened: o.opened.length,
    reopened: o.reopened.length,
    closed: o.closed.length,
    suppressed: o.suppressed,
    refreshed: o.refreshed,
  };
}

function outboxOf(
  outcomes: readonly ReconcileOutput[],
  changes: readonly ListChange[],
  now: Date,
): OutboxEvent[] {
  const out: OutboxEvent[] = [];
  for (const c of changes) {
    // A list new to the monitor announces its current version only, not its whole history.
    const versions = c.from === null ? c.versions.slice(-1) : c.versions;
    let previous = c.from;
    for (const v of versions) {
      out.push(
        listVersionImported(
          {
            listId: v.listId,
            version: v.version,
            previousVersion: previous,
            entityCount: v.entityCount,
            added: v.added,
            changed: v.changed,
            removed: v.removed,
            importedAt: v.importedAt,
          },
          now,
        ),
      );
      previous = v.version;
    }
  }
  for (const o of outcomes) {
    for (const a of o.opened) out.push(alertOpened(a, now));
    for (const r of o.reopened)
      out.push(
        alertOpened(r.alert, now, { changes: r.changes, reason: 'data changed or the finding is back' }),
      );
    for (const a of o.closed)
      out.push(
        alertClosed(
          a,
          now,
          o.events.find((e) => e.alertId === a.alertId && e.action === 'closed')?.reason ?? 'finding gone',
        ),
      );
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
  if ((await deps.book.imports()).some((i) => i.kind === 'relations' && i.revision > cursor.bookRevision))
    return undefined;
  const seeds = new Set<string>();
  for (const c of f.changes)
    for (const e of [...c.added, ...c.removed, ...c.changed.map((x) => x.after)]) seeds.add(`entity:${e.id}`);
  if (f.changes.length > 0) for (const n of claimSeeds(f.context, f.changes)) seeds.add(n);
  for (const p of f.parties) seeds.add(`party:${p.partyId}`);
  for (const p of f.nameMoved) seeds.add(`party:${p}`);
  // Decisions since the last run change which matches count (cleared ones drop out, confirmed ones restrict).
  for (
    let after: string | undefined, page;
    (page = await deps.monitor.listAlerts({
      kind: 'name',
      updatedAfter: cursor.at,
      limit: 1000,
      ...(after === undefined ? {} : { after }),
    })).length > 0;
    after = page.at(-1)!.alertId
  ) {
    for (const a of page) seeds.add(`party:${a.partyId}`);
  }
  return seeds;
}

async function changedParties(
  book: BookStore,
  cursor: MonitorCursor | undefined,
  full: boolean,
): Promise<PartyRecord[]> {
  if (full || cursor === undefined) return [];
  const out: PartyRecord[] = [];
  for await (const p of book.parties({ sinceRevision: cursor.bookRevision })) out.push(p);
  return out;
}

/** What a run found changed, and what it needs to screen it. */
interface RunState {
  now: Date;
  at: string;
  cursor: MonitorCursor | undefined;
  context: ListContext;
  /** The lists' index, when a long-running process builds it in a worker thread. */
  index: Promise<MatchIndex> | undefined;
  entities: Map<string, Entity>;
  changes: ListChange[];
  full: boolean;
  bookRevision: number;
  parties: PartyRecord[];
  partyCount: number;
  threshold: number;
  common: { now: string; actor: string; newId: () => string };
}

async function readState(deps: MonitorDeps, options: MonitorRunOptions): Promise<RunState> {
  const now = options.now?.() ?? new Date();
  const cursor = await readCursor(deps.monitor);
  const loaded = await loadLists(deps, options);
  const context = loaded.context;
  const changes = await listChanges(
    deps.store,
    context.versions,
    context.entities,
    cursor?.lists ?? {},
    loaded.previous,
  );
  const touched = changes.reduce((n, c) => n + c.added.length + c.changed.length, 0);
  const full = options.full === true || cursor === undefined || touched > FULL_RESCREEN_ENTITIES;
  return {
    now,
    at: now.toISOString(),
    cursor,
    context,
    index: loaded.index,
    entities: new Map(context.entities.map((e) => [e.id as string, e])),
    changes,
    full,
    bookRevision: await deps.book.revision(),
    parties: await changedParties(deps.book, cursor, full),
    partyCount: await deps.book.partyCount(),
    threshold: options.threshold ?? DEFAULT_ALGORITHM.threshold,
    common: { now: now.toISOString(), actor: options.actor, newId: () => newAlertId(now) },
  };
}

/** Nothing to screen (an empty book): the run only records the list versions (and announces them). */
function nothing(s: RunState): ReconcileOutput {
  return reconcile({ existing: [], findings: [], ...s.common, closeReason: () => '' });
}

async function runNames(deps: MonitorDeps, options: MonitorRunOptions, s: RunState): Promise<NameOutcome> {
  if (s.partyCount === 0) return { outcome: nothing(s), candidates: 0, screened: 0, errors: [] };
  const reasons = new CloseReasons({
    changes: s.changes,
    changedParties: new Set(s.parties.map((p) => p.partyId)),
    entities: s.entities,
    date: options.date,
    notInForce: [],
  });
  return namePhase({
    ...s.common,
    book: deps.book,
    monitor: deps.monitor,
    screen: {
      context: s.context,
      entities: s.entities,
      threshold: s.threshold,
      confirmed: await confirmedMatches(deps.book),
      ...(s.index === undefined ? {} : { index: s.index }),
    },
    changes: s.changes,
    changedParties: s.parties,
    partyIndex: deps.partyIndex ?? new PartyIndex(),
    full: s.full,
    workers: options.workers ?? (s.full && s.partyCount >= 20_000 ? 4 : 0),
    closeReason: (a) => reasons.name(a),
  });
}

async function runOwnership(
  deps: MonitorDeps,
  options: MonitorRunOptions,
  s: RunState,
  name: NameOutcome,
): Promise<{ outcome: ReconcileOutput; scope: number | 'all' }> {
  if (s.partyCount === 0) return { outcome: nothing(s), scope: 0 };
  const facts = {
    cursor: s.cursor,
    full: s.full,
    date: options.date,
    context: s.context,
    changes: s.changes,
    parties: s.parties,
    nameMoved: name.outcome.factsMoved,
  };
  return ownershipPhase({
    ...s.common,
    context: s.context,
    book: deps.book,
    monitor: deps.monitor,
    rules: deps.rules,
    date: options.date,
    nameAlerts: name.outcome.alerts,
    seeds: options.wholeGraph === true ? undefined : await ownershipSeeds(deps, facts),
    closeReason: (a, notInForce) =>
      new CloseReasons({
        changes: [],
        changedParties: new Set(),
        entities: s.entities,
        date: options.date,
        notInForce,
      }).ownership(a),
  });
}

/** Alerts, events, outbox and cursor in one transaction; then the audit trail. Returns the outbox size. */
async function commitRun(
  deps: MonitorDeps,
  options: MonitorRunOptions,
  s: RunState,
  outcomes: readonly ReconcileOutput[],
): Promise<number> {
  const outbox = outboxOf(outcomes, s.changes, s.now);
  const cursor: MonitorCursor = {
    lists: Object.fromEntries(s.context.versions.map((v) => [v.list_id, v.version])),
    bookRevision: s.bookRevision,
    date: options.date,
    at: s.at,
  };
  const alerts = outcomes.flatMap((o) => o.alerts);
  const events = outcomes.flatMap((o) => o.events);
  await deps.monitor.commit({ alerts, events, outbox, settings: { [CURSOR_SETTING]: cursor } });
  await auditEvents(deps.audit, alerts, events, {
    channel: options.channel,
    algorithm: DEFAULT_ALGORITHM.id,
    threshold: s.threshold,
    lists: s.context.versions,
  });
  return outbox.length;
}

/** Runs the monitor once. */
export async function runMonitor(deps: MonitorDeps, options: MonitorRunOptions): Promise<MonitorReport> {
  const t0 = performance.now();
  const s = await readState(deps, options);
  const t1 = performance.now();
  const name = await runNames(deps, options, s);
  const t2 = performance.now();
  const own = await runOwnership(deps, options, s, name);
  const t3 = performance.now();
  const webhookEvents = await commitRun(deps, options, s, [name.outcome, own.outcome]);
  const t4 = performance.now();
  return {
    mode: s.full ? 'full' : 'delta',
    lists: s.changes.map((c) => ({
      list_id: c.listId,
      from: c.from,
      to: c.to,
      added: c.added.length,
      changed: c.changed.length,
      removed: c.removed.length,
    })),
    book: { from: s.cursor?.bookRevision ?? null, to: s.bookRevision, partiesChanged: s.parties.length },
    candidates: name.candidates,
    partiesScreened: name.screened,
    name: counts(name.outcome),
    ownership: counts(own.outcome),
    ownershipScope: own.scope,
    webhookEvents,
    errors: name.errors,
    timings: {
      loadMs: Math.round(t1 - t0),
      nameMs: Math.round(t2 - t1),
      ownershipMs: Math.round(t3 - t2),
      storeMs: Math.round(t4 - t3),
      totalMs: Math.round(t4 - t0),
    },
  };
}
