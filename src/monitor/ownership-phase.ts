// The ownership phase of a monitor run: the parties' effective name matches (alerts whose finding holds and that no
// analyst cleared; a confirmed alert counts as a confirmed match), the ownership findings, and the ownership alerts
// reconciled with them. A delta evaluates only the parties a change can move (ownership-scope.ts); the whole graph
// is evaluated on the first run, on --full, when relations were imported, or when the screening date moved (a rule
// may have come into or gone out of force).
import type { ListContext, PartyMatch } from '../book/index.ts';
import type { RuleSet } from '../graph/index.ts';
import type { AlertRecord, BookStore, MonitorStore } from '../store/index.ts';
import { ownershipFindings } from './ownership-findings.ts';
import { ownershipScope } from './ownership-scope.ts';
import { reconcile, type ReconcileOutput } from './reconcile.ts';

export interface OwnershipPhaseInput {
  context: ListContext;
  book: BookStore;
  monitor: MonitorStore;
  rules: RuleSet;
  date: string;
  /** Name alerts written by this run's name phase (they override the stored ones). */
  nameAlerts: readonly AlertRecord[];
  /** Nodes whose facts changed (delta); undefined: evaluate the whole graph. */
  seeds: ReadonlySet<string> | undefined;
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
  /** Parties evaluated (all flagged ones on a whole-graph run). */
  scope: number | 'all';
}

export interface EffectiveMatches {
  /** Party id → matches that count for ownership, in entity id order. */
  matches: Map<string, PartyMatch[]>;
  /** The matched parties' own names: their labels in the graph (so that paths read the same whatever the order). */
  names: Map<string, string>;
}

/** The matches that count for ownership. */
export async function effectiveMatches(
  monitor: MonitorStore,
  written: readonly AlertRecord[],
): Promise<EffectiveMatches> {
  const alerts = new Map<string, AlertRecord>();
  for await (const a of monitor.presentAlerts('name')) alerts.set(a.alertId, a);
  for (const a of written) alerts.set(a.alertId, a);
  const out: EffectiveMatches = { matches: new Map(), names: new Map() };
  for (const a of alerts.values()) {
    if (!a.present || a.state === 'cleared' || a.state === 'closed') continue;
    const m = a.finding as PartyMatch;
    const match: PartyMatch =
      a.state === 'confirmed' ? { ...m, certainty: 'confirmed', basis: 'decision' } : m;
    out.matches.set(a.partyId, [...(out.matches.get(a.partyId) ?? []), match]);
    const name = (a.material as { party?: { name?: string } } | null)?.party?.name;
    if (name !== undefined) out.names.set(a.partyId, name);
  }
  for (const list of out.matches.values())
    list.sort((x, y) => (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : 0));
  return out;
}

async function existingAlerts(
  monitor: MonitorStore,
  keys: readonly string[],
  parties: ReadonlySet<string> | undefined,
): Promise<AlertRecord[]> {
  const byId = new Map<string, AlertRecord>();
  if (parties === undefined) {
    for await (const a of monitor.presentAlerts('ownership')) byId.set(a.alertId, a);
  } else {
    for (const a of await monitor.alertsOfParties([...parties]))
      if (a.kind === 'ownership') byId.set(a.alertId, a);
  }
  for (const a of await monitor.alertsByKeys(keys)) byId.set(a.alertId, a);
  return [...byId.values()];
}

export async function ownershipPhase(input: OwnershipPhaseInput): Promise<OwnershipPhaseResult> {
  const { matches, names } = await effectiveMatches(input.monitor, input.nameAlerts);
  const scope =
    input.seeds === undefined
      ? undefined
      : await ownershipScope({ book: input.book, context: input.context, matches, seeds: input.seeds });
  const result = await ownershipFindings({
    context: input.context,
    book: input.book,
    rules: input.rules,
    date: input.date,
    matches,
    names,
    ...(scope === undefined ? {} : { scope }),
  });
  const existing = await existingAlerts(
    input.monitor,
    result.findings.map((f) => f.key),
    scope?.parties,
  );
  const outcome = reconcile({
    existing,
    findings: result.findings,
    now: input.now,
    actor: input.actor,
    closeReason: (a) => input.closeReason(a, result.notInForce),
    newId: input.newId,
  });
  return {
    outcome,
    notInForce: result.notInForce,
    relations: result.relations,
    scope: scope?.parties.size ?? 'all',
  };
}
