// The BookStore contract on SQLite and PostgreSQL: upserts by party id under one revision per import, unchanged
// parties keep their revision, relations keyed by (owner, owned, kind, source), a run replaces every result, a
// failed write leaves the book as it was, decisions are upserted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exactShare, nodeRef, shareRange, UNKNOWN_SHARE, type RelationEdge } from '../graph/types.ts';
import { DIALECTS, createTestDatabase } from '../../test/support/databases.ts';
import { openBookStore, type BookStore, type NewBookImport, type PartyRecord } from './index.ts';

const HIK: PartyRecord = {
  partyId: 'C-1001',
  name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
  schema: 'Company',
  country: 'cn',
  identifiers: ['uscc:91330000733796106P'],
  roles: ['supplier'],
};
const EZVIZ: PartyRecord = {
  partyId: 'C-1002',
  name: 'Hangzhou Ezviz Network Co., Ltd.',
  schema: 'Company',
  country: 'cn',
  identifiers: [],
  roles: ['supplier'],
};

function meta(kind: 'parties' | 'relations', rowsRead: number): NewBookImport {
  return {
    kind,
    at: '2026-01-01T00:00:00.000Z',
    sourcePath: `test-${kind}.csv`,
    format: `${kind}_csv`,
    rowsRead,
    warnings: [],
  };
}

