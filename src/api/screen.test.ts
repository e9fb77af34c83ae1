// POST /v1/screen and /v1/screen/batch on the real OFAC consolidated list, SQLite and PostgreSQL: answers,
// jurisdiction findings, audit records written before the answer, stored screenings returned byte for byte.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../audit/index.ts';
import { DIALECTS } from '../../test/support/databases.ts';
import { apiFixture, type ApiFixture } from './api-test-helpers.ts';

async function records(f: ApiFixture) {
  const out = [];
  for await (const r of f.screening.audit.records()) out.push(r);
  return out;
}

for (const dialect of DIALECTS) {
  describe(`screening endpoints (${dialect})`, () => {
    let f: ApiFixture;
    before(async () => (f = await apiFixture(dialect, { requireKeys: false })));
    after(async () => f.close());

    test('HIKVISION is found on the consolidated list, explained, and the screening is stored as answered', async () => {
      const res = await f.api.inject({
        method: 'POST',
        url: '/v1/screen',
        payload: { name: 'Hikvision', country: 'CN', reference: 'PO-1' },
      });
      assert.equal(res.statusCode, 200);
      const body = JSON.parse(res.body);
      assert.equal(body.status, 'potential_match');
      assert.deepEqual(body.lists, [{ list_id: 'us_ofac_cons', version: 1 }]);
      assert.equal(body.algorithm, 'embargo-v1.1');
      const top = body.matches[0];
      assert.equal(top.entity_id, 'us_ofac_cons:30946');
      assert.equal(top.listed_name, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
      assert.equal(top.matched_name, 'HIKVISION');
      assert.ok(top.explanation.some((e: { feature: string }) => e.feature === 'name'));
      assert.equal(body.normalised.country, 'cn');
      const stored = (await records(f)).find((r) => r.id === body.id)!;
      assert.equal(stored.actor.startsWith('local:'), true);
      assert.equal(stored.kind, 'screen');
      assert.equal(stored.response, res.body);
      assert.deepEqual(JSON.parse(stored.request), { name: 'Hikvision', country: 'CN', reference: 'PO-1' });
      assert.equal(stored.threshold, '0.8');
      const again = await f.api.inject({ method: 'GET', url: `/v1/screenings/${body.id}` });
      assert.equal(again.statusCode, 200);
      assert.equal(again.body, res.body);
    });

    test('an address in Havana gives the Cuba finding with its citation; an unknown name is clear', async () => {
      const cuba = JSON.parse(
        (
          await f.api.inject({
            method: 'POST',
            url: '/v1/screen',
            payload: { name: 'Acme Trading', address: 'Calle 23, La Habana, Cuba' },
          })
        ).body,
      );
      assert.equal(cuba.status, 'potential_match');
      assert.deepEqual(cuba.matches, []);
      assert.equal(cuba.jurisdictions[0].code, 'cu');
      assert.match(cuba.jurisdictions[0].citations[0].citation, /31 CFR part 515/);
      const clear = JSON.parse(
        (await f.api.inject({ method: 'POST', url: '/v1/screen', payload: { name: 'Zyxwv Quartz Bakery' } }))
          .body,
      );
      assert.equal(clear.status, 'clear');
    });

    test('the batch endpoint answers every party in order and records one audit record', async () => {
      const before = (await f.screening.audit.head()).seq;
      const parties = [
        { name: 'HUAWEI TECHNOLOGIES CO., LTD.', reference: 'a' },
        { name: 'Zyxwv Quartz Bakery', reference: 'b' },
        { name: 'SenseTime Group', id: ['imo:12'], reference: 'c' },
        { name: 'MEGVII TECHNOLOGY LIMITED', reference: 'd' },
      ];
      const res = await f.api.inject({ method: 'POST', url: '/v1/screen/batch', payload: { parties } });
      assert.equal(res.statusCode, 200);
      const body = JSON.parse(res.body);
      assert.deepEqual(
        body.results.map((r: { reference: string; status: string }) => [r.reference, r.status]),
        [
          ['a', 'potential_match'],
          ['b', 'clear'],
          ['c', 'error'],
          ['d', 'potential_match'],
        ],
      );
      assert.equal(body.results[0].matches[0].entity_id, 'us_ofac_cons:30947');
      assert.equal(body.results[2].error.field, 'id');
      assert.equal(body.results[3].matches[0].entity_id, 'us_ofac_cons:33091');
      assert.deepEqual(body.summary, { parties: 4, potential_matches: 2, clear: 1, errors: 1 });
      assert.equal((await f.screening.audit.head()).seq, before + 1);
      assert.equal((await f.screening.audit.get(body.id))?.kind, 'batch');
    });

    test('a batch of 1,000 parties is accepted and 1,001 refused with the field named', async () => {
      const party = { name: 'HUAWEI TECHNOLOGIES' };
      const ok = await f.api.inject({
        method: 'POST',
        url: '/v1/screen/batch',
        payload: { parties: Array(1000).fill(party) },
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(JSON.parse(ok.body).summary.potential_matches, 1000);
      const tooMany = await f.api.inject({
        method: 'POST',
        url: '/v1/screen/batch',
        payload: { parties: Array(1001).fill(party) },
      });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(JSON.parse(tooMany.body).error.fields[0].field, 'parties');
    });

    test('lists narrow the screening and are recorded; an unknown list is a 400 naming the field', async () => {
      const only = JSON.parse(
        (
          await f.api.inject({
            method: 'POST',
            url: '/v1/screen',
            payload: { name: 'Hikvision', lists: ['us_ofac_cons'] },
          })
        ).body,
      );
      assert.equal(only.matches[0].entity_id, 'us_ofac_cons:30946');
      const unknown = await f.api.inject({
        method: 'POST',
        url: '/v1/screen',
        payload: { name: 'Hikvision', lists: ['us_ofac_sdn'] },
      });
      assert.equal(unknown.statusCode, 400);
      const error = JSON.parse(unknown.body).error;
      assert.equal(error.code, 'invalid_input');
      assert.equal(error.fields[0].field, 'lists');
      assert.match(error.hint, /us_ofac_cons/);
      // A mistyped sub-list of a loaded list screens nothing: refused, not answered "clear".
      const subList = await f.api.inject({
        method: 'POST',
        url: '/v1/screen',
        payload: { name: 'Hikvision', lists: ['us_ofac_cons:XX'] },
      });
      assert.equal(subList.statusCode, 400);
      assert.equal(JSON.parse(subList.body).error.fields[0].field, 'lists');
      assert.match(JSON.parse(subList.body).error.message, /us_ofac_cons:XX: not a sub-list/);
    });

    test('invalid fields are 400 with every field named; a stored screening that does not exist is 404', async () => {
      const bad = await f.api.inject({
        method: 'POST',
        url: '/v1/screen',
        payload: { name: '', country: 'CHN', birth_date: '1990-13', threshold: 2, extra: 1 },
      });
      assert.equal(bad.statusCode, 400);
      const fields = JSON.parse(bad.body)
        .error.fields.map((x: { field: string }) => x.field)
        .sort();
      assert.deepEqual(fields, ['birth_date', 'country', 'extra', 'name', 'threshold']);
      const missing = await f.api.inject({
        method: 'GET',
        url: '/v1/screenings/00000000-0000-4000-8000-000000000000',
      });
      assert.equal(missing.statusCode, 404);
    });

    test('50 concurrent screenings: 50 consecutive records, one unbroken chain, each stored as answered', async () => {
      const before = (await f.screening.audit.head()).seq;
      const names = [
        'HUAWEI TECHNOLOGIES CO., LTD.',
        'Zyxwv Quartz Bakery',
        'MEGVII TECHNOLOGY LIMITED',
        'Hikvision',
      ];
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          f.api.inject({
            method: 'POST',
            url: '/v1/screen',
            payload: { name: names[i % names.length], reference: String(i) },
          }),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        Array.from({ length: 50 }, () => 200),
      );
      const head = await f.screening.audit.head();
      assert.equal(head.seq, before + 50);
      const seqs = [];
      for (const answer of answers) {
        const stored = await f.screening.audit.get(JSON.parse(answer.body).id);
        assert.equal(stored?.response, answer.body);
        seqs.push(stored!.seq);
      }
      assert.deepEqual(
        [...seqs].sort((a, b) => a - b),
        Array.from({ length: 50 }, (_, i) => before + 1 + i),
      );
      const audit = f.screening.audit;
      const report = await verifyChain(audit.records(), {
        readHead: () => audit.head(),
        locate: (h) => audit.seqOfHash(h),
      });
      assert.deepEqual(report.problems, []);
      assert.equal(report.records, head.seq);
    });
  });
}
