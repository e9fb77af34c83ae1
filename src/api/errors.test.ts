// The edge: the OpenAPI document is generated from the request schemas, the docs page needs nothing from the
// network, bodies are bounded, malformed input is a 400 and an unexpected failure a 500 without internals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApi, BODY_LIMIT } from './app.ts';
import { ScreeningService } from '../app/screening.ts';
import type { Screener } from '../app/screener.ts';
import { DEFAULT_ALGORITHM } from '../matching/index.ts';
import { apiFixture, type ApiFixture } from './api-test-helpers.ts';

/** A screener whose engine fails with an error message a client must never see. */
function brokenScreener(): Screener {
  return {
    algorithm: DEFAULT_ALGORITHM,
    state: () => ({ ready: true, lists: [{ list_id: 'us_ofac_cons', version: 1 }], entities: 1, builtAt: undefined }),
    screen: () => {
      throw new Error('disk failure at /var/lib/embargo/secret.db');
    },
    cards: () => [],
    refresh: async () => false,
    close: async () => undefined,
  };
}

describe('HTTP edge', () => {
  let f: ApiFixture;
  before(async () => (f = await apiFixture('sqlite', { requireKeys: false })));
  after(async () => f.close());

  test('the OpenAPI document is built from the request schemas', async () => {
    const doc = JSON.parse((await f.api.inject({ method: 'GET', url: '/openapi.json' })).body);
    assert.match(doc.openapi, /^3\./);
    const body = doc.paths['/v1/screen'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(body.required, ['name']);
    assert.equal(body.properties.name.maxLength, 500);
    assert.deepEqual(body.properties.schema.enum, ['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane']);
    assert.equal(doc.paths['/v1/screen/batch'].post.requestBody.content['application/json'].schema.properties.parties.maxItems, 1000);
    const csl = doc.paths['/consolidated_screening_list/v1/search'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['name', 'fuzzy_name', 'sources', 'types', 'countries', 'size', 'offset']) assert.ok(csl.includes(name), name);
  });

  test('the docs page loads only local assets (works offline)', async () => {
    const page = await f.api.inject({ method: 'GET', url: '/docs' });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /https?:\/\//);
    const assets = [...page.body.matchAll(/(?:href|src)="(\/docs\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('swagger-ui-bundle.js')) && assets.length >= 5, assets.join(','));
    for (const asset of [...assets, '/docs/json']) assert.equal((await f.api.inject({ method: 'GET', url: asset })).statusCode, 200, asset);
    // The initializer loads the document from this server and turns the online validator off.
    const init = (await f.api.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' })).body;
    const code = init.replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /https?:\/\//);
    assert.match(init, /validatorUrl: null/);
  });

  test('malformed JSON, a wrong content type and a body over the limit are 4xx with a code', async () => {
    const broken = await f.api.inject({ method: 'POST', url: '/v1/screen', headers: { 'content-type': 'application/json' }, payload: '{"name": "x",' });
    assert.equal(broken.statusCode, 400);
    assert.doesNotMatch(broken.body, /\bat \S+:\d+/);
    const text = await f.api.inject({ method: 'POST', url: '/v1/screen', headers: { 'content-type': 'text/plain' }, payload: 'Huawei' });
    assert.equal(text.statusCode, 400);
    assert.equal(JSON.parse(text.body).error.fields[0].message, 'must be object');
    const xml = await f.api.inject({ method: 'POST', url: '/v1/screen', headers: { 'content-type': 'application/xml' }, payload: '<name/>' });
    assert.equal(xml.statusCode, 415);
    const huge = await f.api.inject({ method: 'POST', url: '/v1/screen', payload: { name: 'x'.repeat(BODY_LIMIT) } });
    assert.equal(huge.statusCode, 413);
    assert.equal(JSON.parse(huge.body).error.code, 'body_too_large');
  });

  test('an unexpected failure is a 500 with a request id and nothing internal', async () => {
    const service = new ScreeningService({ screener: brokenScreener(), audit: f.screening.audit, jurisdictions: undefined });
    const api = await buildApi({ store: f.app.store, audit: f.screening.audit, service }, { requireKeys: false, localUser: 'test' });
    try {
      const res = await api.inject({ method: 'POST', url: '/v1/screen', payload: { name: 'Huawei' } });
      assert.equal(res.statusCode, 500);
      const body = JSON.parse(res.body);
      assert.deepEqual(Object.keys(body.error), ['code', 'message', 'request_id']);
      assert.doesNotMatch(res.body, /secret|disk failure|\.ts:\d+/);
    } finally {
      await api.close();
    }
  });

  test('before the index is built, screening routes answer 503 and /readyz says building', async () => {
    const notReady: Screener = { ...brokenScreener(), state: () => ({ ready: false, lists: [], entities: 0, builtAt: undefined }) };
    const service = new ScreeningService({ screener: notReady, audit: f.screening.audit, jurisdictions: undefined });
    const api = await buildApi({ store: f.app.store, audit: f.screening.audit, service }, { requireKeys: false, localUser: 'test' });
    try {
      assert.equal((await api.inject({ method: 'GET', url: '/readyz' })).statusCode, 503);
      const res = await api.inject({ method: 'POST', url: '/v1/screen', payload: { name: 'Huawei' } });
      assert.equal(res.statusCode, 503);
      assert.equal(JSON.parse(res.body).error.code, 'not_ready');
      assert.equal((await api.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await api.close();
    }
  });
});
