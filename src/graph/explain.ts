// The words of a finding: which owners count, why the status is what it is, and notes that do not change it.
import { KIND_CODE } from './graph.ts';
import { CLEAR, RESTRICTED, REVIEW, type RuleState } from './propagate.ts';
import { ancestors } from './subgraph.ts';
import { activeInGroups, seedListing } from './paths.ts';
import { inapplicableListings, meetsThreshold, thresholdText } from './rules.ts';
import { formatAggregate, formatShare } from './share.ts';
import { isUnknownShare, type EdgeKind, type ListingFact, type NodeRef, type ShareRange } from './types.ts';

/** A direct owner of the subject whose status counts under the rule. */
export interface CountingOwner {
  node: NodeRef;
  name?: string;
  status: 'restricted' | 'review';
  kind: EdgeKind;
  share: ShareRange;
  shareText: string;
  /** The owner is itself listed (a seed), not restricted through its own owners. */
  listed: boolean;
}

/** Direct owners (ownership or control) whose status is restricted or review, strongest first. */
export function ownersThatCount(state: RuleState, v: number): CountingOwner[] {
  const { graph } = state;
  const out: CountingOwner[] = [];
  for (const { group, owner, share } of activeInGroups(state, v)) {
    const status = state.status[owner]!;
    if (status === CLEAR) continue;
    const o: CountingOwner = {
      node: graph.refOf(owner),
      status: status === RESTRICTED ? 'restricted' : 'review',
      kind: graph.kindOf(group),
      share,
      shareText: formatShare(share),
      listed: state.seed[owner]! > 0,
    };
    const name = graph.labelOf(owner) ?? seedListing(state, owner)?.name;
    if (name !== undefined) o.name = name;
    out.push(o);
  }
  return out.sort((a, b) =>
    a.status === b.status ? b.share[1] - a.share[1] : a.status === 'restricted' ? -1 : 1,
  );
}

function listingWords(fact: ListingFact): string {
  const sub = fact.subList === undefined ? '' : `:${fact.subList}`;
  const programs = fact.programs.length > 0 ? ` [${fact.programs.join('; ')}]` : '';
  return `${fact.listId}${sub}${programs}`;
}

function ownerName(state: RuleState, owner: number): string {
  return state.graph.labelOf(owner) ?? seedListing(state, owner)?.name ?? state.graph.refOf(owner);
}

/** Reasons for a review status, one per cause found among the subject's direct owners. */
function reviewReasons(state: RuleState, v: number): string[] {
  const { rule } = state;
  const reasons = new Set<string>();
  if (state.seed[v] === REVIEW) {
    const l = seedListing(state, v);
    reasons.add(
      `matched only as a candidate to ${l?.name ?? 'a listed party'} (${l === undefined ? '' : listingWords(l)}): confirm or dismiss the match`,
    );
  }
  for (const { group, owner, share } of activeInGroups(state, v)) {
    const status = state.status[owner]!;
    if (status === CLEAR) continue;
    const name = ownerName(state, owner);
    if (state.graph.groups.kind[group] === KIND_CODE.control) {
      reasons.add(
        `controlled by ${name} (${status === RESTRICTED ? 'restricted' : 'under review'}): under ${rule.name} control ${rule.control === 'review' ? 'alone does not restrict; review' : 'restricts'}`,
      );
    } else if (status === REVIEW) {
      reasons.add(`owner ${name} (${formatShare(share)}) is itself under review`);
    } else if (isUnknownShare(share)) {
      reasons.add(`${name} holds ${formatShare(share)}: ${rule.unknownShare.note}`);
    } else if (share[0] !== share[1]) {
      reasons.add(
        `${name} holds ${formatShare(share)}, a range that leaves the total on either side of ${thresholdText(rule)}`,
      );
    }
  }
  if (
    rule.aggregation === 'individual' &&
    meetsThreshold(rule, state.sumLo[v]!) &&
    !meetsThreshold(rule, state.maxLo[v]!)
  ) {
    reasons.add(
      `only the combined holdings of several restricted owners (${formatAggregate(state.sumLo[v]! / 1e6, state.sumLo[v]! / 1e6)}) pass ${thresholdText(rule)}; ${rule.authority} assesses aggregation case by case`,
    );
  }
  if (reasons.size === 0)
    reasons.add(
      `the share held by restricted owners is ${formatAggregate(state.sumLo[v]! / 1e6, state.sumHi[v]! / 1e6)}: it may or may not pass ${thresholdText(rule)}`,
    );
  return [...reasons];
}

function restrictedReasons(state: RuleState, v: number): string[] {
  if (state.seed[v] === RESTRICTED) {
    const l = seedListing(state, v);
    return [`listed: ${l === undefined ? '' : listingWords(l)}`];
  }
  const { rule } = state;
  const held = rule.aggregation === 'sum' ? state.sumLo[v]! : state.maxLo[v]!;
  if (meetsThreshold(rule, held)) {
    const how = rule.aggregation === 'sum' ? 'in aggregate' : 'by a single owner';
    return [
      `restricted owners hold at least ${formatAggregate(held / 1e6, held / 1e6)} ${how} (${thresholdText(rule)}): ${rule.restrictedLabel}`,
    ];
  }
  return [`controlled by a restricted owner; under ${rule.name} control restricts: ${rule.restrictedLabel}`];
}

/** Owners up the chain on lists the rule explicitly does not extend to (e.g. NS-CMIC for OFAC). */
function inapplicableNotes(state: RuleState, v: number): string[] {
  if (state.rule.notApplicable.length === 0) return [];
  const notes: string[] = [];
  for (const u of ancestors(state.graph, v)) {
    for (const { fact, selector } of inapplicableListings(state.rule, state.graph.listingsOf(u), state.day)) {
      if (notes.length >= 10) return notes;
      const who = u === v ? 'this party' : ownerName(state, u);
      notes.push(
        `${who} is on ${listingWords(fact)}: ${selector.note ?? 'the rule does not apply to this listing'}${selector.citation === undefined ? '' : ` (${selector.citation})`}`,
      );
    }
  }
  return notes;
}

/** Reasons (why this status) and notes (context) for a node. */
export function explain(state: RuleState, v: number): { reasons: string[]; notes: string[] } {
  const status = state.status[v]!;
  const notes = inapplicableNotes(state, v);
  if (status === RESTRICTED) return { reasons: restrictedReasons(state, v), notes };
  if (status === REVIEW) return { reasons: reviewReasons(state, v), notes };
  const reasons = [
    state.sumHi[v]! > 0
      ? `restricted owners hold ${formatAggregate(state.sumLo[v]! / 1e6, state.sumHi[v]! / 1e6)}, which does not pass ${thresholdText(state.rule)}`
      : 'no restricted owner found',
  ];
  return { reasons, notes };
}
