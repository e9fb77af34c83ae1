// A party's result: its status by name (from its matches), through ownership (from the rules evaluated over the
// whole book graph), and overall, with the findings and paths that explain a status other than clear.
import {
  evaluateRule,
  partyNode,
  ruleFinding,
  ruleOn,
  RESTRICTED,
  REVIEW,
  type OwnershipGraph,
  type RuleFinding,
  type RuleSet,
  type RuleState,
} from '../graph/index.ts';
import type { PartyStatus } from '../store/index.ts';
import { nameStatus } from './matches.ts';
import type { PartyMatch, PartyOutcome, RuleStatuses } from './types.ts';

/** Every rule in force on a date, evaluated over a whole graph. */
export interface EvaluatedRules {
  graph: OwnershipGraph;
  rules: RuleSet;
  date: string;
  states: Map<string, RuleState>;
  notInForce: { ruleId: string; ruleName: string; reason: string }[];
}

/** Evaluates each rule in force on `date` over the whole graph (one fixed point per rule, O(reached nodes)). */
export function evaluateRules(graph: OwnershipGraph, rules: RuleSet, date: string): EvaluatedRules {
  const states = new Map<string, RuleState>();
  const notInForce: EvaluatedRules['notInForce'] = [];
  for (const rule of rules.rules) {
    const on = ruleOn(rule, date);
    if (on.inForce) states.set(rule.id, evaluateRule(graph, rule, date));
    else notInForce.push({ ruleId: rule.id, ruleName: rule.name, reason: on.reason });
  }
  return { graph, rules, date, states, notInForce };
}

const STATUS_ORDER: readonly PartyStatus[] = ['clear', 'review', 'restricted'];

export function maxStatus(a: PartyStatus, b: PartyStatus): PartyStatus {
  return STATUS_ORDER.indexOf(a) >= STATUS_ORDER.indexOf(b) ? a : b;
}

function statusWord(code: number): PartyStatus {
  return code === RESTRICTED ? 'restricted' : code === REVIEW ? 'review' : 'clear';
}

/** Per-rule statuses of a node, and its status through ownership (statuses it has not merely as a listed seed). */
export function ruleStatuses(
  ev: EvaluatedRules,
  node: number | undefined,
): { rules: RuleStatuses; ownership: PartyStatus } {
  const rules: RuleStatuses = {};
  let ownership: PartyStatus = 'clear';
  if (node === undefined) return { rules, ownership };
  for (const [id, state] of ev.states) {
    const s = state.status[node]!;
    if (s === 0) continue;
    rules[id] = s === RESTRICTED ? 'restricted' : 'review';
    if (state.seed[node]! < s) ownership = maxStatus(ownership, statusWord(s));
  }
  return { rules, ownership };
}

/** Findings with paths under the given rules (those under which the node is not clear), with the window citation. */
export function findingsOf(ev: EvaluatedRules, node: number, ruleIds: readonly string[]): RuleFinding[] {
  return ruleIds.map((id) => {
    const state = ev.states.get(id)!;
    const finding = ruleFinding(state, node);
    const on = ruleOn(state.rule, ev.date);
    if (on.inForce) finding.citations.push(on.window.citation);
    return finding;
  });
}

/** The outcome of one party. */
export function partyOutcome(
  partyId: string,
  matches: readonly PartyMatch[],
  ev: EvaluatedRules,
): PartyOutcome {
  const ref = partyNode(partyId);
  const { rules, ownership } = ruleStatuses(ev, ev.graph.idOf(ref));
  const byName = nameStatus(matches);
  const status = maxStatus(byName, ownership);
  if (status === 'clear' && matches.length === 0)
    return { partyId, status, nameStatus: byName, ownershipStatus: ownership, detail: null };
  const node = ev.graph.idOf(ref);
  return {
    partyId,
    status,
    nameStatus: byName,
    ownershipStatus: ownership,
    detail: {
      matches: [...matches],
      rules,
      findings: node === undefined ? [] : findingsOf(ev, node, Object.keys(rules)),
      notInForce: ev.notInForce,
    },
  };
}
