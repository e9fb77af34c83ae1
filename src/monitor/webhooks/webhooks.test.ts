// Webhooks: the Standard Webhooks test vector, and delivery from the store-backed outbox to a real HTTP receiver on
// 127.0.0.1 that is down (connection refused), then failing (500), then accepting — across a restart of the sender,
// on SQLite and PostgreSQL. Events arrive once accepted, every attempt is signed and verifies, ids never change.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS, createTestDatabase } from '../../../test/support/databases.ts';
import { openMonitorStore, type MonitorStore } from '../../store/index.ts';
import { backoffMs, deliverDue } from './deliver.ts';
import { addEndpoint } from './endpoints.ts';
import { listVersionImported } from './events.ts';
import { sign, verify } from './sign.ts';
import { freePort, Receiver } from './test-receiver.ts';

describe('Standard Webhooks signature', () => {
  test('reproduces the published test vector', () => {
    // https://github.com/standard-webhooks/standard-webhooks (reference libraries' tests).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    assert.equal(
      sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
    const headers = {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: '1614265330',
      signature: 'v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    assert.equal(verify(secret, headers, body, 1614265330), true);
    assert.equal(verify(secret, headers, `${body} `, 1614265330), false, 'a changed body fails');
    assert.equal(verify(secret, headers, body, 1614265330 + 301), false, 'an old timestamp fails');
  });

  test('backoff doubles from the base and stops at the cap', () => {
    const o = { baseDelayMs: 5000, maxDelayMs: 60_000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, o)),
      [5000, 10_000, 20_000, 40_000, 60_000, 60_000],
    );
  });
});

for (const dialect of DIALECTS) {
  test(`webhooks survive a receiver outage and a sender restart (${dialect})`, async () => {
    const db = await createTestDatabase(dialect);
    const port = await freePort();
    const receiver = new Receiver(port);
    receiver.status = 500;
    let clock = new Date('2026-03-01T10:00:00.000Z');
    const options = {
      now: () => clock,
      baseDelayMs: 5_000,
      maxDelayMs: 60_000,
      maxAttempts: 10,
      timeoutMs: 2_000,
    };
    let store: MonitorStore = await openMonitorStore(db.location);
    try {
      const endpoint = await addEndpoint(store, { url: `http://127.0.0.1:${port}/hooks` }, clock);
      const events = [1, 2, 3].map((v) =>
        listVersionImported(
          {
            listId: 'us_ofac_cons',
            version: v,
            previousVersion: v - 1,
            entityCount: 442,
            added: 1,
            changed: 0,
            removed: 0,
            importedAt: clock.toISOString(),
          },
          clock,
        ),
      );
      await store.commit({ alerts: [], events: [], outbox: events });
      const ids = events.map((e) => e.messageId);

      // 1. Down: the connection is refused; each message is scheduled again after the base delay.
      const down = await deliverDue(store, options);
      assert.deepEqual(down, { attempted: 3, delivered: 0, retrying: 3, failed: 0 });
      assert.match((await store.outbox())[0]!.lastError ?? '', /ECONNREFUSED/);
      assert.equal((await deliverDue(store, options)).attempted, 0, 'nothing is due before the backoff');

      // 2. Up but failing: 500 on every request.
      await receiver.start();
      clock = new Date(clock.getTime() + 5_000);
      assert.deepEqual(await deliverDue(store, options), {
        attempted: 3,
        delivered: 0,
        retrying: 3,
        failed: 0,
      });

      // 3. Restart: a new store (as a new Embargo process would open) continues from the outbox.
      await store.close();
      store = await openMonitorStore(db.location);
      receiver.status = 200;
      clock = new Date(clock.getTime() + 9_999);
      assert.equal((await deliverDue(store, options)).attempted, 0, 'the second backoff is 10 s');
      clock = new Date(clock.getTime() + 1);
      assert.deepEqual(await deliverDue(store, options), {
        attempted: 3,
        delivered: 3,
        retrying: 0,
        failed: 0,
      });
      assert.equal((await deliverDue(store, options)).attempted, 0, 'delivered messages are not sent again');

      // Every request verifies, carries an outbox id, and the same id across its attempts; each arrived once accepted.
      assert.equal(receiver.received.length, 6);
      for (const r of receiver.received)
        assert.equal(verify(endpoint.secret, r, r.body, Number(r.timestamp)), true);
      assert.deepEqual([...new Set(receiver.received.map((r) => r.id))].sort(), [...ids].sort());
      for (const id of ids) {
        const mine = receiver.received.filter((r) => r.id === id);
        assert.deepEqual(
          mine.map((r) => r.answered),
          [500, 200],
        );
        assert.equal(mine[0]!.body, mine[1]!.body, 'the same bytes on every attempt');
        assert.notEqual(mine[0]!.timestamp, mine[1]!.timestamp, 'a fresh timestamp per attempt');
        assert.deepEqual(JSON.parse(mine[1]!.body).type, 'list.version_imported');
      }
      const log = await store.deliveries({ messageId: ids[0]! });
      assert.deepEqual(
        log.map((d) => [d.attempt, d.outcome, d.statusCode]),
        [
          [1, 'retry', null],
          [2, 'retry', 500],
          [3, 'delivered', 200],
        ],
      );
      assert.deepEqual(
        (await store.outbox()).map((m) => m.status),
        ['delivered', 'delivered', 'delivered'],
      );
    } finally {
      await receiver.stop();
      await store.close();
      await db.drop();
    }
  });
}
