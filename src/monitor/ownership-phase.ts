// The ownership phase of a monitor run: the parties' effective name matches (alerts whose finding holds and that no
// analyst cleared; a confirmed alert counts as a confirmed match), the ownership findings over the whole graph, and
// the ownership alerts reconciled with them.
import type { ListContext } from '../book/list-context.ts';
import type { PartyMatch } from '../book/types.ts';
import type { RuleSet } from '../graph/index.ts';
import type { AlertRecord, BookStore, MonitorStore } from '../store/index.ts';
import { ownershipFindings } from './ownership-findings.ts';
import { reconcile, type ReconcileOutput } from './reconcile.ts';

export interface OwnershipPhaseInput {
  context: ListContext;
  book: BookStore;
  monitor: MonitorStore;
  rules: RuleSet;
  date: string;
  /** Name alerts written by this run's name phase (they override the stored ones). */
  nameAlerts: readonly AlertRecord[];
  now: string;
  actor: string;
  /** Why an ownership alert closed, given the rules not in force on the date. */
  closeReason: (a: AlertRecord, notInForce: readonly { ruleId: string; reason: string }[]) => string;
  newId: () => string;
}

export interface OwnershipPhaseResult {
  outcome: ReconcileOutput;
  notInForce: { ruleId: string; reason: string }[];
  relations: number;
}

/** Party id → matches that count for ownership. */
export async function effectiveMatches(monitor: MonitorStore, written: readonly AlertRecord[]): Promise<Map<string, PartyMatch[]>> {
  const alerts = new Map<string, AlertRecord>();
  for await (const a of monitor.presentAlerts('name')) alerts.set(a.alertId, a);
  for (const a of written) alerts.set(a.alertId, a);
  const out = new Map<string, PartyMatch[]>();
  for (const a of alerts.values()) {
    if (!a.present || a.state === 'cleared' || a.state === 'closed') continue;
    const m = a.finding as PartyMatch;
    const match: PartyMatch = a.state === 'confirmed' ? { ...m, certainty: 'confirmed', basis: 'decision' } : m;
    out.set(a.partyId, [...(out.get(a.partyId) ?? []), match]);
  }
  return out;
}

export async function ownershipPhase(input: OwnershipPhaseInput): Promise<OwnershipPhaseResult> {
  const matches = await effectiveMatches(input.monitor, input.nameAlerts);
  const result = await ownershipFindings({ context: input.context, book: input.book, rules: input.rules, date: input.date, matches });
  const byId = new Map<string, AlertRecord>();
  for await (const a of input.monitor.presentAlerts('ownership')) byId.set(a.alertId, a);
  for (const a of await input.monitor.alertsByKeys(result.findings.map((f) => f.key))) byId.set(a.alertId, a);
  const outcome = reconcile({ existing: [...byId.values()], findings: result.findings, now: input.now, actor: input.actor, closeReason: (a) => input.closeReason(a, result.notInForce), newId: input.newId });
  return { outcome, notInForce: result.notInForce, relations: result.relations };
}
