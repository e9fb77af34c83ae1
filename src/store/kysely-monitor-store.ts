// The MonitorStore on Kysely, for SQLite and PostgreSQL. Every monitor step is one transaction that writes the
// alerts, their events and the webhook outbox together (the transactional outbox pattern): an event is sent if and
// only if the change it reports was committed, and a killed process leaves both as they were.
import type { Selectable, Transaction } from 'kysely';
import { batches, inChunks, keysetPages, ROWS_PER_INSERT, ROWS_PER_PAGE } from './kysely/batching.ts';
import { KyselyStoreBase } from './kysely/store-base.ts';
import { migrated, openKysely } from './kysely/open-kysely.ts';
import type {
  AlertEvent,
  AlertFilter,
  AlertKind,
  AlertRecord,
  AlertState,
  DeliveryAttempt,
  MonitorBatch,
  MonitorStore,
  MonitorWriteHooks,
  OutboxEvent,
  OutboxMessage,
  OutboxStatus,
  PendingDecision,
  WebhookEndpoint,
} from './monitor-store.ts';
import { ALERT_STATES } from './monitor-store.ts';

interface AlertsTable {
  alert_id: string;
  finding_key: string;
  kind: string;
  party_id: string;
  entity_id: string | null;
  rule_id: string | null;
  list_id: string | null;
  state: string;
  present: number;
  score: number;
  summary: string;
  material: string;
  material_hash: string;
  finding: string;
  pending: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface EventsTable {
  alert_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  detail: string;
}

interface SettingsTable {
  name: string;
  value: string;
}

interface EndpointsTable {
  endpoint_id: string;
  url: string;
  secret: string;
  events: string;
  description: string;
  created_at: string;
  disabled_at: string | null;
}

interface OutboxTable {
  message_id: string;
  endpoint_id: string;
  event_type: string;
  body: string;
  created_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
}

interface DeliveriesTable {
  message_id: string;
  endpoint_id: string;
  attempt: number;
  at: string;
  outcome: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

interface MonitorDatabase {
  monitor_alerts: AlertsTable;
  monitor_alert_events: EventsTable;
  monitor_settings: SettingsTable;
  webhook_endpoints: EndpointsTable;
  webhook_outbox: OutboxTable;
  webhook_deliveries: DeliveriesTable;
}

/** Values per `in (…)` list of a lookup by key. */
const VALUES_PER_IN = 1000;

function alertRow(a: AlertRecord): AlertsTable {
  return {
    alert_id: a.alertId,
    finding_key: a.key,
    kind: a.kind,
    party_id: a.partyId,
    entity_id: a.entityId,
    rule_id: a.ruleId,
    list_id: a.listId,
    state: a.state,
    present: a.present ? 1 : 0,
    score: a.score,
    summary: a.summary,
    material: JSON.stringify(a.material ?? null),
    material_hash: a.materialHash,
    finding: JSON.stringify(a.finding ?? null),
    pending: a.pending === null ? null : JSON.stringify(a.pending),
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    revision: a.revision,
  };
}

function toAlert(r: Selectable<AlertsTable>): AlertRecord {
  return {
    alertId: r.alert_id,
    key: r.finding_key,
    kind: r.kind as AlertKind,
    partyId: r.party_id,
    entityId: r.entity_id,
    ruleId: r.rule_id,
    listId: r.list_id,
    state: r.state as AlertState,
    present: Number(r.present) === 1,
    score: Number(r.score),
    summary: r.summary,
    material: JSON.parse(r.material) as unknown,
    materialHash: r.material_hash,
    finding: JSON.parse(r.finding) as unknown,
    pending: r.pending === null ? null : (JSON.parse(r.pending) as PendingDecision),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: Number(r.revision),
  };
}

function eventRow(e: AlertEvent): EventsTable {
  return {
    alert_id: e.alertId,
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    from_state: e.fromState,
    to_state: e.toState,
    reason: e.reason,
    detail: JSON.stringify(e.detail ?? null),
  };
}

function toEvent(r: Selectable<EventsTable>): AlertEvent {
  return {
    alertId: r.alert_id,
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    fromState: r.from_state as AlertState | null,
    toState: r.to_state as AlertState,
    reason: r.reason,
    detail: JSON.parse(r.detail) as unknown,
  };
}

function toEndpoint(r: Selectable<EndpointsTable>): WebhookEndpoint {
  return {
    endpointId: r.endpoint_id,
    url: r.url,
    secret: r.secret,
    events: JSON.parse(r.events) as string[],
    description: r.description,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

function toMessage(r: Selectable<OutboxTable>): OutboxMessage {
  return {
    messageId: r.message_id,
    endpointId: r.endpoint_id,
    type: r.event_type,
    body: r.body,
    createdAt: r.created_at,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
  };
}

function toAttempt(r: Selectable<DeliveriesTable>): DeliveryAttempt {
  return {
    messageId: r.message_id,
    endpointId: r.endpoint_id,
    attempt: Number(r.attempt),
    at: r.at,
    outcome: r.outcome as DeliveryAttempt['outcome'],
    statusCode: r.status_code === null ? null : Number(r.status_code),
    error: r.error,
    durationMs: Number(r.duration_ms),
  };
}

const ALERT_UPDATE = [
  'finding_key',
  'kind',
  'party_id',
  'entity_id',
  'rule_id',
  'list_id',
  'state',
  'present',
  'score',
  'summary',
  'material',
  'material_hash',
  'finding',
  'pending',
  'updated_at',
  'revision',
] as const;

export class KyselyMonitorStore extends KyselyStoreBase<MonitorDatabase> implements MonitorStore {
  async alert(alertId: string): Promise<AlertRecord | undefined> {
    const row = await this.db
      .selectFrom('monitor_alerts')
      .selectAll()
      .where('alert_id', '=', alertId)
      .executeTakeFirst();
    return row === undefined ? undefined : toAlert(row);
  }

  async #alertsWhere(
    column: 'finding_key' | 'party_id' | 'entity_id',
    values: readonly string[],
    kind?: AlertKind,
  ): Promise<AlertRecord[]> {
    const rows = await inChunks(values, VALUES_PER_IN, (chunk) => {
      let q = this.db.selectFrom('monitor_alerts').selectAll().where(column, 'in', chunk);
      if (kind !== undefined) q = q.where('kind', '=', kind);
      return q.orderBy('alert_id').execute();
    });
    return rows.map(toAlert);
  }

  alertsByKeys(keys: readonly string[]): Promise<AlertRecord[]> {
    return this.#alertsWhere('finding_key', keys);
  }

  alertsOfParties(partyIds: readonly string[]): Promise<AlertRecord[]> {
    return this.#alertsWhere('party_id', partyIds);
  }

  alertsOfEntities(entityIds: readonly string[]): Promise<AlertRecord[]> {
    return this.#alertsWhere('entity_id', entityIds, 'name');
  }

  async *presentAlerts(kind?: AlertKind): AsyncIterable<AlertRecord> {
    const pages = keysetPages(ROWS_PER_PAGE, (after: Selectable<AlertsTable> | undefined, limit) => {
      let q = this.db.selectFrom('monitor_alerts').selectAll().where('present', '=', 1);
      if (kind !== undefined) q = q.where('kind', '=', kind);
      if (after !== undefined) q = q.where('alert_id', '>', after.alert_id);
      return q.orderBy('alert_id').limit(limit).execute();
    });
    for await (const row of pages) yield toAlert(row);
  }

  async listAlerts(filter: AlertFilter = {}): Promise<AlertRecord[]> {
    let q = this.db.selectFrom('monitor_alerts').selectAll();
    if (filter.states !== undefined && filter.states.length > 0)
      q = q.where('state', 'in', [...filter.states]);
    if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
    if (filter.partyId !== undefined) q = q.where('party_id', '=', filter.partyId);
    if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
    if (filter.present !== undefined) q = q.where('present', '=', filter.present ? 1 : 0);
    if (filter.updatedAfter !== undefined) q = q.where('updated_at', '>', filter.updatedAfter);
    if (filter.after !== undefined) q = q.where('alert_id', '>', filter.after);
    const rows = await q
      .orderBy('alert_id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toAlert);
  }

  async countByState(
    filter: Pick<AlertFilter, 'kind' | 'present'> = {},
  ): Promise<Record<AlertState, number>> {
    let q = this.db.selectFrom('monitor_alerts').select(['state', (eb) => eb.fn.countAll().as('n')]);
    if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
    if (filter.present !== undefined) q = q.where('present', '=', filter.present ? 1 : 0);
    const rows = await q.groupBy('state').execute();
    const out = Object.fromEntries(ALERT_STATES.map((s) => [s, 0])) as Record<AlertState, number>;
    for (const r of rows) out[r.state as AlertState] = Number(r.n);
    return out;
  }

  async events(alertId: string): Promise<AlertEvent[]> {
    const rows = await this.db
      .selectFrom('monitor_alert_events')
      .selectAll()
      .where('alert_id', '=', alertId)
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  }

  async #upsertAlerts(trx: Transaction<MonitorDatabase>, alerts: readonly AlertRecord[]): Promise<void> {
    for (const chunk of batches(alerts, ROWS_PER_INSERT)) {
      await trx
        .insertInto('monitor_alerts')
        .values(chunk.map(alertRow))
        .onConflict((oc) =>
          oc
            .column('alert_id')
            .doUpdateSet((eb) => Object.fromEntries(ALERT_UPDATE.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .execute();
    }
  }

  /** Fans each event out to the enabled endpoints subscribed to its type. */
  async #enqueue(trx: Transaction<MonitorDatabase>, events: readonly OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const endpoints = (
      await trx.selectFrom('webhook_endpoints').selectAll().where('disabled_at', 'is', null).execute()
    ).map(toEndpoint);
    const rows: OutboxTable[] = [];
    for (const e of events) {
      for (const ep of endpoints) {
        if (ep.events.length > 0 && !ep.events.includes(e.type)) continue;
        rows.push({
          message_id: e.messageId,
          endpoint_id: ep.endpointId,
          event_type: e.type,
          body: e.body,
          created_at: e.createdAt,
          status: 'pending',
          attempts: 0,
          next_attempt_at: e.createdAt,
          last_error: null,
          delivered_at: null,
        });
      }
    }
    for (const chunk of batches(rows, ROWS_PER_INSERT))
      await trx.insertInto('webhook_outbox').values(chunk).execute();
  }

  async #writeSettings(
    trx: Transaction<MonitorDatabase>,
    settings: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    for (const [name, value] of Object.entries(settings)) {
      await trx
        .insertInto('monitor_settings')
        .values({ name, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    }
  }

  async commit(batch: MonitorBatch, hooks: MonitorWriteHooks = {}): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.#upsertAlerts(trx, batch.alerts);
      for (const chunk of batches(batch.events, ROWS_PER_INSERT))
        await trx.insertInto('monitor_alert_events').values(chunk.map(eventRow)).execute();
      await this.#enqueue(trx, batch.outbox);
      if (batch.settings !== undefined) await this.#writeSettings(trx, batch.settings);
      await hooks.beforeCommit?.();
    });
  }

  async updateAlert(
    alert: AlertRecord,
    expectedRevision: number,
    event: AlertEvent,
    outbox: readonly OutboxEvent[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = alertRow(alert);
      const result = await trx
        .updateTable('monitor_alerts')
        .set(Object.fromEntries(ALERT_UPDATE.map((c) => [c, row[c]])))
        .where('alert_id', '=', alert.alertId)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx.insertInto('monitor_alert_events').values(eventRow(event)).execute();
      await this.#enqueue(trx, outbox);
      return true;
    });
  }

