// The reverse index of the book: a listed name finds the parties that carry it (in any spelling the engine
// tolerates, or by identifier), and the index follows the book as parties are added and renamed.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { FIXTURES } from '../../test/support/list-files.ts';
import { openBookStore, type BookStore } from '../store/index.ts';
import { importParties } from './parties/import-parties.ts';
import { PartyIndex } from './party-index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'embargo-party-index-'));
let db: TestDatabase;
let book: BookStore;

before(async () => {
  db = await createTestDatabase('sqlite');
  book = await openBookStore(db.location);
  await importParties(book, join(FIXTURES, 'book', 'parties.csv'));
});
after(async () => {
  await book.close();
  await db.drop();
});

const ids = (index: PartyIndex, name: string, extra: { country?: string; id?: string[] } = {}) =>
  index.candidates({ name, ...extra }).map((c) => c.partyId);

describe('reverse index of the book', () => {
  test('listed names find the parties that carry them, across spellings and scripts', async () => {
    const index = new PartyIndex();
    await index.refresh(book);
    assert.deepEqual(index.size, { main: 20, delta: 0 });
    assert.equal(ids(index, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.')[0], 'C-1001');
    assert.equal(ids(index, 'ZHU HAI ZHEN RONG COMPANY')[0], 'C-1010');
    assert.deepEqual(ids(index, 'Some Unrelated Shipping Corporation'), []);
    assert.ok(
      ids(index, 'Hikvision', { id: ['uscc:91330000733796106P'] }).includes('C-1001'),
      'an identifier finds its party whatever the name',
    );
  });

  test('changed parties are found under their new names, not their old ones; a large change rebuilds', async () => {
    const index = new PartyIndex();
    await index.refresh(book);
    const path = join(tmp, 'rename.csv');
    writeFileSync(
      path,
      'party_id,name,schema,country\nC-1024,Kryxophe Maritime Holdings B.V.,Company,NL\nC-9100,Velorant Precision Instruments GmbH,Company,DE\n',
    );
    await importParties(book, path);
    assert.equal(await index.refresh(book), 2);
    assert.deepEqual(index.size, { main: 20, delta: 2 });
    assert.deepEqual(ids(index, 'KRYXOPHE MARITIME HOLDINGS'), ['C-1024']);
    assert.deepEqual(ids(index, 'Rotterdam Port Logistics'), [], 'the old name of C-1024 is masked');
    assert.deepEqual(ids(index, 'VELORANT PRECISION INSTRUMENTS'), ['C-9100']);
    assert.equal(index.revision, await book.revision());
    assert.equal(await index.refresh(book), 0, 'nothing changed since');
  });

  test('a new process loads the stored index and catches up with what changed since', async () => {
    const first = new PartyIndex();
    await first.rebuild(book);
    const stored = (await book.loadIndex())!;
    assert.equal(stored.revision, await book.revision());
    const path = join(tmp, 'later.csv');
    writeFileSync(path, 'party_id,name,schema,country\nC-9200,Quorvane Lithium Refining Ltd,Company,AU\n');
    await importParties(book, path);
    const second = new PartyIndex();
    assert.equal(await second.refresh(book), 1, 'loaded, then one changed party applied');
    assert.deepEqual(second.size, { main: 21, delta: 1 });
    assert.deepEqual(ids(second, 'QUORVANE LITHIUM REFINING'), ['C-9200']);
    assert.equal(ids(second, 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.')[0], 'C-1001');
  });
});
