// Continuous monitoring over HTTP on SQLite and PostgreSQL: the Hikvision scenario on the real OFAC files through
// /v1/monitor/runs and /v1/alerts, four-eyes decisions by two API keys, webhooks registered through /v1/webhooks and
// delivered signed to a receiver on 127.0.0.1; role checks and input errors.
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { describe, test } from 'node:test';
import { createApiKey } from '../../app/api-keys.ts';
import { openApp } from '../../app/context.ts';
import { openMonitoring } from '../../app/monitoring.ts';
import { openScreening } from '../../app/screening-context.ts';
import { loadConfig } from '../../config/config.ts';
import { listId } from '../../domain/ids.ts';
import { importList } from '../../ingest/import-list.ts';
import { verify } from '../../monitor/index.ts';
import { CONS_DIR, SDN_DIR, importBook, ofacSetWithout } from '../../monitor/testing.ts';
import { freePort, Receiver } from '../../monitor/webhooks/test-receiver.ts';
import { openBookStore } from '../../store/index.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import { buildApi } from '../app.ts';

const TODAY = '2026-01-15';

for (const dialect of DIALECTS) {
  describe(`monitoring API on ${dialect}`, () => {
    test('scenario through /v1/monitor/runs, /v1/alerts and /v1/webhooks', { timeout: 120_000 }, async () => {
      const db = await createTestDatabase(dialect);
      const app = await openApp(loadConfig({ EMBARGO_DB: db.location }));
      const receiver = new Receiver(await freePort());
      await receiver.start();
      const screening = await openScreening(app, { worker: false });
      const monitoring = await openMonitoring(app, { audit: screening.audit });
      const api = await buildApi(
        { store: app.store, audit: screening.audit, service: screening.service, monitoring },
        { requireKeys: true, localUser: userInfo().username },
      );
      try {
        await importList(app.store, ofacSetWithout(CONS_DIR, ['30946']), {
          listId: listId('us_ofac_cons'),
          today: TODAY,
        });
        await importList(app.store, ofacSetWithout(SDN_DIR, ['27063']), {
          listId: listId('us_ofac_sdn'),
          today: TODAY,
        });
        const book = await openBookStore(db.location);
        await importBook({ ...monitoring.deps, book });
        await book.close();
        const key = async (name: string, role: 'screener' | 'analyst' | 'admin') =>
          (await createApiKey(screening.audit, name, role)).secret;
        const [admin, anna, ben, screener] = [
          await key('admin', 'admin'),
          await key('anna', 'analyst'),
          await key('ben', 'analyst'),
          await key('screener', 'screener'),
        ];
        const call = async (
          secret: string,
          method: 'GET' | 'POST' | 'PUT' | 'DELETE',
          url: string,
          payload?: unknown,
        ) => {
          const res = await api.inject({
            method,
            url,
            headers: { authorization: `Bearer ${secret}` },
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
          return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
        };

        // Webhooks: admin only; the secret is in the POST answer only.
        assert.equal((await call(screener, 'POST', '/v1/webhooks', { url: receiver.url })).status, 403);
        assert.equal((await call(admin, 'POST', '/v1/webhooks', { url: 'ftp://example.org/x' })).status, 400);
        const created = await call(admin, 'POST', '/v1/webhooks', { url: receiver.url });
        assert.equal(created.status, 201);
        const secret = created.body['secret'] as string;
        assert.match(secret, /^whsec_/);
        const listed = await call(admin, 'GET', '/v1/webhooks');
        assert.equal(JSON.stringify(listed.body).includes(secret), false, 'the secret is never listed');

        // Version 1: the whole book is screened; the only alerts are none (the fixture book has no namesake here).
        const first = await call(admin, 'POST', '/v1/monitor/runs', { date: TODAY });
        assert.equal(first.status, 200);
        assert.equal(first.body['mode'], 'full');
        assert.deepEqual((await call(anna, 'GET', '/v1/alerts')).body['alerts'], []);

        // Version 2: the real files.
        await importList(app.store, CONS_DIR, { listId: listId('us_ofac_cons'), today: TODAY });
        await importList(app.store, SDN_DIR, { listId: listId('us_ofac_sdn'), today: TODAY });
        const second = await call(admin, 'POST', '/v1/monitor/runs', { date: TODAY });
        assert.equal(second.body['mode'], 'delta');
        const open = (await call(anna, 'GET', '/v1/alerts')).body['alerts'] as {
          alert_id: string;
          party_id: string;
          entity_id: string | null;
          rule_id: string | null;
          kind: string;
        }[];
        assert.deepEqual(open.map((a) => `${a.party_id} ${a.entity_id ?? a.rule_id}`).sort(), [
          'C-1001 us_ofac_cons:30946',
          'C-1010 us_ofac_sdn:27063',
          'C-1011 us_ofac_50',
        ]);
        assert.deepEqual(
          (await call(anna, 'GET', '/v1/alerts?party_id=C-1002&state=open,closed,cleared')).body['alerts'],
          [],
          'no rule extends the NS-CMIC listing',
        );

        // Four-eyes: anna's confirm waits for ben.
        assert.equal(
          (await call(anna, 'PUT', '/v1/alerts/policy', { clear: true, confirm: true })).status,
          403,
          'the policy is an admin setting',
        );
        assert.equal(
          (await call(admin, 'PUT', '/v1/alerts/policy', { clear: true, confirm: true })).status,
          200,
        );
        const hik = open.find((a) => a.party_id === 'C-1001')!;
        const url = `/v1/alerts/${hik.alert_id}/decisions`;
        assert.equal(
          (await call(anna, 'POST', url, { action: 'confirm' })).status,
          400,
          'a decision needs a reason',
        );
        assert.equal((await call(anna, 'POST', url, { action: 'bless', reason: 'x' })).status, 400);
        assert.equal((await call(screener, 'POST', url, { action: 'review' })).status, 403);
        const requested = await call(anna, 'POST', url, {
          action: 'confirm',
          reason: 'USCC 91330000733796106P matches the listing',
        });
        assert.deepEqual(
          [requested.status, requested.body['state'], requested.body['event']],
          [200, 'in_review', 'confirm_requested'],
        );
        const self = await call(anna, 'POST', url, { action: 'approve' });
        assert.deepEqual([self.status, (self.body['error'] as { code: string }).code], [409, 'conflict']);
        const approved = await call(ben, 'POST', url, { action: 'approve' });
        assert.deepEqual(
          [approved.status, approved.body['state'], approved.body['decided']],
          [200, 'confirmed', true],
        );
        const shown = await call(anna, 'GET', `/v1/alerts/${hik.alert_id}`);
        assert.deepEqual(
          (shown.body['events'] as { action: string; actor: string }[]).map((e) => `${e.action} ${e.actor}`),
          ['opened key:admin', 'confirm_requested key:anna', 'approved key:ben'],
        );
        assert.equal((await call(anna, 'GET', '/v1/alerts/al_nosuchalert')).status, 404);

        // Webhooks: one delivery pass sends every event signed; the decision is one of them.
        const pass = await monitoring.deliver();
        assert.equal(pass.failed + pass.retrying, 0);
        for (const r of receiver.received) assert.equal(verify(secret, r, r.body, Number(r.timestamp)), true);
        const types = receiver.accepted().map((e) => e.type);
        assert.equal(
          types.filter((t) => t === 'list.version_imported').length,
          4,
          'two lists, two versions each',
        );
        assert.equal(types.filter((t) => t === 'alert.opened').length, 3);
        const decided = receiver.accepted().find((e) => e.type === 'alert.decided')!;
        assert.deepEqual(
          [
            decided.data['alert_id'],
            decided.data['decision'],
            decided.data['actor'],
            decided.data['approved_by'],
          ],
          [hik.alert_id, 'confirmed', 'key:anna', 'key:ben'],
        );
        const endpointId = created.body['endpoint_id'] as string;
        const log = await call(admin, 'GET', `/v1/webhooks/${endpointId}/deliveries`);
        assert.equal((log.body['deliveries'] as unknown[]).length, receiver.received.length);
        assert.equal((await call(admin, 'DELETE', `/v1/webhooks/${endpointId}`)).body['removed'], true);
      } finally {
        await api.close();
        await monitoring.close();
        await screening.close();
        await app.close();
        await receiver.stop();
        await db.drop();
      }
    });
  });
}
