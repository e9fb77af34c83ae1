// trade.gov CSL compatibility on the real CSL extract (data/us_trade_csl/csl.csv) plus the OFAC consolidated
// list, on SQLite and PostgreSQL: the result fields are exactly the CSL columns, sources select sub-lists,
// counts match the file (MEU 71 rows, SDN vessels 3), filters and paging, plain versus fuzzy names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/support/databases.ts';
import { CSL_FILE, apiFixture, type ApiFixture } from '../api-test-helpers.ts';

/** The CSL's own field names: the CSV header (its `_id` is `id` in the API and JSON forms). */
const CSL_FIELDS = readFileSync(CSL_FILE, 'utf8').split('\n')[0]!.trim().split(',').map((c) => (c === '_id' ? 'id' : c));

for (const dialect of DIALECTS) {
  describe(`CSL-compatible search (${dialect})`, () => {
    let f: ApiFixture;
    before(async () => (f = await apiFixture(dialect, { requireKeys: false, withCsl: true })));
    after(async () => f.close());

    async function search(query: string) {
      const res = await f.api.inject({ method: 'GET', url: `/consolidated_screening_list/v1/search?${query}` });
      return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
    }

    test('a name on the Entity List comes back with exactly the CSL fields and the CSL values', async () => {
      const { status, body } = await search('name=Abdul%20Satar%20Ghoura&sources=EL');
      assert.equal(status, 200);
      assert.deepEqual(Object.keys(body).sort(), ['results', 'sources_used', 'total']);
      assert.equal(body.total, 1);
      const r = body.results[0];
      assert.deepEqual(Object.keys(r).sort(), [...CSL_FIELDS].sort());
      assert.equal(CSL_FIELDS.length, 29);
      assert.equal(r.source, 'Entity List (EL) - Bureau of Industry and Security');
      assert.equal(r.name, 'Abdul Satar Ghoura');
      assert.equal(r.start_date, '2011-11-21');
      assert.equal(r.federal_register_notice, '76 FR 71867');
      assert.ok(Array.isArray(r.addresses) && Array.isArray(r.ids) && Array.isArray(r.alt_names));
      assert.deepEqual(body.sources_used.map((s: { source: string }) => s.source), ['Entity List (EL) - Bureau of Industry and Security']);
    });

    test('sources select sub-lists: all 71 MEU rows, paged by size and offset', async () => {
      const first = await search('sources=MEU&size=50');
      assert.equal(first.body.total, 71);
      assert.equal(first.body.results.length, 50);
      const rest = await search('sources=MEU&size=50&offset=50');
      assert.equal(rest.body.results.length, 21);
      const ids = new Set([...first.body.results, ...rest.body.results].map((r: { id: string }) => r.id));
      assert.equal(ids.size, 71);
      for (const r of rest.body.results) assert.equal(r.source, 'Military End User (MEU) List - Bureau of Industry and Security');
    });

    test('types and countries filter: the 3 SDN vessels; Entity List parties in China', async () => {
      const vessels = await search('sources=SDN&types=Vessel');
      assert.equal(vessels.body.total, 3);
      for (const r of vessels.body.results) assert.equal(r.type, 'Vessel');
      const cn = await search('sources=EL&countries=CN&size=50');
      assert.ok(cn.body.total > 50);
      for (const r of cn.body.results) assert.ok(r.addresses.some((a: { country: string }) => a.country === 'CN'), r.name);
    });

    test('plain names need every word; fuzzy_name screens with the matching engine', async () => {
      assert.equal((await search('name=hikvizion')).body.total, 0);
      const fuzzy = await search('name=hikvizion&fuzzy_name=true');
      assert.equal(fuzzy.body.results[0].name, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
      assert.equal(fuzzy.body.results[0].source, 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department');
      const plain = await search('name=chinese%20academy%20engineering%20physics&sources=EL');
      assert.deepEqual(plain.body.results.map((r: { name: string }) => r.name), ['Chinese Academy of Engineering Physics']);
      assert.equal(plain.body.results[0].start_date, '1997-06-30');
    });

    test('CMIC covers the CSL rows and the OFAC non-SDN records of that program', async () => {
      const { body } = await search('name=China%20Telecom%20Corporation%20Limited&sources=CMIC');
      assert.deepEqual(body.results.map((r: { id: string }) => r.id).sort(), ['30882', 'us_ofac_cons:30882']);
      for (const r of body.results) assert.deepEqual(r.programs, ['CMIC-EO13959']);
    });

    test('unknown codes are a 400 naming the parameter; every search is in the audit log', async () => {
      const bad = await search('sources=EL,XYZ');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.fields[0].field, 'sources');
      assert.equal((await search('types=Ship')).status, 400);
      assert.equal((await search('countries=CHN')).status, 400);
      assert.equal((await search('size=51')).status, 400);
      const ok = await search('name=huawei');
      const record = await f.screening.audit.get(String(ok.headers['x-screening-id']));
      assert.equal(record?.kind, 'csl_search');
      assert.equal(record?.response, JSON.stringify(ok.body));
    });
  });
}
