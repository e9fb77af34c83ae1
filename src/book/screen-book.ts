// `embargo parties screen`: every party by name (against the loaded lists) and by ownership (every rule in force on
// the date, over the book and the lists as one graph); the result of each party is stored, replacing the previous
// run's in one transaction, and a summary is returned: restricted by name, restricted through ownership, needs
// review, clear.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DEFAULT_ALGORITHM, type Match } from '../matching/index.ts';
import type { RuleSet } from '../graph/index.ts';
import type { BookStore, PartyResultRecord } from '../store/index.ts';
import { buildBookGraph } from './graph-build.ts';
import { listedRecord, type ListContext } from './list-context.ts';
import { decisionKey, partyMatches, type DecisionIndex } from './matches.ts';
import { screenNames } from './name-screen.ts';
import { evaluateRules, partyOutcome, type EvaluatedRules } from './outcome.ts';
import { partyQuery } from './party-card.ts';
import type { BookSummary, PartyMatch, PartyOutcome } from './types.ts';

/** Below this many parties, worker threads cost more to start than they save. */
const WORKER_MIN_PARTIES = 20_000;
/** Matches kept per party (grouped across lists). */
export const MATCHES_PER_PARTY = 20;

export interface ScreenBookOptions {
  date: string;
  /** Worker threads for name screening (default: the cores, at most 4, for books of 20,000 parties or more). */
  workers?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  now?: () => Date;
}

export async function decisionIndex(book: BookStore): Promise<DecisionIndex> {
  return new Map((await book.decisions()).map((d) => [decisionKey(d.partyId, d.entityId), d.decision]));
}

/** The book's matches of every party that matched by name. */
export function bookMatches(
  context: ListContext,
  hits: ReadonlyMap<string, Match[]>,
  decisions: DecisionIndex,
  identifiers: ReadonlyMap<string, string[]>,
): Map<string, PartyMatch[]> {
  const out = new Map<string, PartyMatch[]>();
  const options = {
    threshold: DEFAULT_ALGORITHM.threshold,
    decisions,
    record: (id: string) => listedRecord(context, id),
  };
  for (const [partyId, matches] of hits) {
    const pm = partyMatches(partyId, matches, { ...options, identifiers: identifiers.get(partyId) ?? [] });
    if (pm.length > 0) out.set(partyId, pm);
  }
  return out;
}

interface Tally {
  restrictedByName: number;
  restrictedThroughOwnership: number;
  needsReview: number;
  clear: number;
  nameMatches: number;
}

function tally(outcomes: ReadonlyMap<string, PartyOutcome>, parties: number): Tally {
  const t: Tally = {
    restrictedByName: 0,
    restrictedThroughOwnership: 0,
    needsReview: 0,
    clear: parties - outcomes.size,
    nameMatches: 0,
  };
  for (const o of outcomes.values()) {
    if (o.nameStatus === 'restricted') t.restrictedByName++;
    if (o.ownershipStatus === 'restricted') t.restrictedThroughOwnership++;
    if (o.status === 'review') t.needsReview++;
    if (o.status === 'clear') t.clear++;
    if ((o.detail?.matches.length ?? 0) > 0) t.nameMatches++;
  }
  return t;
}

/** The stored results: only parties that are not plainly clear (a party of the run's revision without one is clear). */
function* records(runId: string, outcomes: ReadonlyMap<string, PartyOutcome>): Generator<PartyResultRecord> {
  for (const o of outcomes.values()) {
    yield {
      partyId: o.partyId,
      runId,
      status: o.status,
      nameStatus: o.nameStatus,
      ownershipStatus: o.ownershipStatus,
      detail: o.detail,
    };
  }
}

/** Outcomes of the parties whose result is not a plain clear (the rest are clear with no detail). */
function outcomesOf(
  ids: readonly string[],
  matches: ReadonlyMap<string, PartyMatch[]>,
  ev: EvaluatedRules,
): Map<string, PartyOutcome> {
  const out = new Map<string, PartyOutcome>();
  const flaggedNodes = new Set<number>();
  for (const state of ev.states.values()) state.status.forEach((s, v) => s > 0 && flaggedNodes.add(v));
  const flagged = new Set(matches.keys());
  for (const v of flaggedNodes) {
    const ref = ev.graph.refOf(v);
    if (ref.startsWith('party:')) flagged.add(ref.slice('party:'.length));
  }
  const known = new Set(ids);
  for (const partyId of flagged) {
    if (!known.has(partyId)) continue; // a registry node of a relations file, not a party of the book
    const o = partyOutcome(partyId, matches.get(partyId) ?? [], ev);
    if (o.detail !== null || o.status !== 'clear') out.set(partyId, o);
  }
  return out;
}

/** Screens the whole book and stores the results; returns the summary. */
export async function screenBook(
  book: BookStore,
  context: ListContext,
  rules: RuleSet,
  options: ScreenBookOptions,
): Promise<BookSummary> {
  const t0 = performance.now();
  const revision = await book.revision();
  const total = await book.partyCount();
  const ids: string[] = [];
  const names: string[] = [];
  const identifiers = new Map<string, string[]>();
  async function* queries() {
    for await (const p of book.parties()) {
      ids.push(p.partyId);
      names.push(p.name);
      if (p.identifiers.length > 0) identifiers.set(p.partyId, p.identifiers);
      yield [p.partyId, partyQuery(p)] as [string, ReturnType<typeof partyQuery>];
    }
  }
  const workers = options.workers ?? (total >= WORKER_MIN_PARTIES ? Math.min(4, availableParallelism()) : 0);
  const named = await screenNames(context.indexData(), queries(), {
    threshold: DEFAULT_ALGORITHM.threshold,
    limit: MATCHES_PER_PARTY,
    workers,
    onProgress: (n) => options.onProgress?.('name', n, total),
  });
  const t1 = performance.now();
  const matches = bookMatches(context, named.hits, await decisionIndex(book), identifiers);
  const { graph, relationCount } = await buildBookGraph({
    context,
    relations: book.relations(),
    partyMatches: matches,
    partyNames: ids.map((id, i) => [id, names[i]!] as const),
  });
  const ev = evaluateRules(graph, rules, options.date);
  const outcomes = outcomesOf(ids, matches, ev);
  const t2 = performance.now();
  const runId = randomUUID();
  const counts = tally(outcomes, ids.length);
  const summary: BookSummary = {
    runId,
    date: options.date,
    parties: ids.length,
    relations: relationCount,
    ...counts,
    lists: context.versions,
    algorithm: DEFAULT_ALGORITHM.id,
    rulesInForce: [...ev.states.keys()],
    rulesNotInForce: ev.notInForce.map((r) => ({ ruleId: r.ruleId, reason: r.reason })),
    timings: { nameMs: Math.round(t1 - t0), ownershipMs: Math.round(t2 - t1), storeMs: 0, totalMs: 0 },
  };
  const at = (options.now?.() ?? new Date()).toISOString();
  await book.saveRun(
    {
      runId,
      at,
      date: options.date,
      revision,
      algorithm: DEFAULT_ALGORITHM.id,
      lists: context.versions,
      summary,
    },
    records(runId, outcomes),
  );
  const t3 = performance.now();
  summary.timings.storeMs = Math.round(t3 - t2);
  summary.timings.totalMs = Math.round(t3 - t0);
  return summary;
}
