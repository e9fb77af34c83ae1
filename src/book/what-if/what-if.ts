// What if these entities were listed tomorrow? (issue 7 item 5.) Nothing is written. The simulated entities are
// looked up in the book's reverse index and only the candidates are re-screened by name; the ownership side
// continues today's fixed point from the new listings (`addSeeds`: a new restricted owner can only add holdings),
// touching only what the new listings reach. The report lists the parties whose status rises — by name or through
// ownership — against today's result, each with its new matches and the findings and paths of the rules that
// changed.
import {
  addSeeds,
  entityNode,
  partyNode,
  restrictingListings,
  type Certainty,
  type ListingFact,
  type RuleFinding,
  type RuleSet,
} from '../../graph/index.ts';
import type { EntityId } from '../../domain/ids.ts';
import type { BookStore, PartyStatus } from '../../store/index.ts';
import type { Baseline } from '../baseline.ts';
import type { ListContext } from '../list-context.ts';
import { evaluateRules, type EvaluatedRules } from '../outcome.ts';
import type { PartyIndex } from '../party-index.ts';
import { subgraphOf, subgraphParts } from '../subgraph.ts';
import type { PartyMatch } from '../types.ts';
import { partyStatuses, risen, snapshot, type PartyStatuses, type StatusSnapshot } from './changes.ts';
import { reportWithListings } from './explain.ts';
import { rescore } from './rescore.ts';
import type { Simulation } from './simulated.ts';

/** Parties whose findings (with paths) are computed; further changes are listed with their statuses only. */
export const MAX_EXPLAINED = 500;

export interface WhatIfDeps {
  book: BookStore;
  context: ListContext;
  rules: RuleSet;
  index: PartyIndex;
  baseline: Baseline;
}

export interface PartyChange {
  partyId: string;
  name?: string;
  before: PartyStatuses;
  after: PartyStatuses;
  newMatches: PartyMatch[];
  rulesChanged: { ruleId: string; before: PartyStatus; after: PartyStatus }[];
  /** After the simulated listings, for the rules that changed (absent beyond MAX_EXPLAINED parties). */
  findings?: RuleFinding[];
}

export interface WhatIfReport {
  date: string;
  simulated: { entityId: string; name: string; listId: string; subList?: string; programs: string[] }[];
  baseline: { runId: string; at: string; date: string } | null;
  /** Parties the reverse index proposed and that were re-scored by name (the rest of the book was not). */
  rescored: number;
  changes: PartyChange[];
  summary: {
    changed: number;
    newlyRestrictedByName: number;
    newlyRestrictedThroughOwnership: number;
    newlyNeedsReview: number;
  };
  timings: { nameMs: number; ownershipMs: number; totalMs: number };
}

type Seed = { node: number; certainty: Certainty };

/** Seeds of one rule: simulated entities in the graph, and parties matched to them, whose listing the rule counts. */
function seedsFor(
  ev: EvaluatedRules,
  ruleId: string,
  facts: ReadonlyMap<string, ListingFact>,
  matches: ReadonlyMap<string, PartyMatch[]>,
): Seed[] {
  const state = ev.states.get(ruleId)!;
  const counts = (fact: ListingFact | undefined) =>
    fact !== undefined && restrictingListings(state.rule, [fact], state.day).length > 0;
  const seeds: Seed[] = [];
  for (const [id, fact] of facts) {
    const node = ev.graph.idOf(entityNode(id as EntityId));
    if (node !== undefined && counts(fact)) seeds.push({ node, certainty: 'confirmed' });
  }
  for (const [partyId, pm] of matches) {
    const node = ev.graph.idOf(partyNode(partyId));
    for (const m of pm)
      if (node !== undefined && counts(facts.get(m.entityId))) seeds.push({ node, certainty: m.certainty });
  }
  return seeds;
}

/** Listing facts the simulated world adds, by node: simulated entities, and parties matched to them. */
function extraFacts(
  facts: ReadonlyMap<string, ListingFact>,
  matches: ReadonlyMap<string, PartyMatch[]>,
): Map<string, ListingFact[]> {
  const out = new Map<string, ListingFact[]>();
  for (const [id, fact] of facts) out.set(entityNode(id as EntityId), [fact]);
  for (const [partyId, pm] of matches) {
    out.set(
      partyNode(partyId),
      pm.flatMap((m) =>
        facts.has(m.entityId) ? [{ ...facts.get(m.entityId)!, certainty: m.certainty }] : [],
      ),
    );
  }
  return out;
}

