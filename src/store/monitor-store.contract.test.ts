// The MonitorStore contract on SQLite and PostgreSQL: alerts with their events and outbox written in one
// transaction (or not at all), lookups by key / party / entity, an optimistic lock on decisions, outbox fan-out to
// subscribed endpoints, claims that two senders cannot both win, the delivery log, and settings.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS, createTestDatabase } from '../../test/support/databases.ts';
import {
  openMonitorStore,
  type AlertEvent,
  type AlertRecord,
  type MonitorStore,
  type WebhookEndpoint,
} from './index.ts';

const AT = '2026-03-01T10:00:00.000Z';

function alert(n: number, over: Partial<AlertRecord> = {}): AlertRecord {
  return {
    alertId: `al_${String(n).padStart(4, '0')}`,
    key: `name:P-${n}\u001fus_ofac_cons:30946`,
    kind: 'name',
    partyId: `P-${n}`,
    entityId: 'us_ofac_cons:30946',
    ruleId: null,
    listId: 'us_ofac_cons',
    state: 'open',
    present: true,
    score: 0.91,
    summary: `party ${n}`,
    material: { party: { names: [`Party ${n}`] } },
    materialHash: 'h1',
    finding: { score: 0.91 },
    pending: null,
    createdAt: AT,
    updatedAt: AT,
    revision: 1,
    ...over,
  };
}

function opened(a: AlertRecord): AlertEvent {
  return {
    alertId: a.alertId,
    seq: a.revision,
    at: AT,
    actor: 'system:monitor',
    action: 'opened',
    fromState: null,
    toState: a.state,
    reason: null,
    detail: {},
  };
}

function endpoint(id: string, events: string[] = []): WebhookEndpoint {
  return {
    endpointId: id,
    url: `http://127.0.0.1:9/${id}`,
    secret: 'whsec_dGVzdA==',
    events,
    description: id,
    createdAt: AT,
    disabledAt: null,
  };
}

