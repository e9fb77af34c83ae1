// Every route × every caller, with keys required (as off loopback), on SQLite and PostgreSQL: public routes
// answer anyone; the others refuse a missing, unknown or revoked key (401) and a role below theirs (403).
// The table must name every route of the OpenAPI document, so a new route cannot skip this test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createApiKey } from '../app/api-keys.ts';
import { DIALECTS } from '../../test/support/databases.ts';
import { apiFixture, type ApiFixture } from './api-test-helpers.ts';
import { buildApi } from './app.ts';
import type { Access } from './auth.ts';

interface RouteCase {
  route: string;
  access: Access;
  request: (screeningId: string) => InjectOptions;
}

const ROUTES: RouteCase[] = [
  { route: 'GET /healthz', access: 'public', request: () => ({ method: 'GET', url: '/healthz' }) },
  { route: 'GET /readyz', access: 'public', request: () => ({ method: 'GET', url: '/readyz' }) },
  { route: 'GET /openapi.json', access: 'public', request: () => ({ method: 'GET', url: '/openapi.json' }) },
  { route: 'GET /docs', access: 'public', request: () => ({ method: 'GET', url: '/docs' }) },
  { route: 'POST /v1/screen', access: 'screener', request: () => ({ method: 'POST', url: '/v1/screen', payload: { name: 'Hikvision' } }) },
  { route: 'POST /v1/screen/batch', access: 'screener', request: () => ({ method: 'POST', url: '/v1/screen/batch', payload: { parties: [{ name: 'Huawei' }] } }) },
  { route: 'POST /match/{dataset}', access: 'screener', request: () => ({ method: 'POST', url: '/match/default', payload: { queries: { q: { schema: 'Company', properties: { name: ['Hikvision'] } } } } }) },
  { route: 'GET /algorithms', access: 'screener', request: () => ({ method: 'GET', url: '/algorithms' }) },
  { route: 'GET /consolidated_screening_list/v1/search', access: 'screener', request: () => ({ method: 'GET', url: '/consolidated_screening_list/v1/search?name=hikvision&fuzzy_name=true' }) },
  { route: 'GET /v1/entities/{id}', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/entities/us_ofac_cons:30946' }) },
  { route: 'GET /v1/lists', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/lists' }) },
  { route: 'GET /v1/lists/{id}/versions', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/lists/us_ofac_cons/versions' }) },
  { route: 'GET /v1/lists/{id}/diff', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/lists/us_ofac_cons/diff' }) },
  { route: 'GET /v1/screenings/{id}', access: 'analyst', request: (id) => ({ method: 'GET', url: `/v1/screenings/${id}` }) },
  { route: 'GET /v1/audit/checkpoint', access: 'admin', request: () => ({ method: 'GET', url: '/v1/audit/checkpoint' }) },
  { route: 'POST /v1/parties/screen', access: 'analyst', request: () => ({ method: 'POST', url: '/v1/parties/screen', payload: { date: '2025-10-15' } }) },
  { route: 'GET /v1/parties/{id}', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/parties/C-1001' }) },
  { route: 'GET /v1/ownership/{id}', access: 'analyst', request: () => ({ method: 'GET', url: '/v1/ownership/C-1002?date=2025-10-15' }) },
  {
    route: 'POST /v1/what-if',
    access: 'analyst',
    request: () => ({ method: 'POST', url: '/v1/what-if', payload: { entities: [{ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.', list: 'us_trade_csl:EL', country: 'CN' }], date: '2025-10-15' } }),
  },
];

type CallerName = 'none' | 'unknown' | 'revoked' | 'screener' | 'analyst' | 'admin';
const CALLERS: CallerName[] = ['none', 'unknown', 'revoked', 'screener', 'analyst', 'admin'];
const RANK: Record<string, number> = { public: 0, screener: 1, analyst: 2, admin: 3 };

function expected(access: Access, caller: CallerName): number {
  if (access === 'public') return 200;
  if (caller === 'none' || caller === 'unknown' || caller === 'revoked') return 401;
  return RANK[caller]! >= RANK[access]! ? 200 : 403;
}

/** The four ways a key may be sent, rotated over the table. */
function withKey(request: InjectOptions, key: string, form: number): InjectOptions {
  const headers = { ...(request.headers ?? {}) };
  if (form === 0) return { ...request, headers: { ...headers, authorization: `Bearer ${key}` } };
  if (form === 1) return { ...request, headers: { ...headers, authorization: `ApiKey ${key}` } };
  if (form === 2) return { ...request, headers: { ...headers, 'subscription-key': key } };
  const url = String(request.url);
  return { ...request, url: `${url}${url.includes('?') ? '&' : '?'}subscription-key=${encodeURIComponent(key)}` };
}

for (const dialect of DIALECTS) {
  describe(`API keys and roles (${dialect})`, () => {
    let f: ApiFixture;
    let keys: Record<CallerName, string | undefined>;
    let screeningId: string;
    before(async () => {
      f = await apiFixture(dialect, { requireKeys: true, withBook: true });
      const revoked = await createApiKey(f.screening.audit, 'test-revoked', 'admin');
      await f.screening.audit.revokeKey('test-revoked', new Date().toISOString());
      keys = { none: undefined, unknown: 'emb_not-a-key', revoked: revoked.secret, ...f.keys };
      const res = await f.api.inject({ method: 'POST', url: '/v1/screen', headers: { authorization: `Bearer ${f.keys.screener}` }, payload: { name: 'Huawei' } });
      screeningId = JSON.parse(res.body).id;
    });
    after(async () => f.close());

    test('the table covers every route of the OpenAPI document', async () => {
      const doc = JSON.parse((await f.api.inject({ method: 'GET', url: '/openapi.json' })).body);
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      const covered = new Set(ROUTES.map((r) => r.route));
      assert.deepEqual(documented.filter((r) => !covered.has(r)), []);
    });

    test('route × caller gives 200, 401 or 403 as the role table says', async () => {
      let form = 0;
      const failures: string[] = [];
      for (const r of ROUTES) {
        for (const caller of CALLERS) {
          const key = keys[caller];
          const request = key === undefined ? r.request(screeningId) : withKey(r.request(screeningId), key, form++ % 4);
          const res = await f.api.inject(request);
          const want = expected(r.access, caller);
          if (res.statusCode !== want) failures.push(`${r.route} as ${caller}: ${res.statusCode}, expected ${want}: ${res.body.slice(0, 200)}`);
          if (want === 401) assert.equal(JSON.parse(res.body).error.code, 'unauthorized');
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a revoked key stops working once the key cache expires', async () => {
      const { secret } = await createApiKey(f.screening.audit, 'test-soon-revoked', 'screener');
      const api = await buildApi({ store: f.app.store, audit: f.screening.audit, service: f.screening.service }, { requireKeys: true, localUser: 'test', keyCacheMs: 50 });
      try {
        const call = () => api.inject({ method: 'GET', url: '/algorithms', headers: { authorization: `ApiKey ${secret}` } });
        assert.equal((await call()).statusCode, 200);
        await f.screening.audit.revokeKey('test-soon-revoked', new Date().toISOString());
        await new Promise((r) => setTimeout(r, 60));
        assert.equal((await call()).statusCode, 401);
      } finally {
        await api.close();
      }
    });

    test('the key name is the audit actor, and a key sent in the query string is not recorded', async () => {
      const res = await f.api.inject({ method: 'GET', url: `/consolidated_screening_list/v1/search?name=huawei&subscription-key=${f.keys.analyst}` });
      assert.equal(res.statusCode, 200);
      const record = await f.screening.audit.get(String(res.headers['x-screening-id']));
      assert.equal(record?.actor, 'key:test-analyst');
      assert.equal(record?.request.includes(f.keys.analyst), false);
      assert.deepEqual(JSON.parse(record!.request), { name: 'huawei' });
    });
  });
}
