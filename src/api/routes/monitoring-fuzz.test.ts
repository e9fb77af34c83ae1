// Generated requests for the monitoring routes (from the OpenAPI document, valid and malformed, fast-check), on
// SQLite with the real OFAC consolidated list and the book fixture: none is answered with a 5xx; valid ones reach an
// answer and malformed ones are refused with a 4xx. (The API's own fuzz test covers the routes of a server composed
// without monitoring.)
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { test } from 'node:test';
import fc from 'fast-check';
import { openApp } from '../../app/context.ts';
import { openMonitoring } from '../../app/monitoring.ts';
import { openScreening } from '../../app/screening-context.ts';
import { loadConfig } from '../../config/config.ts';
import { listId } from '../../domain/ids.ts';
import { importList } from '../../ingest/import-list.ts';
import { addEndpoint } from '../../monitor/index.ts';
import { CONS_DIR, importBook } from '../../monitor/testing.ts';
import { createTestDatabase } from '../../../test/support/databases.ts';
import { buildApi } from '../app.ts';
import { requestsFor, type GeneratedRequest } from '../openapi-arbitraries.ts';

const PER_ROUTE = 150;

test(
  `${PER_ROUTE} generated requests per monitoring route, none answered with a 5xx`,
  { timeout: 600_000 },
  async () => {
    const db = await createTestDatabase('sqlite');
    const app = await openApp(loadConfig({ EMBARGO_DB: db.location }));
    const screening = await openScreening(app, { worker: false });
    const monitoring = await openMonitoring(app, { audit: screening.audit });
    const api = await buildApi(
      { store: app.store, audit: screening.audit, service: screening.service, monitoring },
      { requireKeys: false, localUser: userInfo().username },
    );
    try {
      await importList(app.store, CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-15' });
      await importBook(monitoring.deps);
      await monitoring.run({ actor: 'local:fuzz', channel: 'cli', date: '2026-01-15' });
      const [alert] = await monitoring.alerts.list({});
      const endpoint = await addEndpoint(monitoring.deps.monitor, { url: 'http://127.0.0.1:9/hooks' });
      const hints = {
        strings: {
          id: [alert!.alertId, endpoint.endpointId],
          party_id: ['C-1001'],
          entity_id: ['us_ofac_cons:30946'],
          url: ['http://127.0.0.1:9/x', 'https://example.org/hook'],
          reason: ['namesake'],
        },
      };
      const doc = JSON.parse((await api.inject({ method: 'GET', url: '/openapi.json' })).body) as {
        paths: Record<string, Record<string, object>>;
      };
      const paths = Object.entries(doc.paths).filter(
        ([p]) => p.startsWith('/v1/alerts') || p.startsWith('/v1/webhooks') || p.startsWith('/v1/monitor'),
      );
      assert.equal(
        paths.length,
        9,
        'alerts, an alert, its decisions, policy, runs, webhooks, a webhook, its messages and deliveries',
      );
      const send = async (r: GeneratedRequest) => {
        const raw =
          typeof r.payload === 'object' &&
          r.payload !== null &&
          !Array.isArray(r.payload) &&
          'raw' in r.payload &&
          Object.keys(r.payload).length === 1;
        const body =
          r.payload === undefined
            ? {}
            : {
                payload: raw ? String((r.payload as { raw: string }).raw) : JSON.stringify(r.payload),
                headers: { 'content-type': 'application/json' },
              };
        const res = await api.inject({ method: r.method as 'GET', url: r.url, ...body });
        return { status: res.statusCode, body: res.body };
      };
      for (const [path, ops] of paths) {
        for (const [method, op] of Object.entries(ops)) {
          const statuses = new Map<number, number>();
          for (const r of fc.sample(requestsFor(method, path, op, hints), {
            numRuns: PER_ROUTE,
            seed: 20261129,
          })) {
            const a = await send(r);
            statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
            assert.ok(
              a.status < 500,
              `${method.toUpperCase()} ${path}: ${JSON.stringify(r).slice(0, 300)} → ${a.status} ${a.body.slice(0, 200)}`,
            );
          }
          const has = (lo: number) => [...statuses.keys()].some((s) => s >= lo && s < lo + 100);
          assert.ok(
            has(200),
            `${method.toUpperCase()} ${path}: no request was answered (${JSON.stringify([...statuses])})`,
          );
          const takesInput =
            (op as { parameters?: unknown[]; requestBody?: unknown }).parameters !== undefined ||
            'requestBody' in op;
          if (takesInput)
            assert.ok(has(400), `${method.toUpperCase()} ${path}: no malformed request was refused`);
        }
      }
    } finally {
      await api.close();
      await monitoring.close();
      await screening.close();
      await app.close();
      await db.drop();
    }
  },
);
