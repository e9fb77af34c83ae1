// yente compatibility, on SQLite and PostgreSQL: the golden request (written from yente's documentation and
// tests) answered field by field as yente's response models say; yente's error cases; dataset selection,
// limit, threshold and cutoff semantics.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/support/databases.ts';
import { apiFixture, type ApiFixture } from '../api-test-helpers.ts';

const golden = (name: string) => JSON.parse(readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Differences between `actual` and the golden `expected`, as paths; `<type>` strings in the golden check the type. */
function compare(expected: unknown, actual: unknown, path: string, extensions: Set<string>, out: string[]): void {
  if (typeof expected === 'string' && /^<\w+>$/.test(expected)) {
    if (kind(actual) !== expected.slice(1, -1)) out.push(`${path}: expected ${expected}, got ${kind(actual)}`);
    return;
  }
  if (kind(expected) !== kind(actual)) {
    out.push(`${path}: expected ${kind(expected)}, got ${kind(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    const got = actual as unknown[];
    if (got.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${got.length}`);
    expected.forEach((e, i) => compare(e, got[i], `${path}[${i}]`, extensions, out));
    return;
  }
  if (kind(expected) === 'object') {
    const exp = expected as Record<string, unknown>;
    const got = actual as Record<string, unknown>;
    for (const key of Object.keys(exp).filter((k) => !k.startsWith('_'))) compare(exp[key], got[key], `${path}.${key}`, extensions, out);
    for (const key of Object.keys(got)) if (!(key in exp) && !extensions.has(key)) out.push(`${path}.${key}: not in yente's model`);
    return;
  }
  if (expected !== actual) out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function diff(goldenBody: Record<string, unknown>, actual: unknown): string[] {
  const out: string[] = [];
  compare(goldenBody, actual, '$', new Set(goldenBody['_extensions'] as string[]), out);
  return out;
}

for (const dialect of DIALECTS) {
  describe(`yente-compatible API (${dialect})`, () => {
    let f: ApiFixture;
    before(async () => (f = await apiFixture(dialect, { requireKeys: false })));
    after(async () => f.close());

    async function match(url: string, payload: unknown) {
      const res = await f.api.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
      return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
    }

    test('POST /match/default answers the golden request field by field', async () => {
      const request = golden('match-request.json');
      const res = await match('/match/default', { queries: request['queries'] });
      assert.equal(res.status, 200);
      assert.deepEqual(diff(golden('match-response.json'), res.body), []);
      assert.equal(res.headers['x-batch-size'], '4');
      for (const doc of Object.values(res.body.matcher as Record<string, unknown>)) assert.deepEqual(diff({ description: '<string>', coefficient: '<number>', url: '<string>' }, doc), []);
      const hit = res.body.responses.hikvision.results[0];
      assert.ok(hit.score >= 0.8 && hit.score <= 1);
      assert.deepEqual(hit.properties.alias.includes('HIKVISION'), true);
      assert.equal(typeof hit.features.name, 'number');
      const record = await f.screening.audit.get(res.body.screening_id);
      assert.equal(record?.kind, 'yente_match');
      assert.equal(JSON.parse(record!.response).screening_id, res.body.screening_id);
    });

    test('GET /algorithms answers like yente', async () => {
      const res = await f.api.inject({ method: 'GET', url: '/algorithms' });
      assert.deepEqual(diff(golden('algorithms-response.json'), JSON.parse(res.body)), []);
    });

    test("yente's error cases: no schema, a schema that cannot be matched, no queries, an unknown dataset", async () => {
      const noSchema = await match('/match/default', { queries: { fail: { properties: { name: 'Banana' } } } });
      assert.equal(noSchema.status, 400);
      assert.equal(noSchema.body.error.fields[0].field, 'queries.fail.schema');
      assert.equal(typeof noSchema.body.detail, 'string');
      const badSchema = await match('/match/default', { queries: { fail: { schema: 'xxx', properties: { name: 'Banana' } } } });
      assert.equal(badSchema.status, 400);
      assert.match(badSchema.body.detail, /schema "xxx"/);
      const none = await match('/match/default', { queries: {} });
      assert.equal(none.status, 400);
      assert.equal(none.body.detail, 'No queries provided.');
      assert.equal((await match('/match/us_ofac_sdn', { queries: { q: { schema: 'Person', properties: { name: ['x'] } } } })).status, 404);
      assert.equal((await match('/match/default?algorithm=logic-v1', { queries: { q: { schema: 'Person', properties: { name: ['x'] } } } })).status, 400);
    });

    test('a dataset selects a list; exclude_dataset and exclude_schema remove results', async () => {
      const query = { queries: { q: { schema: 'Company', properties: { name: ['Hikvision'] } } } };
      assert.equal((await match('/match/us_ofac_cons', query)).body.responses.q.total.value, 1);
      assert.equal((await match('/match/default?exclude_dataset=us_ofac_cons', query)).body.responses.q.total.value, 0);
      assert.equal((await match('/match/default?exclude_schema=LegalEntity', query)).body.responses.q.total.value, 0);
      assert.equal((await match('/match/default?exclude_entity_ids=us_ofac_cons:30946', query)).body.responses.q.total.value, 0);
    });

    test('threshold decides `match`; cutoff lets weaker results through as non-matches', async () => {
      const query = { queries: { q: { schema: 'Company', properties: { name: ['Hikvision'] } } } };
      const strict = (await match('/match/default?threshold=0.99', query)).body.responses.q;
      assert.equal(strict.total.value, 0);
      const shown = (await match('/match/default?threshold=0.99&cutoff=0.5', query)).body.responses.q;
      assert.equal(shown.results[0].id, 'us_ofac_cons:30946');
      assert.equal(shown.results[0].match, false);
    });

    test('limit bounds the results and is echoed', async () => {
      const res = await match('/match/default?limit=1&threshold=0.6', { queries: { q: { schema: 'Company', properties: { name: ['China Technology Company'] } } } });
      assert.equal(res.body.limit, 1);
      assert.ok(res.body.responses.q.results.length <= 1);
      assert.ok(res.body.responses.q.total.value >= res.body.responses.q.results.length);
    });
  });
}
