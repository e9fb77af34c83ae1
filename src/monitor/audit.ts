// Every step of an alert's life goes to the audit trail (issue 8 item 2): opened, re-opened, closed, and each review
// decision, with who did it, from which state to which, and why. One audit record per alert event, appended after
// the alert change is committed (the audit log has its own group-committed writer).
import type { AuditChannel, AuditInput, AuditRecord, ListVersionRef } from '../audit/index.ts';
import { randomUUID } from 'node:crypto';
import type { AlertEvent, AlertRecord, AuditStore } from '../store/index.ts';
import { alertData } from './webhooks/events.ts';

export interface AuditContext {
  channel: AuditChannel;
  algorithm: string;
  threshold: number;
  lists: readonly ListVersionRef[];
}

export function alertAuditInput(alert: AlertRecord, event: AlertEvent, ctx: AuditContext): AuditInput {
  return {
    id: randomUUID(),
    at: event.at,
    actor: event.actor,
    channel: ctx.channel,
    kind: 'alert',
    algorithm: ctx.algorithm,
    threshold: ctx.threshold,
    lists: ctx.lists,
    request: { alert_id: alert.alertId, action: event.action, reason: event.reason },
    normalised: {
      finding_key: alert.key,
      from_state: event.fromState,
      to_state: event.toState,
      seq: event.seq,
    },
    response: { ...alertData(alert), detail: event.detail, pending: alert.pending },
    matchCount: alert.present ? 1 : 0,
  };
}

/** Appends one record per event (concurrently: the store commits them in one group, in call order). */
export async function auditEvents(
  audit: AuditStore,
  alerts: readonly AlertRecord[],
  events: readonly AlertEvent[],
  ctx: AuditContext,
): Promise<AuditRecord[]> {
  const byId = new Map(alerts.map((a) => [a.alertId, a]));
  return Promise.all(events.map((e) => audit.append(alertAuditInput(byId.get(e.alertId)!, e, ctx))));
}
