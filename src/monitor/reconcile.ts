// Reconciles the alerts of a scope with the findings a monitor run made for it — the heart of monitoring, pure:
//
//   finding, no alert                 → new alert, open
//   finding, alert cleared            → stays cleared while the material data is unchanged (good-guy suppression);
//                                       re-opens, showing what changed, once it is not
//   finding, alert closed             → re-opens (the finding is back), showing what changed
//   finding, alert open/in review/…   → refreshed (score, detail); a material change is recorded as an event
//   no finding, alert still present   → closed with the reason (open, in review, escalated, confirmed) or, for a
//                                       cleared alert, only marked absent (the suppression is kept as history)
//
// "Scope" is whatever the caller screened: a set of parties for name findings, the whole book for ownership.
import type { AlertEvent, AlertRecord, AlertState } from '../store/index.ts';
import type { Finding } from './findings.ts';
import { materialChanges, materialHash, type MaterialChange } from './material.ts';

export interface ReconcileInput {
  /** Alerts of the scope (every state). */
  existing: readonly AlertRecord[];
  /** Findings of the scope (one per key). */
  findings: readonly Finding[];
  now: string;
  actor: string;
  /** Why a present alert's finding is gone. */
  closeReason: (alert: AlertRecord) => string;
  newId: () => string;
}

export interface Reopened {
  alert: AlertRecord;
  changes: MaterialChange[];
}

export interface ReconcileOutput {
  /** Alerts to write (new and changed). */
  alerts: AlertRecord[];
  events: AlertEvent[];
  opened: AlertRecord[];
  reopened: Reopened[];
  closed: AlertRecord[];
  /** Findings not alerted because an analyst cleared the pair and nothing material changed. */
  suppressed: number;
  /** Alerts refreshed in place (score or detail moved, state kept). */
  refreshed: number;
  /**
   * Parties whose findings changed in what the ownership graph uses: opened, re-opened or closed alerts, and
   * refreshed ones whose material data or certainty moved (a score move alone changes no listing fact).
   */
  factsMoved: Set<string>;
}

/** States in which a present finding is an open matter (what "open alerts" means in the oracle test). */
export const ACTIVE_STATES: ReadonlySet<AlertState> = new Set<AlertState>([
  'open',
  'in_review',
  'escalated',
  'confirmed',
]);

function withFinding(a: AlertRecord, f: Finding, hash: string, now: string): AlertRecord {
  return {
    ...a,
    present: true,
    score: f.score,
    summary: f.summary,
    material: f.material,
    materialHash: hash,
    finding: f.detail,
    listId: f.listId,
    updatedAt: now,
  };
}

class Writer {
  readonly out: ReconcileOutput = {
    alerts: [],
    events: [],
    opened: [],
    reopened: [],
    closed: [],
    suppressed: 0,
    refreshed: 0,
    factsMoved: new Set(),
  };
  readonly now: string;
  readonly actor: string;
  constructor(now: string, actor: string) {
    this.now = now;
    this.actor = actor;
  }

  write(
    next: AlertRecord,
    action: string | undefined,
    from: AlertState | null,
    reason: string | null,
    detail: unknown = {},
  ): AlertRecord {
    const alert = action === undefined ? next : { ...next, revision: next.revision + 1 };
    this.out.alerts.push(alert);
    if (action !== undefined) {
      this.out.events.push({
        alertId: alert.alertId,
        seq: alert.revision,
        at: this.now,
        actor: this.actor,
        action,
        fromState: from,
        toState: alert.state,
        reason,
        detail,
      });
    }
    return alert;
  }
}

function openNew(w: Writer, f: Finding, hash: string, id: string): void {
  const base: AlertRecord = {
    alertId: id,
    key: f.key,
    kind: f.kind,
    partyId: f.partyId,
    entityId: f.entityId,
    ruleId: f.ruleId,
    listId: f.listId,
    state: 'open',
    present: true,
    score: f.score,
    summary: f.summary,
    material: f.material,
    materialHash: hash,
    finding: f.detail,
    pending: null,
    createdAt: w.now,
    updatedAt: w.now,
    revision: 0,
  };
  w.out.opened.push(w.write(base, 'opened', null, null, { score: f.score }));
  w.out.factsMoved.add(f.partyId);
}

function reopen(w: Writer, a: AlertRecord, f: Finding, hash: string): void {
  const changes = materialChanges(a.material, f.material);
  const why =
    a.state === 'cleared' ? 'the data an analyst cleared changed materially' : 'the finding holds again';
  const next = { ...withFinding(a, f, hash, w.now), state: 'open' as const, pending: null };
  w.out.reopened.push({
    alert: w.write(next, 'reopened', a.state, why, { changes, previousScore: a.score, score: f.score }),
    changes,
  });
  w.out.factsMoved.add(a.partyId);
}

const certaintyOf = (detail: unknown): unknown => (detail as { certainty?: unknown } | null)?.certainty;

function refresh(w: Writer, a: AlertRecord, f: Finding, hash: string): void {
  const materialMoved = hash !== a.materialHash;
  const unchanged =
    !materialMoved &&
    a.present &&
    a.score === f.score &&
    JSON.stringify(a.finding) === JSON.stringify(f.detail);
  if (unchanged) return;
  w.out.refreshed++;
  if (materialMoved || !a.present || certaintyOf(a.finding) !== certaintyOf(f.detail))
    w.out.factsMoved.add(a.partyId);
  const next = withFinding(a, f, hash, w.now);
  if (materialMoved)
    w.write(next, 'data_changed', a.state, null, {
      changes: materialChanges(a.material, f.material),
      previousScore: a.score,
      score: f.score,
    });
  else w.write(next, undefined, a.state, null);
}

function found(w: Writer, a: AlertRecord | undefined, f: Finding, newId: () => string): void {
  const hash = materialHash(f.material);
  if (a === undefined) return openNew(w, f, hash, newId());
  if (a.state === 'closed') return reopen(w, a, f, hash);
  if (a.state === 'cleared') {
    if (hash !== a.materialHash) return reopen(w, a, f, hash);
    w.out.suppressed++;
    // Keep the cleared snapshot (it is what the analyst saw); only note that the finding is present again.
    if (!a.present) w.write({ ...a, present: true, updatedAt: w.now }, undefined, a.state, null);
    return;
  }
  refresh(w, a, f, hash);
}

function gone(w: Writer, a: AlertRecord, reason: string): void {
  if (!a.present) return;
  if (a.state === 'cleared') {
    w.write({ ...a, present: false, updatedAt: w.now }, 'finding_gone', a.state, reason);
    return;
  }
  const next: AlertRecord = { ...a, state: 'closed', present: false, pending: null, updatedAt: w.now };
  w.out.closed.push(w.write(next, 'closed', a.state, reason));
  w.out.factsMoved.add(a.partyId);
}

/** Reconciles a scope's alerts with its new findings. */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const w = new Writer(input.now, input.actor);
  const byKey = new Map(input.existing.map((a) => [a.key, a]));
  const seen = new Set<string>();
  for (const f of input.findings) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    found(w, byKey.get(f.key), f, input.newId);
  }
  for (const a of input.existing) if (!seen.has(a.key)) gone(w, a, input.closeReason(a));
  return w.out;
}