async function withStore(
  dialect: (typeof DIALECTS)[number],
  fn: (s: MonitorStore) => Promise<void>,
): Promise<void> {
  const db = await createTestDatabase(dialect);
  const store = await openMonitorStore(db.location);
  try {
    await fn(store);
  } finally {
    await store.close();
    await db.drop();
  }
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const dialect of DIALECTS) {
  describe(`MonitorStore on ${dialect}`, () => {
    test('commit writes alerts, events, outbox and settings together; lookups find them', () =>
      withStore(dialect, async (s) => {
        await s.addEndpoint(endpoint('ep_all'));
        await s.addEndpoint(endpoint('ep_lists', ['list.version_imported']));
        const alerts = [
          alert(1),
          alert(2, {
            kind: 'ownership',
            key: 'ownership:P-2\u001fus_ofac_50',
            entityId: null,
            ruleId: 'us_ofac_50',
            listId: null,
          }),
          alert(3, { present: false, state: 'closed' }),
        ];
        await s.commit({
          alerts,
          events: alerts.map(opened),
          outbox: [
            { messageId: 'msg_1', type: 'alert.opened', body: '{"type":"alert.opened"}', createdAt: AT },
          ],
          settings: { cursor: { lists: { us_ofac_cons: 2 }, bookRevision: 3 } },
        });
        assert.deepEqual(await s.alert('al_0001'), alerts[0]);
        assert.deepEqual(
          (await s.alertsByKeys([alerts[1]!.key])).map((a) => a.alertId),
          ['al_0002'],
        );
        assert.deepEqual(
          (await s.alertsOfParties(['P-1', 'P-3'])).map((a) => a.alertId),
          ['al_0001', 'al_0003'],
        );
        assert.deepEqual(
          (await s.alertsOfEntities(['us_ofac_cons:30946'])).map((a) => a.alertId),
          ['al_0001', 'al_0003'],
          'name alerts only',
        );
        assert.deepEqual(
          (await all(s.presentAlerts())).map((a) => a.alertId),
          ['al_0001', 'al_0002'],
        );
        assert.deepEqual(
          (await all(s.presentAlerts('ownership'))).map((a) => a.alertId),
          ['al_0002'],
        );
        assert.deepEqual(
          (await s.listAlerts({ states: ['closed'] })).map((a) => a.alertId),
          ['al_0003'],
        );
        assert.deepEqual(
          (await s.listAlerts({ limit: 1, after: 'al_0001' })).map((a) => a.alertId),
          ['al_0002'],
        );
        assert.deepEqual(await s.listAlerts({ updatedAfter: AT }), [], 'nothing changed after AT');
        assert.equal((await s.listAlerts({ updatedAfter: '2026-03-01T09:00:00.000Z' })).length, 3);
        assert.deepEqual(await s.countByState({ present: true }), {
          open: 2,
          in_review: 0,
          cleared: 0,
          confirmed: 0,
          escalated: 0,
          closed: 0,
        });
        assert.equal((await s.events('al_0002'))[0]?.action, 'opened');
        assert.deepEqual(await s.setting('cursor'), { lists: { us_ofac_cons: 2 }, bookRevision: 3 });
        assert.equal(await s.setting('missing'), undefined);
        // Fan-out: the alert event goes to the endpoint subscribed to everything, not to the list-only one.
        assert.deepEqual(
          (await s.outbox()).map((m) => [m.messageId, m.endpointId, m.status]),
          [['msg_1', 'ep_all', 'pending']],
        );
      }));

    test('a failed commit writes nothing', () =>
      withStore(dialect, async (s) => {
        await s.addEndpoint(endpoint('ep'));
        const a = alert(1);
        await assert.rejects(
          s.commit(
            {
              alerts: [a],
              events: [opened(a)],
              outbox: [{ messageId: 'msg_x', type: 'alert.opened', body: '{}', createdAt: AT }],
            },
            { beforeCommit: async () => Promise.reject(new Error('killed')) },
          ),
          /killed/,
        );
        assert.equal(await s.alert(a.alertId), undefined);
        assert.deepEqual(await s.events(a.alertId), []);
        assert.deepEqual(await s.outbox(), []);
      }));

    test('updateAlert is an optimistic lock: the second decision on the same revision loses', () =>
      withStore(dialect, async (s) => {
        const a = alert(1);
        await s.commit({ alerts: [a], events: [opened(a)], outbox: [] });
        const next = { ...a, state: 'in_review' as const, revision: 2 };
        const event: AlertEvent = { ...opened(next), action: 'review', fromState: 'open' };
        assert.equal(await s.updateAlert(next, 1, event, []), true);
        assert.equal(
          await s.updateAlert({ ...next, state: 'cleared' }, 1, { ...event, toState: 'cleared' }, []),
          false,
        );
        assert.equal((await s.alert(a.alertId))?.state, 'in_review');
        assert.deepEqual(
          (await s.events(a.alertId)).map((e) => e.seq),
          [1, 2],
        );
      }));

    test('outbox: due messages, one claim per attempt, delivery log, disabling fails pending messages', () =>
      withStore(dialect, async (s) => {
        await s.addEndpoint(endpoint('ep1'));
        await s.addEndpoint(endpoint('ep2'));
        await s.commit({
          alerts: [],
          events: [],
          outbox: [{ messageId: 'msg_1', type: 'list.version_imported', body: '{"a":1}', createdAt: AT }],
        });
        const due = await s.dueMessages(AT, 10);
        assert.deepEqual(
          due.map((m) => m.endpointId),
          ['ep1', 'ep2'],
        );
        assert.deepEqual(
          await s.dueMessages('2026-03-01T09:59:59.999Z', 10),
          [],
          'not due before it was created',
        );
        const lease = '2026-03-01T10:00:30.000Z';
        assert.equal(await s.claimMessage(due[0]!, lease), true);
        assert.equal(await s.claimMessage(due[0]!, lease), false, 'a second sender loses the claim');
        await s.recordAttempt(
          {
            messageId: 'msg_1',
            endpointId: 'ep1',
            attempt: 1,
            at: AT,
            outcome: 'retry',
            statusCode: 500,
            error: 'HTTP 500',
            durationMs: 3,
          },
          {
            status: 'pending',
            attempts: 1,
            nextAttemptAt: '2026-03-01T10:00:05.000Z',
            lastError: 'HTTP 500',
            deliveredAt: null,
          },
        );
        const [m] = await s.outbox({ endpointId: 'ep1' });
        assert.deepEqual(
          [m?.attempts, m?.nextAttemptAt, m?.lastError, m?.body],
          [1, '2026-03-01T10:00:05.000Z', 'HTTP 500', '{"a":1}'],
        );
        assert.deepEqual(
          (await s.deliveries({ endpointId: 'ep1' })).map((d) => [d.attempt, d.outcome, d.statusCode]),
          [[1, 'retry', 500]],
        );
        assert.equal(await s.disableEndpoint('ep2', AT), true);
        assert.equal(await s.disableEndpoint('ep2', AT), false);
        assert.deepEqual(
          (await s.outbox({ endpointId: 'ep2' })).map((x) => x.status),
          ['failed'],
        );
        assert.deepEqual(
          (await s.endpoints()).map((e) => e.endpointId),
          ['ep1'],
        );
        assert.equal((await s.endpoints({ includeDisabled: true })).length, 2);
        // A later event no longer goes to the disabled endpoint.
        await s.commit({
          alerts: [],
          events: [],
          outbox: [{ messageId: 'msg_2', type: 'alert.decided', body: '{}', createdAt: AT }],
        });
        assert.deepEqual(
          (await s.outbox({ messageId: 'msg_2' })).map((x) => x.endpointId),
          ['ep1'],
        );
      }));
  });
}