function changesOf(
  deps: WhatIfDeps,
  before: StatusSnapshot,
  ev: EvaluatedRules,
  parties: ReadonlySet<string>,
  newMatches: ReadonlyMap<string, PartyMatch[]>,
): PartyChange[] {
  const out: PartyChange[] = [];
  const after = snapshot(ev, false);
  for (const partyId of parties) {
    const old = deps.baseline.matches.get(partyId) ?? [];
    const added = newMatches.get(partyId) ?? [];
    const b = partyStatuses(before, before.graph.idOf(partyNode(partyId)), old);
    const a = partyStatuses(after, after.graph.idOf(partyNode(partyId)), [...old, ...added]);
    const rulesChanged = risen(b, a);
    if (added.length === 0 && rulesChanged.length === 0) continue;
    const node = after.graph.idOf(partyNode(partyId));
    const name = node === undefined ? undefined : after.graph.labelOf(node);
    out.push({
      partyId,
      ...(name === undefined ? {} : { name }),
      before: b,
      after: a,
      newMatches: added,
      rulesChanged,
    });
  }
  const rank = (c: PartyChange) => (c.after.status === 'restricted' ? 0 : 1);
  return out.sort((x, y) => rank(x) - rank(y) || (x.partyId < y.partyId ? -1 : 1));
}

/** Runs a what-if against today's result. */
export async function whatIf(deps: WhatIfDeps, sim: Simulation, date: string): Promise<WhatIfReport> {
  const t0 = performance.now();
  const named = await rescore(deps.book, deps.context, deps.index, sim.entities);
  const t1 = performance.now();
  // Only what the new listings reach, and the owners of that: read from the store, not the whole book.
  const seeds = [
    ...sim.entities.map((e) => entityNode(e.id) as string),
    ...[...named.matches.keys()].map((p) => partyNode(p) as string),
  ];
  const src = { book: deps.book, context: deps.context, baseline: deps.baseline };
  const parts = await subgraphParts(src, seeds, { down: true, extraEdges: sim.edges });
  const simulatedEdges = new Set(sim.edges);
  const g0 = await subgraphOf(src, parts, { skipEdge: (e) => simulatedEdges.has(e) });
  const ev0 = evaluateRules(g0, deps.rules, date);
  const before = snapshot(ev0);
  const ev1 = sim.edges.length === 0 ? ev0 : evaluateRules(await subgraphOf(src, parts), deps.rules, date);
  const touched = new Set<string>(named.matches.keys());
  for (const ruleId of ev1.states.keys()) {
    for (const v of addSeeds(ev1.states.get(ruleId)!, seedsFor(ev1, ruleId, named.facts, named.matches))) {
      const ref = ev1.graph.refOf(v);
      if (ref.startsWith('party:')) touched.add(ref.slice('party:'.length));
    }
  }
  if (ev1 !== ev0) for (const p of partiesDiffering(before, ev1)) touched.add(p);
  const changes = changesOf(deps, before, ev1, touched, named.matches);
  const extra = extraFacts(named.facts, named.matches);
  for (const c of changes.slice(0, MAX_EXPLAINED)) {
    const changed = new Set(c.rulesChanged.map((r) => r.ruleId));
    c.findings = reportWithListings(ev1.graph, deps.rules, partyNode(c.partyId), date, extra).findings.filter(
      (f) => changed.has(f.ruleId),
    );
  }
  const t2 = performance.now();
  return report(deps, sim, date, named.candidates, changes, {
    nameMs: t1 - t0,
    ownershipMs: t2 - t1,
    totalMs: t2 - t0,
  });
}

/** Parties whose rule status differs between two evaluations (simulated relations can move statuses too). */
function partiesDiffering(before: StatusSnapshot, after: EvaluatedRules): string[] {
  const out: string[] = [];
  const now = snapshot(after, false);
  for (let v = 0; v < after.graph.nodeCount; v++) {
    const ref = after.graph.refOf(v);
    if (!ref.startsWith('party:')) continue;
    const b = before.graph.idOf(ref);
    for (const [ruleId, status] of now.status)
      if (status[v]! > (b === undefined ? 0 : (before.status.get(ruleId)?.[b] ?? 0)))
        out.push(ref.slice('party:'.length));
  }
  return out;
}

function report(
  deps: WhatIfDeps,
  sim: Simulation,
  date: string,
  rescored: number,
  changes: PartyChange[],
  t: WhatIfReport['timings'],
): WhatIfReport {
  const run = deps.baseline.run;
  const newly = (f: (c: PartyChange) => boolean) => changes.filter(f).length;
  return {
    date,
    simulated: sim.entities.map((e) => ({
      entityId: e.id,
      name: e.names[0]!.value,
      listId: e.listId,
      ...(e.listing.subList === undefined ? {} : { subList: e.listing.subList }),
      programs: e.programs,
    })),
    baseline: run === undefined ? null : { runId: run.runId, at: run.at, date: run.date },
    rescored,
    changes,
    summary: {
      changed: changes.length,
      newlyRestrictedByName: newly(
        (c) => c.after.nameStatus === 'restricted' && c.before.nameStatus !== 'restricted',
      ),
      newlyRestrictedThroughOwnership: newly(
        (c) => c.after.ownershipStatus === 'restricted' && c.before.ownershipStatus !== 'restricted',
      ),
      newlyNeedsReview: newly((c) => c.after.status === 'review' && c.before.status === 'clear'),
    },
    timings: {
      nameMs: Math.round(t.nameMs),
      ownershipMs: Math.round(t.ownershipMs),
      totalMs: Math.round(t.totalMs),
    },
  };
}
