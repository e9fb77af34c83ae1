// The book routes on SQLite and PostgreSQL: POST /v1/parties/screen, GET /v1/parties/{id}, GET /v1/ownership/{id},
// POST /v1/what-if — on the fixture book and the real OFAC SDN and consolidated lists.
import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openApp, type AppContext } from '../../app/context.ts';
import { openScreening, type ScreeningContext } from '../../app/screening-context.ts';
import { BookService, importParties, importRelations } from '../../book/index.ts';
import { loadConfig } from '../../config/config.ts';
import { listId } from '../../domain/ids.ts';
import { loadRuleSet } from '../../graph/index.ts';
import { importList } from '../../ingest/import-list.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/databases.ts';
import { FIXTURES, OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../../test/support/list-files.ts';
import { openBookStore, type BookStore } from '../../store/index.ts';
import { buildApi } from '../app.ts';
import type { Api } from '../types.ts';

const HIKVISION = 'Hangzhou Hikvision Digital Technology Co., Ltd.';

interface Change {
  party_id: string;
  after: { rules: Record<string, string> };
}

for (const dialect of DIALECTS) {
  describe(`book routes (${dialect})`, () => {
    let db: TestDatabase;
    let app: AppContext;
    let screening: ScreeningContext;
    let bookStore: BookStore;
    let api: Api;
    let bare: Api;

    before(async () => {
      db = await createTestDatabase(dialect);
      app = await openApp(loadConfig({ EMBARGO_DB: db.location }));
      await importList(app.store, OFAC_SDN_DIR, { listId: listId('us_ofac_sdn'), today: '2026-01-01' });
      await importList(app.store, OFAC_CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
      bookStore = await openBookStore(db.location);
      await importParties(bookStore, join(FIXTURES, 'book', 'parties.csv'));
      await importRelations(bookStore, join(FIXTURES, 'book', 'relations.csv'));
      screening = await openScreening(app, { worker: false });
      const book = new BookService({ store: app.store, book: bookStore, rules: loadRuleSet() });
      const deps = { store: app.store, audit: screening.audit, service: screening.service };
      api = await buildApi({ ...deps, book }, { requireKeys: false, localUser: userInfo().username });
      bare = await buildApi(deps, { requireKeys: false, localUser: userInfo().username });
    });
    after(async () => {
      await api.close();
      await bare.close();
      await screening.close();
      await bookStore.close();
      await app.close();
      await db.drop();
    });

    test('POST /v1/parties/screen, then GET /v1/parties/{id} with findings and paths', async () => {
      const screened = await api.inject({
        method: 'POST',
        url: '/v1/parties/screen',
        payload: { date: '2025-10-15' },
      });
      assert.equal(screened.statusCode, 200, screened.body);
      const summary = screened.json<Record<string, number>>();
      assert.deepEqual(
        [summary['parties'], summary['restricted_by_name'], summary['needs_review'], summary['clear']],
        [20, 1, 2, 17],
      );

      const sub = (await api.inject({ method: 'GET', url: '/v1/parties/C-1011' })).json<{
        result: {
          status: string;
          ownership_status: string;
          detail: {
            findings: { rule_id: string; paths: { hops: { owner: string; share_text: string }[] }[] }[];
          };
        };
      }>();
      assert.deepEqual([sub.result.status, sub.result.ownership_status], ['review', 'review']);
      const ofac = sub.result.detail.findings.find((f) => f.rule_id === 'us_ofac_50')!;
      assert.deepEqual(
        ofac.paths[0]!.hops.map((h) => [h.owner, h.share_text]),
        [['party:C-1010', '60 %']],
      );

      const clear = (await api.inject({ method: 'GET', url: '/v1/parties/C-1020' })).json<{
        result: { status: string };
      }>();
      assert.equal(clear.result.status, 'clear', 'a party screened clear has a clear result');
      assert.equal((await api.inject({ method: 'GET', url: '/v1/parties/NOPE' })).statusCode, 404);
    });

    test('GET /v1/ownership/{id}?date=: NS-CMIC does not extend to Ezviz', async () => {
      const r = await api.inject({ method: 'GET', url: '/v1/ownership/C-1002?date=2025-10-15' });
      assert.equal(r.statusCode, 200, r.body);
      const ofac = r
        .json<{ report: { findings: { rule_id: string; status: string; notes: string[] }[] } }>()
        .report.findings.find((f) => f.rule_id === 'us_ofac_50')!;
      assert.equal(ofac.status, 'clear');
      assert.match(ofac.notes[0]!, /FAQ 857/);
      assert.equal(
        (await api.inject({ method: 'GET', url: '/v1/ownership/C-1002?date=2025-02-30x' })).statusCode,
        400,
      );
    });

    test('POST /v1/what-if: Entity List under the BIS rule in force, then suspended', async () => {
      const body = (date: string) => ({
        entities: [{ name: HIKVISION, list: 'us_trade_csl:EL', country: 'CN' }],
        date,
      });
      const inForce = await api.inject({ method: 'POST', url: '/v1/what-if', payload: body('2025-10-15') });
      assert.equal(inForce.statusCode, 200, inForce.body);
      const changes = inForce.json<{ changes: Change[] }>().changes;
      assert.deepEqual(changes.map((c) => c.party_id).sort(), ['C-1001', 'C-1002', 'C-1003']);
      assert.equal(changes.find((c) => c.party_id === 'C-1002')!.after.rules['us_bis_affiliates'], 'review');
      const suspended = (
        await api.inject({ method: 'POST', url: '/v1/what-if', payload: body('2026-06-01') })
      ).json<{ changes: Change[] }>();
      assert.deepEqual(
        suspended.changes.map((c) => c.party_id),
        ['C-1001'],
      );
    });

    test('POST /v1/what-if validates the body; without a book the routes answer 503', async () => {
      const bad = await api.inject({
        method: 'POST',
        url: '/v1/what-if',
        payload: { entities: [{ name: HIKVISION, list: 'SDN list' }] },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /entities\[0\]\.list/);
      const none = await bare.inject({ method: 'GET', url: '/v1/parties/C-1001' });
      assert.equal(none.statusCode, 503);
    });
  });
}
