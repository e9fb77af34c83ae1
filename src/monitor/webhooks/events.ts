// The events Embargo sends (issue 8 item 4), each a Standard Webhooks payload `{type, timestamp, data}`:
//   alert.opened            a new alert, or one re-opened (data.reopened, data.changes say why)
//   alert.closed            its finding is gone (entity removed, listing ended, data changed), with the reason
//   alert.decided           cleared / confirmed / escalated (after approval under four-eyes)
//   list.version_imported   a new version of a list was imported
// The body text is fixed when the event enters the outbox: every retry sends (and signs) the same bytes.
import type { AlertRecord, OutboxEvent } from '../../store/index.ts';
import { newMessageId } from '../ids.ts';
import type { MaterialChange } from '../material.ts';

export type WebhookEventType = 'alert.opened' | 'alert.closed' | 'alert.decided' | 'list.version_imported';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'alert.opened',
  'alert.closed',
  'alert.decided',
  'list.version_imported',
];

function event(type: WebhookEventType, now: Date, data: Record<string, unknown>): OutboxEvent {
  const timestamp = now.toISOString();
  return {
    messageId: newMessageId(now),
    type,
    createdAt: timestamp,
    body: JSON.stringify({ type, timestamp, data }),
  };
}

/** The alert as events and the API show it (snake_case). */
export function alertData(a: AlertRecord): Record<string, unknown> {
  return {
    alert_id: a.alertId,
    kind: a.kind,
    state: a.state,
    party_id: a.partyId,
    entity_id: a.entityId,
    rule_id: a.ruleId,
    list_id: a.listId,
    score: a.score,
    summary: a.summary,
    present: a.present,
  };
}

export function alertOpened(
  a: AlertRecord,
  now: Date,
  reopened?: { changes: readonly MaterialChange[]; reason: string },
): OutboxEvent {
  return event('alert.opened', now, {
    ...alertData(a),
    reopened: reopened !== undefined,
    ...(reopened === undefined ? {} : { reason: reopened.reason, changes: reopened.changes }),
  });
}

export function alertClosed(a: AlertRecord, now: Date, reason: string): OutboxEvent {
  return event('alert.closed', now, { ...alertData(a), reason });
}

export function alertDecided(
  a: AlertRecord,
  now: Date,
  decision: { actor: string; reason: string | null; approvedBy?: string },
): OutboxEvent {
  return event('alert.decided', now, {
    ...alertData(a),
    decision: a.state,
    actor: decision.actor,
    reason: decision.reason,
    ...(decision.approvedBy === undefined ? {} : { approved_by: decision.approvedBy }),
  });
}

export interface VersionImported {
  listId: string;
  version: number;
  previousVersion: number | null;
  entityCount: number;
  added: number;
  changed: number;
  removed: number;
  importedAt: string;
}

export function listVersionImported(v: VersionImported, now: Date): OutboxEvent {
  return event('list.version_imported', now, {
    list_id: v.listId,
    version: v.version,
    previous_version: v.previousVersion,
    entity_count: v.entityCount,
    added: v.added,
    changed: v.changed,
    removed: v.removed,
    imported_at: v.importedAt,
  });
}
