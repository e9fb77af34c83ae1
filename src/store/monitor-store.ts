// The MonitorStore: what continuous monitoring keeps (docs/design/monitoring.md) — alerts with their event history,
// monitor settings (cursor, four-eyes policy), and the webhook endpoints, the transactional outbox of signed events
// and the delivery log. Separate from Store, AuditStore and BookStore; all live in one database. One contract suite
// (monitor-store.contract.test.ts) runs on SQLite and PostgreSQL.

/** Alert states (issue 8): open → in_review → cleared / confirmed / escalated; closed when the finding is gone. */
export type AlertState = 'open' | 'in_review' | 'cleared' | 'confirmed' | 'escalated' | 'closed';
export const ALERT_STATES: readonly AlertState[] = [
  'open',
  'in_review',
  'cleared',
  'confirmed',
  'escalated',
  'closed',
];

/** A name finding (party × listed entity) or an ownership finding (party × rule). */
export type AlertKind = 'name' | 'ownership';
export const ALERT_KINDS: readonly AlertKind[] = ['name', 'ownership'];

/** A decision waiting for a second user's approval (four-eyes). */
export interface PendingDecision {
  action: 'clear' | 'confirm';
  actor: string;
  reason: string;
  at: string;
}

export interface AlertRecord {
  alertId: string;
  /** `name:<party>\u001f<entity>` or `ownership:<party>\u001f<rule>` (see src/monitor/findings.ts). */
  key: string;
  kind: AlertKind;
  partyId: string;
  entityId: string | null;
  ruleId: string | null;
  listId: string | null;
  state: AlertState;
  /** The finding holds as of the last monitor run. */
  present: boolean;
  score: number;
  summary: string;
  /** The data the finding rests on (JSON), compared by suppression. */
  material: unknown;
  materialHash: string;
  /** The finding as the monitor computed it (JSON: the match or the ownership finding with paths). */
  finding: unknown;
  pending: PendingDecision | null;
  createdAt: string;
  updatedAt: string;
  /** Number of events so far; the optimistic lock of decisions. */
  revision: number;
}

export interface AlertEvent {
  alertId: string;
  /** 1, 2, …: the alert's revision after the event. */
  seq: number;
  at: string;
  actor: string;
  action: string;
  fromState: AlertState | null;
  toState: AlertState;
  reason: string | null;
  detail: unknown;
}

export interface AlertFilter {
  states?: readonly AlertState[];
  kind?: AlertKind;
  partyId?: string;
  entityId?: string;
  /** Only alerts whose finding holds (true) or is gone (false). */
  present?: boolean;
  /** Only alerts changed after this instant (ISO). */
  updatedAfter?: string;
  limit?: number;
  /** Page after this alert id (results are in alert id order). */
  after?: string;
}

/** An event to put in the outbox: fanned out to every enabled endpoint subscribed to its type, in the same transaction. */
export interface OutboxEvent {
  messageId: string;
  type: string;
  /** The exact JSON body to send. */
  body: string;
  createdAt: string;
}

/** Everything one monitor step writes, committed together (alerts never change without their events and webhooks). */
export interface MonitorBatch {
  alerts: readonly AlertRecord[];
  events: readonly AlertEvent[];
  outbox: readonly OutboxEvent[];
  settings?: Readonly<Record<string, unknown>>;
}

export interface MonitorWriteHooks {
  /** Runs inside the transaction after every row is written, before COMMIT (crash tests kill here). */
  beforeCommit?: () => Promise<void>;
}

export interface WebhookEndpoint {
  endpointId: string;
  url: string;
  /** `whsec_<base64>` (Standard Webhooks). */
  secret: string;
  /** Event types it receives; empty = all. */
  events: string[];
  description: string;
  createdAt: string;
  disabledAt: string | null;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface OutboxMessage {
  messageId: string;
  endpointId: string;
  type: string;
  body: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
}

/** One delivery attempt, as the delivery log keeps it. */
export interface DeliveryAttempt {
  messageId: string;
  endpointId: string;
  attempt: number;
  at: string;
  outcome: 'delivered' | 'retry' | 'failed';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface MonitorStore {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  alert(alertId: string): Promise<AlertRecord | undefined>;
  alertsByKeys(keys: readonly string[]): Promise<AlertRecord[]>;
  /** Every alert of these parties (any kind, any state). */
  alertsOfParties(partyIds: readonly string[]): Promise<AlertRecord[]>;
  /** Name alerts on these listed entities. */
  alertsOfEntities(entityIds: readonly string[]): Promise<AlertRecord[]>;
  /** Alerts whose finding holds, streamed in alert id order. */
  presentAlerts(kind?: AlertKind): AsyncIterable<AlertRecord>;
  listAlerts(filter?: AlertFilter): Promise<AlertRecord[]>;
  /** Number of alerts per state (all states present, zero when none). */
  countByState(filter?: Pick<AlertFilter, 'kind' | 'present'>): Promise<Record<AlertState, number>>;
  events(alertId: string): Promise<AlertEvent[]>;
  /** Writes alerts (insert or replace by id), events, outbox events and settings in one transaction. */
  commit(batch: MonitorBatch, hooks?: MonitorWriteHooks): Promise<void>;
  /**
   * Replaces one alert only if its stored revision is still `expectedRevision` (optimistic lock), with its event
   * and outbox events, in one transaction. False when another decision got there first.
   */
  updateAlert(
    alert: AlertRecord,
    expectedRevision: number,
    event: AlertEvent,
    outbox: readonly OutboxEvent[],
  ): Promise<boolean>;
  setting(name: string): Promise<unknown>;
  addEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  endpoint(endpointId: string): Promise<WebhookEndpoint | undefined>;
  /** Endpoints in creation order (disabled ones only when asked). */
  endpoints(options?: { includeDisabled?: boolean }): Promise<WebhookEndpoint[]>;
  /** Disables an endpoint and fails its pending messages; false when no enabled endpoint has that id. */
  disableEndpoint(endpointId: string, at: string): Promise<boolean>;
  /** Pending messages due at `now` (oldest first). */
  dueMessages(now: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Claims a due message for one attempt by moving its next attempt to `leaseUntil` (compare-and-set on the
   * value read), so that two senders never post the same attempt. False when someone else claimed it.
   */
  claimMessage(message: OutboxMessage, leaseUntil: string): Promise<boolean>;
  /** Logs an attempt and sets the message's new status, attempts, next attempt and error. */
  recordAttempt(
    attempt: DeliveryAttempt,
    next: Pick<OutboxMessage, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'deliveredAt'>,
  ): Promise<void>;
  outbox(filter?: {
    endpointId?: string;
    status?: OutboxStatus;
    messageId?: string;
  }): Promise<OutboxMessage[]>;
  /** The delivery log, oldest first. */
  deliveries(filter?: {
    endpointId?: string;
    messageId?: string;
    limit?: number;
  }): Promise<DeliveryAttempt[]>;
}
