// The name phase of a monitor run: which parties to screen, and their name alerts reconciled.
//   delta — the parties that changed in the book, the parties the reverse index of the book finds for every listed
//           entity added or changed (candidates, re-scored forward), and the parties holding an alert on an entity
//           that changed or was removed; each is screened in full, so all its name alerts are settled at once;
//   full  — every party of the book (worker threads for large books).
import { isPartySchema, type Entity } from '../domain/entity.ts';
import { type DecisionIndex, decisionKey, entityQueries, type PartyIndex } from '../book/index.ts';
import type { BookStore, MonitorStore, PartyRecord } from '../store/index.ts';
import type { Finding } from './findings.ts';
import { screenParties, screenWholeBook, type NameScreen } from './name-findings.ts';
import { reconcile, type ReconcileOutput } from './reconcile.ts';
import type { ListChange } from './list-changes.ts';

export interface NamePhaseInput {
  book: BookStore;
  monitor: MonitorStore;
  screen: NameScreen;
  changes: readonly ListChange[];
  changedParties: readonly PartyRecord[];
  partyIndex: PartyIndex;
  full: boolean;
  workers: number;
  now: string;
  actor: string;
  closeReason: Parameters<typeof reconcile>[0]['closeReason'];
  newId: () => string;
}

export interface NamePhaseResult {
  outcome: ReconcileOutput;
  candidates: number;
  screened: number;
  errors: { partyId: string; message: string }[];
}

/**
 * Matches confirmed in the book (`book_decisions`): they make the finding's certainty `confirmed`. An alert an analyst
 * confirms does not change its finding (what screening says); the ownership phase counts it as confirmed.
 */
export async function confirmedMatches(book: BookStore): Promise<DecisionIndex> {
  const out = new Map<string, 'confirmed'>();
  for (const d of await book.decisions())
    if (d.decision === 'confirmed') out.set(decisionKey(d.partyId, d.entityId), 'confirmed');
  return out;
}

/** Parties the reverse index finds for the listed entities (party records only: ownership records are no names). */
export function reverseCandidates(index: PartyIndex, entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (!isPartySchema(e.schema) || e.status === 'ended') continue;
    for (const q of entityQueries(e)) for (const c of index.candidates(q)) out.add(c.partyId);
  }
  return out;
}

async function deltaScope(input: NamePhaseInput): Promise<{ parties: PartyRecord[]; candidates: number }> {
  const touchedEntities = input.changes.flatMap((c) => [...c.added, ...c.changed.map((x) => x.after)]);
  await input.partyIndex.refresh(input.book);
  const candidates = reverseCandidates(input.partyIndex, touchedEntities);
  const entityIds = input.changes.flatMap((c) => [
    ...c.changed.map((x) => x.after.id),
    ...c.removed.map((e) => e.id),
  ]);
  const withAlerts = (await input.monitor.alertsOfEntities(entityIds)).map((a) => a.partyId);
  const byId = new Map<string, PartyRecord>(input.changedParties.map((p) => [p.partyId, p]));
  for (const id of [...candidates, ...withAlerts]) {
    if (byId.has(id)) continue;
    const p = await input.book.party(id);
    if (p !== undefined) byId.set(id, p);
  }
  return { parties: [...byId.values()], candidates: candidates.size };
}

async function existingNameAlerts(monitor: MonitorStore, partyIds: readonly string[], full: boolean) {
  const of = (await monitor.alertsOfParties(partyIds)).filter((a) => a.kind === 'name');
  if (!full) return of;
  const byId = new Map(of.map((a) => [a.alertId, a]));
  for await (const a of monitor.presentAlerts('name')) byId.set(a.alertId, a);
  return [...byId.values()];
}

export async function namePhase(input: NamePhaseInput): Promise<NamePhaseResult> {
  let findings: Map<string, Finding[]>;
  let scope: string[];
  let candidates = 0;
  let screened: number;
  let errors: NamePhaseResult['errors'];
  if (input.full) {
    ({ findings, screened, errors } = await screenWholeBook(input.screen, input.book, input.workers));
    scope = [...findings.keys()];
  } else {
    const d = await deltaScope(input);
    candidates = d.candidates;
    ({ findings, errors } = await screenParties(input.screen, d.parties));
    screened = d.parties.length;
    scope = d.parties.map((p) => p.partyId);
  }
  const existing = await existingNameAlerts(input.monitor, scope, input.full);
  const outcome = reconcile({
    existing,
    findings: [...findings.values()].flat(),
    now: input.now,
    actor: input.actor,
    closeReason: input.closeReason,
    newId: input.newId,
  });
  return { outcome, candidates, screened, errors };
}
