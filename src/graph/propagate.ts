// The fixed point of an ownership rule over the graph, computed by worklist propagation from the listed nodes
// downward, touching only what they reach. Two tiers, both least fixed points of monotone conditions:
//
//   RESTRICTED (tier L): seeds = confirmed listings that make a node a restricted owner under the rule;
//     v joins when the LOW ends of the ownership shares held by tier-L owners meet the threshold
//     (aggregation "sum": Σ lo; "individual": max lo), or a tier-L owner controls v and control counts.
//   REVIEW-OR-RESTRICTED (tier U ⊇ L): seeds = every listing, confirmed or potential, and all of L;
//     v joins when the HIGH ends of the shares held by tier-U owners meet the threshold, or a tier-U owner
//     controls v (control "review"/"restricted").
//   status = restricted on L, review on U \ L, clear elsewhere.
//
// Why this is the rule (OFAC FAQ 401): a blocked entity's holdings count exactly like a listed person's, so
// "blocked" is the least set closed under "Σ holdings of blocked owners ≥ 50 %" — not a product of percentages
// along a path. Shares are ranges, so the true set lies between L (every range at its low end) and U (every
// range at its high end); a node in U \ L depends on a share that is not known precisely enough: review.
// Each node enters each tier at most once and each edge is read at most once per tier: O(reached nodes +
// their out-edges), and cycles terminate because sums only grow and membership is never revoked.
import { groupShare, KIND_CODE, type OwnershipGraph } from './graph.ts';
import { screeningDay } from './dates.ts';
import { meetsThreshold, restrictingListings, type OwnershipRule } from './rules.ts';
import type { Certainty } from './types.ts';

export const CLEAR = 0;
export const REVIEW = 1;
export const RESTRICTED = 2;
export type StatusCode = typeof CLEAR | typeof REVIEW | typeof RESTRICTED;

const OWNERSHIP = KIND_CODE.ownership;
const CONTROL = KIND_CODE.control;

/** The result of one rule on one date over a graph (or over the part of it that can reach one node). */
export interface RuleState {
  readonly graph: OwnershipGraph;
  readonly rule: OwnershipRule;
  readonly date: string;
  readonly day: number;
  /** CLEAR / REVIEW / RESTRICTED per node. */
  readonly status: Uint8Array;
  /** Seed per node: RESTRICTED = confirmed restricting listing, REVIEW = potential (candidate match) only. */
  readonly seed: Uint8Array;
  /** Σ low ends (ppm) of ownership held by restricted owners; Σ high ends held by review-or-restricted owners. */
  readonly sumLo: Float64Array;
  readonly sumHi: Float64Array;
  /** The largest single low end held by a restricted owner (aggregation "individual"). */
  readonly maxLo: Float64Array;
  /** Nodes the evaluation was limited to (ancestors of a subject), or null for the whole graph. */
  readonly scope: Uint8Array | null;
}

interface Work {
  state: RuleState;
  queueL: number[];
  queueU: number[];
  changed: number[];
  share: Int32Array;
}

function newState(graph: OwnershipGraph, rule: OwnershipRule, date: string, scope: Uint8Array | null): RuleState {
  const n = graph.nodeCount;
  return {
    graph,
    rule,
    date,
    day: screeningDay(date),
    status: new Uint8Array(n),
    seed: new Uint8Array(n),
    sumLo: new Float64Array(n),
    sumHi: new Float64Array(n),
    maxLo: new Float64Array(n),
    scope,
  };
}

function enterU(w: Work, v: number): void {
  if (w.state.status[v] !== CLEAR) return;
  w.state.status[v] = REVIEW;
  w.queueU.push(v);
  w.changed.push(v);
}

function enterL(w: Work, v: number, spread: boolean): void {
  const { status } = w.state;
  if (status[v] === RESTRICTED) return;
  if (status[v] === CLEAR) w.queueU.push(v);
  status[v] = RESTRICTED;
  w.changed.push(v);
  if (spread) w.queueL.push(v);
}

function meetsL(state: RuleState, v: number): boolean {
  const held = state.rule.aggregation === 'sum' ? state.sumLo[v]! : state.maxLo[v]!;
  return meetsThreshold(state.rule, held);
}

/** Reads each out-group of a node once, for one tier. */
function spreadFrom(w: Work, u: number, tier: 'L' | 'U'): void {
  const { graph, scope, day } = w.state;
  const { start, groups } = graph.out;
  const g = graph.groups;
  for (let k = start[u]!; k < start[u + 1]!; k++) {
    const group = groups[k]!;
    const v = g.owned[group]!;
    const kind = g.kind[group]!;
    if (scope !== null && scope[v] === 0) continue;
    if (kind !== OWNERSHIP && kind !== CONTROL) continue;
    if (!groupShare(graph, group, day, w.share)) continue;
    if (tier === 'L') spreadL(w, v, kind);
    else spreadU(w, v, kind);
  }
}

