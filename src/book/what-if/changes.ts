// A party's statuses at one moment of a what-if (before: today's result; after: with the simulated listings), from
// frozen copies of the rule states, and which rule statuses rose between the two.
import type { OwnershipGraph } from '../../graph/index.ts';
import { RESTRICTED } from '../../graph/index.ts';
import type { PartyStatus } from '../../store/index.ts';
import { nameStatus } from '../matches.ts';
import type { EvaluatedRules } from '../outcome.ts';
import { maxStatus } from '../outcome.ts';
import type { PartyMatch, RuleStatuses } from '../types.ts';

export interface StatusSnapshot {
  graph: OwnershipGraph;
  /** Per rule id: status and seed codes per node. */
  status: Map<string, Uint8Array>;
  seed: Map<string, Uint8Array>;
}

export interface PartyStatuses {
  status: PartyStatus;
  nameStatus: PartyStatus;
  ownershipStatus: PartyStatus;
  rules: RuleStatuses;
}

/** The states' status and seed arrays; copies unless `copy` is false (a what-if then continues the originals). */
export function snapshot(ev: EvaluatedRules, copy = true): StatusSnapshot {
  const status = new Map<string, Uint8Array>();
  const seed = new Map<string, Uint8Array>();
  for (const [id, s] of ev.states) {
    status.set(id, copy ? s.status.slice() : s.status);
    seed.set(id, copy ? s.seed.slice() : s.seed);
  }
  return { graph: ev.graph, status, seed };
}

const word = (code: number): PartyStatus =>
  code === RESTRICTED ? 'restricted' : code > 0 ? 'review' : 'clear';

/** A party's statuses in a snapshot (node undefined: the party is not in the graph). */
export function partyStatuses(
  s: StatusSnapshot,
  node: number | undefined,
  matches: readonly PartyMatch[],
): PartyStatuses {
  const rules: RuleStatuses = {};
  let ownership: PartyStatus = 'clear';
  if (node !== undefined) {
    for (const [id, status] of s.status) {
      const code = status[node]!;
      if (code === 0) continue;
      rules[id] = code === RESTRICTED ? 'restricted' : 'review';
      if (s.seed.get(id)![node]! < code) ownership = maxStatus(ownership, word(code));
    }
  }
  const byName = nameStatus(matches);
  return { status: maxStatus(byName, ownership), nameStatus: byName, ownershipStatus: ownership, rules };
}

/** Rules under which the party's status rose. */
export function risen(
  before: PartyStatuses,
  after: PartyStatuses,
): { ruleId: string; before: PartyStatus; after: PartyStatus }[] {
  const order = (s: PartyStatus | undefined) => (s === 'restricted' ? 2 : s === 'review' ? 1 : 0);
  const out: { ruleId: string; before: PartyStatus; after: PartyStatus }[] = [];
  for (const [ruleId, a] of Object.entries(after.rules)) {
    const b = before.rules[ruleId];
    if (order(a) > order(b)) out.push({ ruleId, before: b ?? 'clear', after: a });
  }
  return out;
}