  async setting(name: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('monitor_settings')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  async addEndpoint(e: WebhookEndpoint): Promise<void> {
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        endpoint_id: e.endpointId,
        url: e.url,
        secret: e.secret,
        events: JSON.stringify(e.events),
        description: e.description,
        created_at: e.createdAt,
        disabled_at: e.disabledAt,
      })
      .execute();
  }

  async endpoint(endpointId: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirst();
    return row === undefined ? undefined : toEndpoint(row);
  }

  async endpoints(options: { includeDisabled?: boolean } = {}): Promise<WebhookEndpoint[]> {
    let q = this.db.selectFrom('webhook_endpoints').selectAll();
    if (options.includeDisabled !== true) q = q.where('disabled_at', 'is', null);
    return (await q.orderBy('created_at').orderBy('endpoint_id').execute()).map(toEndpoint);
  }

  async disableEndpoint(endpointId: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('webhook_endpoints')
        .set({ disabled_at: at })
        .where('endpoint_id', '=', endpointId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx
        .updateTable('webhook_outbox')
        .set({ status: 'failed', last_error: 'endpoint disabled' })
        .where('endpoint_id', '=', endpointId)
        .where('status', '=', 'pending')
        .execute();
      return true;
    });
  }

  async dueMessages(now: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('webhook_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .orderBy('message_id')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  async claimMessage(m: OutboxMessage, leaseUntil: string): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_outbox')
      .set({ next_attempt_at: leaseUntil })
      .where('message_id', '=', m.messageId)
      .where('endpoint_id', '=', m.endpointId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', m.nextAttemptAt)
      .where('attempts', '=', m.attempts)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async recordAttempt(
    a: DeliveryAttempt,
    next: Pick<OutboxMessage, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'deliveredAt'>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          message_id: a.messageId,
          endpoint_id: a.endpointId,
          attempt: a.attempt,
          at: a.at,
          outcome: a.outcome,
          status_code: a.statusCode,
          error: a.error,
          duration_ms: a.durationMs,
        })
        .execute();
      await trx
        .updateTable('webhook_outbox')
        .set({
          status: next.status,
          attempts: next.attempts,
          next_attempt_at: next.nextAttemptAt,
          last_error: next.lastError,
          delivered_at: next.deliveredAt,
        })
        .where('message_id', '=', a.messageId)
        .where('endpoint_id', '=', a.endpointId)
        .execute();
    });
  }

  async outbox(
    filter: { endpointId?: string; status?: OutboxStatus; messageId?: string } = {},
  ): Promise<OutboxMessage[]> {
    let q = this.db.selectFrom('webhook_outbox').selectAll();
    if (filter.endpointId !== undefined) q = q.where('endpoint_id', '=', filter.endpointId);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.messageId !== undefined) q = q.where('message_id', '=', filter.messageId);
    return (await q.orderBy('created_at').orderBy('message_id').orderBy('endpoint_id').execute()).map(
      toMessage,
    );
  }

  async deliveries(
    filter: { endpointId?: string; messageId?: string; limit?: number } = {},
  ): Promise<DeliveryAttempt[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll();
    if (filter.endpointId !== undefined) q = q.where('endpoint_id', '=', filter.endpointId);
    if (filter.messageId !== undefined) q = q.where('message_id', '=', filter.messageId);
    const rows = await q
      .orderBy('at')
      .orderBy('message_id')
      .orderBy('attempt')
      .limit(filter.limit ?? 1000)
      .execute();
    return rows.map(toAttempt);
  }
}

/** Opens and migrates the monitor store in the database at `location` (the same location as the list store). */
export async function openMonitorStore(location: string): Promise<MonitorStore> {
  const { db, dialect } = openKysely<MonitorDatabase>(location, { poolSize: 4 });
  return migrated<MonitorStore>(new KyselyMonitorStore(db, dialect));
}
