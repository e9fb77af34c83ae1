// What-if against an oracle: on the fixture book with the real OFAC lists, the parties a what-if reports as
// changed are exactly those whose stored result rises when the simulated entity is really added to the lists and
// the whole book is screened again — for listings on the SDN list, on the Entity List under the BIS rule in force
// and suspended, with and without an identifier, with a simulated relation, and for a name that matches nobody.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listId } from '../../domain/ids.ts';
import { loadRuleSet } from '../../graph/index.ts';
import { importList } from '../../ingest/import-list.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { FIXTURES, OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../../test/support/list-files.ts';
import { openBookStore, openStore, type BookStore, type PartyStatus, type Store } from '../../store/index.ts';
import { listContextOf, loadListContext } from '../list-context.ts';
import { importParties } from '../parties/import-parties.ts';
import { importRelations } from '../relations/import-relations.ts';
import { screenBook } from '../screen-book.ts';
import { BookService } from '../service.ts';
import type { PartyDetail } from '../types.ts';
import { simulation, type SimulatedListing, type SimulatedRelation } from './simulated.ts';

const rules = loadRuleSet();
let db: TestDatabase;
let store: Store;
let book: BookStore;

before(async () => {
  db = await createTestDatabase('sqlite');
  store = await openStore(db.location);
  await importList(store, OFAC_SDN_DIR, { listId: listId('us_ofac_sdn'), today: '2026-01-01' });
  await importList(store, OFAC_CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
  book = await openBookStore(db.location);
  await importParties(book, join(FIXTURES, 'book', 'parties.csv'));
  await importRelations(book, join(FIXTURES, 'book', 'relations.csv'));
});
after(async () => {
  await book.close();
  await store.close();
  await db.drop();
});

type Vector = Map<string, { status: PartyStatus; rules: Record<string, string>; matches: string[] }>;

async function storedVector(): Promise<Vector> {
  const out: Vector = new Map();
  for await (const r of book.flaggedResults()) {
    const d = r.detail as PartyDetail;
    out.set(r.partyId, {
      status: r.status,
      rules: d.rules,
      matches: d.matches.map((m) => `${m.entityId}/${m.certainty}`),
    });
  }
  return out;
}

const rank = (s: string | undefined) => (s === 'restricted' ? 2 : s === 'review' ? 1 : 0);

/** Parties whose result rose between two stored runs: a new match or a higher status under some rule. */
function risen(before: Vector, after: Vector): string[] {
  const out: string[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    const newMatch = a.matches.some((m) => !(b?.matches ?? []).includes(m));
    const higher = Object.entries(a.rules).some(([rule, s]) => rank(s) > rank(b?.rules[rule]));
    if (newMatch || higher) out.push(id);
  }
  return out.sort();
}

async function checkAgainstRescreen(
  listings: SimulatedListing[],
  relations: SimulatedRelation[],
  date: string,
): Promise<string[]> {
  const context = await loadListContext(store);
  await screenBook(book, context, rules, { date });
  const before = await storedVector();
  const sim = simulation(listings, relations);
  const report = await new BookService({ store, book, rules }).whatIf(sim, date);
  const changed = report.changes.map((c) => c.partyId).sort();
  // The oracle: really list the entities (and add the relations), screen the whole book again.
  const withListing = listContextOf(context.versions, [...context.entities, ...sim.entities]);
  const edges = sim.edges;
  await book.upsertRelations(edges, {
    kind: 'relations',
    at: new Date().toISOString(),
    sourcePath: 'oracle',
    format: 'test',
    rowsRead: edges.length,
    warnings: [],
  });
  await screenBook(book, withListing, rules, { date });
  assert.deepEqual(changed, risen(before, await storedVector()), JSON.stringify(listings));
  return changed;
}

const HIKVISION = 'Hangzhou Hikvision Digital Technology Co., Ltd.';

describe('what-if equals a full re-screen with the listing added', () => {
  test('Hikvision on the SDN list: the party and its two 100 % subsidiaries; nothing else', async () => {
    const changed = await checkAgainstRescreen(
      [{ name: HIKVISION, list: 'us_ofac_sdn', country: 'CN' }],
      [],
      '2026-01-01',
    );
    assert.deepEqual(changed, ['C-1001', 'C-1002', 'C-1003']);
  });

  test('Hikvision on the Entity List: subsidiaries under the BIS rule on 2025-10-15, not on 2026-06-01', async () => {
    assert.deepEqual(
      await checkAgainstRescreen(
        [{ name: HIKVISION, list: 'us_trade_csl:EL', country: 'CN' }],
        [],
        '2025-10-15',
      ),
      ['C-1001', 'C-1002', 'C-1003'],
    );
    assert.deepEqual(
      await checkAgainstRescreen(
        [{ name: HIKVISION, list: 'us_trade_csl:EL', country: 'CN' }],
        [],
        '2026-06-01',
      ),
      ['C-1001'],
    );
  });

  test('with the USCC the match is confirmed: the subsidiaries are blocked', async () => {
    const report = await new BookService({ store, book, rules }).whatIf(
      simulation([{ name: HIKVISION, list: 'us_ofac_sdn', country: 'CN', ids: ['uscc:91330000733796106P'] }]),
      '2026-01-01',
    );
    const ezviz = report.changes.find((c) => c.partyId === 'C-1002')!;
    assert.equal(ezviz.after.rules['us_ofac_50'], 'restricted');
    assert.deepEqual(
      ezviz.findings![0]!.paths[0]!.hops.map((h) => [h.ownerName, h.ownedName, h.shareText]),
      [[HIKVISION, 'Hangzhou Ezviz Network Co., Ltd.', '100 %']],
    );
  });

  test('a name that matches nobody changes nothing', async () => {
    assert.deepEqual(
      await checkAgainstRescreen(
        [{ name: 'Zorvaniq Qelmostra Avionics GmbH', list: 'us_ofac_sdn', country: 'DE' }],
        [],
        '2026-01-01',
      ),
      [],
    );
    // Last: the oracle stores the relation.
    test('a simulated owner of a party (a relation in the what-if)', async () => {
      const changed = await checkAgainstRescreen(
        [{ ref: 'X', name: 'Kryxophe Maritime Holdings Ltd', list: 'us_ofac_sdn' }],
        [{ owner: 'X', owned: 'C-1025', percent: '70' }],
        '2026-01-01',
      );
      // C-1025 is blocked; it holds 25–50 % of C-1024, which therefore needs review.
      assert.deepEqual(changed, ['C-1024', 'C-1025']);
    });
  });
});
