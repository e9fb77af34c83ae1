// The review state machine of an alert (issue 8 item 2), pure:
//
//   open ──review──▶ in_review ──clear──▶ cleared      (false positive; suppresses the pair, see reconcile.ts)
//     │                  │      ──confirm─▶ confirmed  (true match)
//     └──escalate────────┴──escalate──▶ escalated ──review / clear / confirm──▶ …
//   cleared / confirmed / escalated ──reopen──▶ open
//
// Every decision (clear, confirm, escalate, reject, reopen) needs a reason. Under the four-eyes policy a clear or a
// confirm by one user only becomes a pending request (the alert goes to in_review); a different user approves it
// (the alert moves on) or rejects it (the request is dropped). A closed alert (its finding is gone) takes no
// decisions.
import { AppError } from '../domain/errors.ts';
import type { AlertRecord, AlertState, PendingDecision } from '../store/index.ts';

export type DecisionAction = 'review' | 'clear' | 'confirm' | 'escalate' | 'approve' | 'reject' | 'reopen';
export const DECISION_ACTIONS: readonly DecisionAction[] = [
  'review',
  'clear',
  'confirm',
  'escalate',
  'approve',
  'reject',
  'reopen',
];

/** Which final decisions need a second user (configurable; stored in the monitor settings). */
export interface FourEyesPolicy {
  clear: boolean;
  confirm: boolean;
}

export const NO_FOUR_EYES: FourEyesPolicy = { clear: false, confirm: false };

export interface DecisionRequest {
  action: DecisionAction;
  /** `key:<name>` or `local:<user>`. */
  actor: string;
  reason?: string;
  at: string;
}

export interface DecisionOutcome {
  alert: AlertRecord;
  /** The event's action word (`cleared`, `clear_requested`, `approved`, …). */
  event: string;
  from: AlertState;
  /** A final decision took effect (cleared, confirmed, escalated): the `alert.decided` webhook goes out. */
  decided: boolean;
  /** Who approved a four-eyes request, when this step approved one. */
  approvedBy?: string;
  reason: string | null;
}

const TARGET: Record<'clear' | 'confirm', AlertState> = { clear: 'cleared', confirm: 'confirmed' };
const FROM: Record<DecisionAction, readonly AlertState[]> = {
  review: ['open', 'escalated'],
  clear: ['open', 'in_review', 'escalated'],
  confirm: ['open', 'in_review', 'escalated'],
  escalate: ['open', 'in_review'],
  approve: ['in_review'],
  reject: ['in_review'],
  reopen: ['cleared', 'confirmed', 'escalated'],
};
const NEEDS_REASON: ReadonlySet<DecisionAction> = new Set([
  'clear',
  'confirm',
  'escalate',
  'reject',
  'reopen',
]);
const MAX_REASON = 2000;

function conflict(message: string, hint: string): AppError {
  return new AppError('conflict', message, { hint });
}

function checkRequest(alert: AlertRecord, r: DecisionRequest): string | null {
  const reason = r.reason?.trim() ?? '';
  if (NEEDS_REASON.has(r.action) && reason === '') {
    throw new AppError('invalid_input', `${r.action} needs a reason`, {
      where: 'reason',
      hint: 'say why, e.g. "different company: other registration number and city"',
    });
  }
  if (reason.length > MAX_REASON)
    throw new AppError('invalid_input', `the reason is longer than ${MAX_REASON} characters`, {
      where: 'reason',
    });
  if (alert.state === 'closed')
    throw conflict(
      `alert ${alert.alertId} is closed (its finding is gone) and takes no decisions`,
      'see its events for why it closed',
    );
  if (!FROM[r.action].includes(alert.state)) {
    throw conflict(
      `cannot ${r.action} an alert that is ${alert.state}`,
      `${r.action} applies to alerts that are ${FROM[r.action].join(' or ')}`,
    );
  }
  return reason === '' ? null : reason;
}

function pendingStep(alert: AlertRecord, r: DecisionRequest, reason: string | null): DecisionOutcome {
  const pending = alert.pending;
  if (pending === null)
    throw conflict(
      `alert ${alert.alertId} has no decision waiting for approval`,
      'approve and reject apply to a pending four-eyes request',
    );
  if (r.action === 'approve') {
    if (pending.actor === r.actor)
      throw conflict(
        `${r.actor} requested this ${pending.action}; a second user must approve it`,
        'ask another analyst (four-eyes)',
      );
    const next = { ...alert, state: TARGET[pending.action], pending: null, updatedAt: r.at };
    return {
      alert: next,
      event: 'approved',
      from: alert.state,
      decided: true,
      approvedBy: r.actor,
      reason: reason ?? pending.reason,
    };
  }
  return {
    alert: { ...alert, pending: null, updatedAt: r.at },
    event: pending.actor === r.actor ? 'withdrawn' : 'rejected',
    from: alert.state,
    decided: false,
    reason,
  };
}

function finalStep(
  alert: AlertRecord,
  r: DecisionRequest & { action: 'clear' | 'confirm' },
  reason: string,
  policy: FourEyesPolicy,
): DecisionOutcome {
  if (alert.pending !== null)
    throw conflict(
      `alert ${alert.alertId} already has a ${alert.pending.action} waiting for approval`,
      'approve or reject it first',
    );
  if (policy[r.action]) {
    const pending: PendingDecision = { action: r.action, actor: r.actor, reason, at: r.at };
    return {
      alert: { ...alert, state: 'in_review', pending, updatedAt: r.at },
      event: `${r.action}_requested`,
      from: alert.state,
      decided: false,
      reason,
    };
  }
  return {
    alert: { ...alert, state: TARGET[r.action], updatedAt: r.at },
    event: TARGET[r.action],
    from: alert.state,
    decided: true,
    reason,
  };
}

/** Applies one decision step; throws AppError (invalid_input / conflict) when it is not allowed. */
export function decide(alert: AlertRecord, r: DecisionRequest, policy: FourEyesPolicy): DecisionOutcome {
  const reason = checkRequest(alert, r);
  if (r.action === 'approve' || r.action === 'reject') return pendingStep(alert, r, reason);
  if (r.action === 'clear' || r.action === 'confirm')
    return finalStep(alert, { ...r, action: r.action }, reason!, policy);
  const pendingNote = alert.pending === null ? alert : { ...alert, pending: null };
  if (r.action === 'review')
    return {
      alert: { ...pendingNote, state: 'in_review', updatedAt: r.at },
      event: 'review_started',
      from: alert.state,
      decided: false,
      reason,
    };
  if (r.action === 'escalate')
    return {
      alert: { ...pendingNote, state: 'escalated', updatedAt: r.at },
      event: 'escalated',
      from: alert.state,
      decided: true,
      reason,
    };
  return {
    alert: { ...pendingNote, state: 'open', updatedAt: r.at },
    event: 'reopened_by_analyst',
    from: alert.state,
    decided: false,
    reason,
  };
}
