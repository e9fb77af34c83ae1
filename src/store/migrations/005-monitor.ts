// Migration 005: continuous monitoring (docs/design/monitoring.md): alerts (one row per finding key, reopened as
// findings come back), their event history, monitor settings and cursor, and the webhook endpoints, outbox and
// delivery log. Same DDL on SQLite and PostgreSQL; JSON kept as text, booleans as 0/1 integers, times as ISO text
// (one format, so they compare as strings).
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

async function createAlerts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitor_alerts')
    .addColumn('alert_id', 'text', (c) => c.primaryKey())
    // `name:<party>:<entity>` or `ownership:<party>:<rule>`: one alert per finding, ever.
    .addColumn('finding_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('list_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    // 1 while the finding holds (the last monitor run found it), 0 once it is gone.
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // The material data the finding rests on (names, identifiers, …) and its hash: suppression compares them.
    .addColumn('material', 'text', (c) => c.notNull())
    .addColumn('material_hash', 'text', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    // A decision waiting for a second user's approval (four-eyes), JSON or null.
    .addColumn('pending', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Bumped by every event: the event's sequence number, and the optimistic lock of decisions.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitor_alerts_party').on('monitor_alerts').column('party_id').execute();
  await db.schema.createIndex('monitor_alerts_entity').on('monitor_alerts').column('entity_id').execute();
  await db.schema
    .createIndex('monitor_alerts_state')
    .on('monitor_alerts')
    .columns(['state', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('monitor_alerts_present')
    .on('monitor_alerts')
    .columns(['present', 'kind'])
    .execute();
  await db.schema
    .createTable('monitor_alert_events')
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_alert_events_pk', ['alert_id', 'seq'])
    .execute();
  await db.schema
    .createTable('monitor_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function createWebhooks(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('endpoint_id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    // The signing secret (`whsec_<base64>`): kept in clear, the sender needs it for every signature.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('webhook_outbox')
    // The Standard Webhooks message id (`webhook-id`): the same on every retry and after a restart.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The exact JSON body sent (and signed) on every attempt.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addPrimaryKeyConstraint('webhook_outbox_pk', ['message_id', 'endpoint_id'])
    .execute();
  await db.schema
    .createIndex('webhook_outbox_due')
    .on('webhook_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['message_id', 'endpoint_id', 'attempt'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'at'])
    .execute();
}

export const m005_monitor: Migration = {
  async up(db: Kysely<unknown>) {
    await createAlerts(db);
    await createWebhooks(db);
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'webhook_deliveries',
      'webhook_outbox',
      'webhook_endpoints',
      'monitor_settings',
      'monitor_alert_events',
      'monitor_alerts',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