function spreadL(w: Work, v: number, kind: number): void {
  const { state, share } = w;
  if (kind === CONTROL) {
    if (state.rule.control === 'restricted') enterL(w, v, state.rule.indirect);
    return;
  }
  state.sumLo[v]! += share[0]!;
  if (share[0]! > state.maxLo[v]!) state.maxLo[v] = share[0]!;
  if (state.status[v] !== RESTRICTED && meetsL(state, v)) enterL(w, v, state.rule.indirect);
}

function spreadU(w: Work, v: number, kind: number): void {
  const { state, share } = w;
  if (kind === CONTROL) {
    if (state.rule.control !== 'ignore') enterU(w, v);
    return;
  }
  state.sumHi[v]! += share[1]!;
  if (state.status[v] === CLEAR && meetsThreshold(state.rule, state.sumHi[v]!)) enterU(w, v);
}

/** Runs both tiers to their fixed points from whatever is queued. */
function run(w: Work): void {
  const indirect = w.state.rule.indirect;
  for (let i = 0; i < w.queueL.length; i++) spreadFrom(w, w.queueL[i]!, 'L');
  for (let i = 0; i < w.queueU.length; i++) {
    const u = w.queueU[i]!;
    // Without indirect ownership only the listed nodes' own holdings count.
    if (indirect || w.state.seed[u] !== CLEAR) spreadFrom(w, u, 'U');
  }
  w.queueL.length = 0;
  w.queueU.length = 0;
}

function work(state: RuleState): Work {
  return { state, queueL: [], queueU: [], changed: [], share: new Int32Array(2) };
}

function plantSeed(w: Work, v: number, certainty: Certainty): void {
  const { seed } = w.state;
  if (certainty === 'confirmed') {
    seed[v] = RESTRICTED;
    enterL(w, v, true);
  } else {
    if (seed[v] === CLEAR) seed[v] = REVIEW;
    enterU(w, v);
  }
}

/** The seeds of a rule on a day: every node with a restricting listing (within the scope, if any). */
function plantListedSeeds(w: Work, candidates: Iterable<number>): void {
  const { graph, rule, day, scope } = w.state;
  for (const v of candidates) {
    if (scope !== null && scope[v] === 0) continue;
    const facts = restrictingListings(rule, graph.listingsOf(v), day);
    if (facts.length > 0) plantSeed(w, v, facts[0]!.certainty);
  }
}

/** Evaluates one rule on one date over the whole graph (book screening). */
export function evaluateRule(graph: OwnershipGraph, rule: OwnershipRule, date: string): RuleState {
  const state = newState(graph, rule, date, null);
  const w = work(state);
  plantListedSeeds(w, graph.listedNodes());
  run(w);
  return state;
}

/**
 * Evaluates one rule only over the nodes that can reach `subject` through ownership or control edges — the
 * only ones that can change its status. The cheap path for a single query on a large graph.
 */
export function evaluateRuleFor(graph: OwnershipGraph, rule: OwnershipRule, date: string, subject: number): RuleState {
  const { mask, nodes } = ancestors(graph, subject);
  const state = newState(graph, rule, date, mask);
  const w = work(state);
  plantListedSeeds(w, nodes);
  run(w);
  return state;
}

/**
 * What-if: adds listings to an evaluated state and continues the propagation from them (valid because both
 * tiers are monotone: a new restricted owner can only add holdings). Returns the nodes whose status rose.
 */
export function addSeeds(state: RuleState, seeds: readonly { node: number; certainty: Certainty }[]): number[] {
  const w = work(state);
  for (const s of seeds) {
    if (state.scope !== null && state.scope[s.node] === 0) continue;
    plantSeed(w, s.node, s.certainty);
  }
  run(w);
  return [...new Set(w.changed)];
}

/** Every node with a path of ownership/control edges to `subject` (subject included), as a mask and a list. */
export function ancestors(graph: OwnershipGraph, subject: number): { mask: Uint8Array; nodes: number[] } {
  const mask = new Uint8Array(graph.nodeCount);
  const nodes = [subject];
  mask[subject] = 1;
  const { start, groups } = graph.in;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const group = groups[k]!;
      const kind = graph.groups.kind[group]!;
      if (kind !== OWNERSHIP && kind !== CONTROL) continue;
      const u = graph.groups.owner[group]!;
      if (mask[u] === 0) {
        mask[u] = 1;
        nodes.push(u);
      }
    }
  }
  return { mask, nodes };
}
