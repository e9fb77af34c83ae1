// Generated requests from the OpenAPI document — 1,000 per route, valid and malformed — never get a 5xx:
// every bad input is a 4xx with a code, every good one an answer (SQLite, real OFAC consolidated list).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { caption } from '../domain/entity.ts';
import { apiFixture, type ApiFixture } from './api-test-helpers.ts';
import { requestsFor, type GeneratedRequest } from './openapi-arbitraries.ts';

const PER_ROUTE = 1000;
/** Requests in flight at once (appends are group-committed, so concurrency keeps the run short). */
const CONCURRENCY = 32;

describe('generated requests (OpenAPI, fast-check)', () => {
  let f: ApiFixture;
  let doc: { paths: Record<string, Record<string, object>> };
  let names: string[];
  before(async () => {
    f = await apiFixture('sqlite', { requireKeys: false, withBook: true });
    doc = JSON.parse((await f.api.inject({ method: 'GET', url: '/openapi.json' })).body);
    names = [];
    for await (const e of f.app.store.currentEntities()) if (names.length < 200) names.push(caption(e));
  });
  after(async () => f.close());

  async function send(r: GeneratedRequest): Promise<{ status: number; body: string }> {
    const raw = typeof r.payload === 'object' && r.payload !== null && !Array.isArray(r.payload) && 'raw' in r.payload && Object.keys(r.payload).length === 1;
    const res = await f.api.inject({
      method: r.method as 'GET',
      url: r.url,
      ...(r.payload === undefined ? {} : raw ? { payload: String((r.payload as { raw: string }).raw), headers: { 'content-type': 'application/json' } } : { payload: JSON.stringify(r.payload), headers: { 'content-type': 'application/json' } }),
    });
    return { status: res.statusCode, body: res.body };
  }

  test(`${PER_ROUTE} requests per route, none answered with a 5xx`, { timeout: 600_000 }, async () => {
    const screened = JSON.parse((await f.api.inject({ method: 'POST', url: '/v1/screen', payload: { name: 'Hikvision' } })).body).id as string;
    // Real values mixed into the generated ones, so that valid requests reach the answers, not only the checks.
    const hints = {
      strings: {
        name: names,
        dataset: ['default', 'us_ofac_cons'],
        id: ['us_ofac_cons:30946', 'us_ofac_cons', screened, 'C-1001', 'C-1011'],
        schema: ['Person', 'Company', 'LegalEntity', 'Organization', 'Vessel', 'Thing'],
        sources: ['EL', 'CMIC', 'SDN,SSI', 'MBS,PLC'],
        types: ['Entity', 'Individual', 'Entity,Vessel'],
        countries: ['CN', 'RU,UA'],
        algorithm: ['embargo-v1.1', 'best'],
        lists: ['us_ofac_cons', 'us_ofac_cons:CMIC'],
      },
      keys: ['name', 'alias', 'country', 'nationality', 'birthDate', 'address', 'registrationNumber', 'firstName', 'lastName'],
    };
    const counts: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const requests = fc.sample(requestsFor(method, path, op, hints), { numRuns: PER_ROUTE, seed: 20261129 });
        const statuses = new Map<number, number>();
        const failures: string[] = [];
        for (let i = 0; i < requests.length; i += CONCURRENCY) {
          const batch = requests.slice(i, i + CONCURRENCY);
          const answers = await Promise.all(batch.map(send));
          answers.forEach((a, j) => {
            statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
            if (a.status >= 500 && failures.length < 3) failures.push(`${JSON.stringify(batch[j]).slice(0, 400)} → ${a.status} ${a.body.slice(0, 200)}`);
          });
        }
        assert.deepEqual(failures, [], `${method.toUpperCase()} ${path}`);
        assert.equal(requests.length, PER_ROUTE);
        counts.push(`${method.toUpperCase()} ${path}: ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
        // Valid requests reached an answer; where there is input to get wrong, malformed ones were refused.
        const has = (lo: number) => [...statuses.keys()].some((s) => s >= lo && s < lo + 100);
        assert.ok(has(200), `${method.toUpperCase()} ${path}: no request was answered`);
        const takesInput = (op as { parameters?: unknown[]; requestBody?: unknown }).parameters !== undefined || 'requestBody' in op;
        if (takesInput) assert.ok(has(400), `${method.toUpperCase()} ${path}: no malformed request was generated`);
      }
    }
    console.log(counts.join('\n'));
  });
});
