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
}

interface Work {
  state: RuleState;
  queueL: number[];
  queueU: number[];
  changed: number[];
  share: Int32Array;
}

/** Per-state bookkeeping: whether a node has already spread its holdings in tier L / tier U. */
const spread = new WeakMap<RuleState, { L: Uint8Array; U: Uint8Array }>();

function newState(graph: OwnershipGraph, rule: OwnershipRule, date: string): RuleState {
  const n = graph.nodeCount;
  const state: RuleState = {
    graph,
    rule,
    date,
    day: screeningDay(date),
    status: new Uint8Array(n),
    seed: new Uint8Array(n),
    sumLo: new Float64Array(n),
    sumHi: new Float64Array(n),
    maxLo: new Float64Array(n),
  };
  spread.set(state, { L: new Uint8Array(n), U: new Uint8Array(n) });
  return state;
}

/** Without indirect ownership only listed nodes' own holdings count. */
function canSpread(state: RuleState, v: number): boolean {
  return state.rule.indirect || state.seed[v] !== CLEAR;
}

/** Queues v to spread in each tier it belongs to and has not spread in yet. */
function schedule(w: Work, v: number): void {
  const { state } = w;
  const done = spread.get(state)!;
  if (!canSpread(state, v)) return;
  if (state.status[v] === RESTRICTED && done.L[v] === 0) {
    done.L[v] = 1;
    w.queueL.push(v);
  }
  if (state.status[v] !== CLEAR && done.U[v] === 0) {
    done.U[v] = 1;
    w.queueU.push(v);
  }
}

function enterU(w: Work, v: number): void {
  if (w.state.status[v] === CLEAR) {
    w.state.status[v] = REVIEW;
    w.changed.push(v);
  }
  schedule(w, v);
}

function enterL(w: Work, v: number): void {
  if (w.state.status[v] !== RESTRICTED) {
    w.state.status[v] = RESTRICTED;
    w.changed.push(v);
  }
  schedule(w, v);
}

function meetsL(state: RuleState, v: number): boolean {
  const held = state.rule.aggregation === 'sum' ? state.sumLo[v]! : state.maxLo[v]!;
  return meetsThreshold(state.rule, held);
}

/** Reads each out-group of a node once, for one tier. */
function spreadFrom(w: Work, u: number, tier: 'L' | 'U'): void {
  const { graph, day } = w.state;
  const { start, groups } = graph.out;
  const g = graph.groups;
  for (let k = start[u]!; k < start[u + 1]!; k++) {
    const group = groups[k]!;
    const v = g.owned[group]!;
    const kind = g.kind[group]!;
    if (kind !== OWNERSHIP && kind !== CONTROL) continue;
    if (!groupShare(graph, group, day, w.share)) continue;
    if (tier === 'L') spreadL(w, v, kind);
    else spreadU(w, v, kind);
  }
}

function spreadL(w: Work, v: number, kind: number): void {
  const { state, share } = w;
  if (kind === CONTROL) {
    if (state.rule.control === 'restricted') enterL(w, v);
    return;
  }
  state.sumLo[v]! += share[0]!;
  if (share[0]! > state.maxLo[v]!) state.maxLo[v] = share[0]!;
  if (state.status[v] !== RESTRICTED && meetsL(state, v)) enterL(w, v);
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

/** Runs tier L to its fixed point, then tier U (tier U never adds to tier L). */
function run(w: Work): void {
  for (let i = 0; i < w.queueL.length; i++) spreadFrom(w, w.queueL[i]!, 'L');
  for (let i = 0; i < w.queueU.length; i++) spreadFrom(w, w.queueU[i]!, 'U');
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
    enterL(w, v);
  } else {
    if (seed[v] === CLEAR) seed[v] = REVIEW;
    enterU(w, v);
  }
}

/** The seeds of a rule on a day: every node with a restricting listing. */
function plantListedSeeds(w: Work): void {
  const { graph, rule, day } = w.state;
  for (const v of graph.listedNodes()) {
    const facts = restrictingListings(rule, graph.listingsOf(v), day);
    if (facts.length > 0) plantSeed(w, v, facts[0]!.certainty);
  }
}

/**
 * Evaluates one rule on one date over a graph: the whole book for screening, or the ancestor graph of one
 * node (see `ancestorGraph`) for a single query.
 */
export function evaluateRule(graph: OwnershipGraph, rule: OwnershipRule, date: string): RuleState {
  const state = newState(graph, rule, date);
  const w = work(state);
  plantListedSeeds(w);
  run(w);
  return state;
}

/**
 * What-if: adds listings to an evaluated state and continues the propagation from them (valid because both
 * tiers are monotone: a new restricted owner can only add holdings). Returns the nodes whose status rose.
 */
export function addSeeds(
  state: RuleState,
  seeds: readonly { node: number; certainty: Certainty }[],
): number[] {
  const w = work(state);
  for (const s of seeds) plantSeed(w, s.node, s.certainty);
  run(w);
  return [...new Set(w.changed)];
}