function edge(owner: string, owned: string, share = exactShare(1), source = 'test'): RelationEdge {
  return {
    owner: nodeRef(owner),
    owned: nodeRef(owned),
    kind: 'ownership',
    share,
    source,
    asOf: '2025-06-30' as RelationEdge['asOf'] & string,
  };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function withBook(
  dialect: (typeof DIALECTS)[number],
  fn: (book: BookStore) => Promise<void>,
): Promise<void> {
  const db = await createTestDatabase(dialect);
  const book = await openBookStore(db.location);
  try {
    await fn(book);
  } finally {
    await book.close();
    await db.drop();
  }
}

for (const dialect of DIALECTS) {
  describe(`BookStore on ${dialect}`, () => {
    test('upserts parties by id; unchanged content keeps its revision', () =>
      withBook(dialect, async (book) => {
        assert.equal(await book.revision(), 0);
        const first = await book.upsertParties([HIK, EZVIZ], meta('parties', 2));
        assert.deepEqual([first.revision, first.added, first.changed, first.unchanged], [1, 2, 0, 0]);
        const second = await book.upsertParties(
          [HIK, { ...EZVIZ, country: 'hk', roles: ['supplier', 'consignee'] }],
          meta('parties', 2),
        );
        assert.deepEqual([second.revision, second.added, second.changed, second.unchanged], [2, 0, 1, 1]);
        assert.equal((await book.party('C-1001'))!.revision, 1);
        const ezviz = (await book.party('C-1002'))!;
        assert.deepEqual([ezviz.revision, ezviz.country, ezviz.roles], [2, 'hk', ['supplier', 'consignee']]);
        assert.deepEqual(
          (await all(book.parties({ sinceRevision: 1 }))).map((p) => p.partyId),
          ['C-1002'],
        );
        assert.deepEqual(
          (await all(book.parties())).map((p) => p.partyId),
          ['C-1001', 'C-1002'],
        );
        assert.equal(await book.partyCount(), 2);
        assert.deepEqual(
          (await book.imports()).map((i) => i.revision),
          [1, 2],
        );
      }));

    test('streams more parties than a page, in id order', () =>
      withBook(dialect, async (book) => {
        const parties = Array.from({ length: 12_345 }, (_, i) => ({
          ...EZVIZ,
          partyId: `P${String(i).padStart(6, '0')}`,
          name: `Party ${i}`,
        }));
        await book.upsertParties(parties, meta('parties', parties.length));
        const read = await all(book.parties());
        assert.equal(read.length, 12_345);
        assert.equal(read[12_344]!.name, 'Party 12344');
        const names = await all(book.partyNames());
        assert.deepEqual(
          names.map(([id]) => id),
          read.map((p) => p.partyId),
        );
        // Looked up by key in chunks: every id found once, an unknown one not at all.
        const byId = await book.partyNamesOf([...parties.map((p) => p.partyId), 'P999999', 'P000007']);
        assert.equal(byId.size, 12_345);
        assert.equal(byId.get('P012344'), 'Party 12344');
      }));

    test('streams more relations than a page, each once; lookups by many nodes cross chunks', () =>
      withBook(dialect, async (book) => {
        // Three owners: a page ends inside an owner's run, so the next page starts after a (owner, owned, …) key.
        const edges = Array.from({ length: 12_001 }, (_, i) =>
          edge(`O${i % 3}`, `P${String(i).padStart(6, '0')}`, exactShare(1), i % 2 === 0 ? 'a' : 'b'),
        );
        const report = await book.upsertRelations(edges, meta('relations', edges.length));
        assert.equal(report.added, 12_001);
        const key = (e: RelationEdge): string => `${e.owner}>${e.owned}:${e.source}`;
        const read = (await all(book.relations())).map(key);
        assert.equal(read.length, 12_001);
        assert.deepEqual(new Set(read), new Set(edges.map(key)));
        const owned = await book.relationsAt(
          edges.map((e) => e.owned),
          'owned',
        );
        assert.deepEqual(new Set(owned.map(key)), new Set(edges.map(key)));
        assert.equal(owned.length, 12_001);
      }));

    test('relations: keyed by owner, owned, kind and source; shares round-trip exactly', () =>
      withBook(dialect, async (book) => {
        await book.upsertRelations(
          [edge('C-1001', 'C-1002'), edge('entity:us_ofac_sdn:123', 'C-1001', shareRange(0.25, 0.5), 'psc')],
          meta('relations', 2),
        );
        const again = await book.upsertRelations(
          [
            edge('C-1001', 'C-1002', exactShare(0.123456789)),
            edge('C-1001', 'C-1002', UNKNOWN_SHARE, 'other-source'),
          ],
          meta('relations', 2),
        );
        assert.deepEqual([again.added, again.changed], [1, 1]);
        const edges = await all(book.relations());
        assert.equal(edges.length, 3);
        const replaced = edges.find((e) => e.source === 'test')!;
        assert.deepEqual(replaced.share, [0.123456789, 0.123456789]);
        assert.equal(replaced.asOf, '2025-06-30');
        assert.deepEqual(
          (await book.relationsOf('party:C-1001')).map((e) => `${e.owner}>${e.owned}:${e.source}`),
          [
            'entity:us_ofac_sdn:123>party:C-1001:psc',
            'party:C-1001>party:C-1002:other-source',
            'party:C-1001>party:C-1002:test',
          ],
        );
      }));

    test('a write that fails before commit leaves the book unchanged', () =>
      withBook(dialect, async (book) => {
        await book.upsertParties([HIK], meta('parties', 1));
        const failing = { beforeCommit: () => Promise.reject(new Error('killed')) };
        await assert.rejects(
          book.upsertParties([{ ...HIK, name: 'Changed' }, EZVIZ], meta('parties', 2), failing),
          /killed/,
        );
        await assert.rejects(
          book.upsertRelations([edge('C-1001', 'C-1002')], meta('relations', 1), failing),
          /killed/,
        );
        assert.equal((await book.party('C-1001'))!.name, HIK.name);
        assert.equal(await book.party('C-1002'), undefined);
        assert.equal(await book.relationCount(), 0);
        assert.equal(await book.revision(), 1);
      }));

    test('a run replaces every result; flagged results exclude clear ones', () =>
      withBook(dialect, async (book) => {
        const run = {
          runId: 'r1',
          at: '2026-01-01T00:00:00.000Z',
          date: '2026-01-01',
          revision: 1,
          algorithm: 'embargo-v1',
          lists: [{ list_id: 'us_ofac_cons', version: 1 }],
          summary: { parties: 2 },
        };
        await book.saveRun(run, [
          {
            partyId: 'C-1001',
            runId: 'r1',
            status: 'review',
            nameStatus: 'review',
            ownershipStatus: 'clear',
            detail: { matches: [{ entityId: 'us_ofac_cons:30946' }] },
          },
          {
            partyId: 'C-1002',
            runId: 'r1',
            status: 'clear',
            nameStatus: 'clear',
            ownershipStatus: 'clear',
            detail: null,
          },
        ]);
        assert.deepEqual(
          (await all(book.flaggedResults())).map((r) => r.partyId),
          ['C-1001'],
        );
        await book.saveRun({ ...run, runId: 'r2', at: '2026-01-02T00:00:00.000Z' }, [
          {
            partyId: 'C-1002',
            runId: 'r2',
            status: 'restricted',
            nameStatus: 'clear',
            ownershipStatus: 'restricted',
            detail: { x: 1 },
          },
        ]);
        assert.equal(await book.result('C-1001'), undefined);
        assert.deepEqual((await book.result('C-1002'))!.detail, { x: 1 });
        assert.equal((await book.latestRun())!.runId, 'r2');
      }));

    test('the serialised reverse index round-trips byte for byte, one revision at a time', () =>
      withBook(dialect, async (book) => {
        assert.equal(await book.loadIndex(), undefined);
        const parts = [Uint8Array.from([0, 1, 2, 255]), new Uint8Array(70_000).map((_, i) => i % 251)];
        await book.saveIndex(3, parts);
        await book.saveIndex(4, parts);
        const loaded = (await book.loadIndex())!;
        assert.equal(loaded.revision, 4);
        assert.deepEqual(
          loaded.parts.map((p) => Buffer.from(p)),
          parts.map((p) => Buffer.from(p)),
        );
      }));

    test('decisions are upserted per party and entity', () =>
      withBook(dialect, async (book) => {
        const d = {
          partyId: 'C-1001',
          entityId: 'us_ofac_cons:30946',
          decision: 'rejected' as const,
          actor: 'local:ana',
          reason: 'different company',
          decidedAt: '2026-01-01T00:00:00.000Z',
        };
        await book.decide(d);
        await book.decide({ ...d, decision: 'confirmed', reason: 'same USCC' });
        assert.deepEqual(await book.decisions(), [{ ...d, decision: 'confirmed', reason: 'same USCC' }]);
      }));
  });
}
