// Relations import on real files: the fixture book's CSV, the GLEIF level-2 RR sample and a UK PSC snapshot record,
// with registry ids mapped onto book parties that carry the same LEI or company number.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { FIXTURES } from '../../../test/support/list-files.ts';
import { openBookStore, type BookStore } from '../../store/index.ts';
import { importParties } from '../parties/import-parties.ts';
import { importRelations } from './import-relations.ts';

const tmp = mkdtempSync(join(tmpdir(), 'embargo-relations-'));
let db: TestDatabase;
let book: BookStore;

before(async () => {
  db = await createTestDatabase('sqlite');
  book = await openBookStore(db.location);
  await importParties(book, join(FIXTURES, 'book', 'parties.csv'));
  // Parties carrying registry ids of the GLEIF and PSC samples (a fund consolidated by its parent; a UK company
  // whose corporate PSC is Robert Hitchins Limited, company 00686734).
  const path = join(tmp, 'registry-parties.csv');
  writeFileSync(
    path,
    'party_id,name,schema,country,id\nL-1,Consolidated Fund Entity,Company,,lei:010CMKZ3VON21WF2ZD45\nL-2,Consolidating Parent,Company,,lei:ZZG38T0MDR3QY1ETUA76\nG-1,UK Company 07434180,Company,GB,registration:07434180\n',
  );
  await importParties(book, path);
});
after(async () => {
  await book.close();
  await db.drop();
});

describe('relations import', () => {
  test('the fixture CSV: five relations with their shares, sources and dates', async () => {
    const r = await importRelations(book, join(FIXTURES, 'book', 'relations.csv'));
    assert.deepEqual([r.format, r.rowsRead, r.imported, r.added, r.badRows], ['relations_csv', 5, 5, 5, 0]);
    const ezviz = await book.relationsOf('party:C-1002');
    assert.deepEqual(
      ezviz.map((e) => [e.owner, e.share, e.source, e.asOf]),
      [['party:C-1001', [1, 1], 'Hikvision annual report 2024', '2024-12-31']],
    );
    assert.deepEqual((await book.relationsOf('party:C-1024'))[0]!.share, [0.25, 0.5]);
    const again = await importRelations(book, join(FIXTURES, 'book', 'relations.csv'));
    assert.deepEqual([again.added, again.replaced], [0, 5]);
    assert.equal(await book.relationCount(), 5);
  });

  test('GLEIF RR: consolidation becomes control, LEIs of book parties map to the parties', async () => {
    const r = await importRelations(book, join(FIXTURES, 'ownership', 'gleif', 'rr-data.xml'));
    assert.equal(r.format, 'gleif_rr');
    assert.ok(r.mappedToParties >= 2);
    const fund = await book.relationsOf('party:L-1');
    const direct = fund.find((e) => e.owner === 'party:L-2')!;
    assert.deepEqual([direct.kind, direct.share], ['control', [0, 1]]);
    assert.ok(
      fund.some((e) => e.owner === 'party:lei:3C7474T6CDKPR9K6YT90'),
      'an LEI no party carries stays a registry node',
    );
  });

  test('UK PSC: the company number of a book party maps to it; the corporate PSC keeps its registry node', async () => {
    const r = await importRelations(book, join(FIXTURES, 'ownership', 'uk_psc', 'psc-data-2.json'));
    assert.equal(r.format, 'uk_psc');
    const edges = await book.relationsOf('party:G-1');
    const shares = edges.find((e) => e.kind === 'ownership')!;
    assert.equal(shares.owner, 'party:gb_coh:00686734');
    assert.deepEqual(shares.share, [0.75, 1]);
  });

  test('more than 1 % bad rows: refused with the first bad line, nothing written', async () => {
    const path = join(tmp, 'bad.csv');
    writeFileSync(path, 'owner,owned,percent\nC-1020,C-1021,51\nC-1020,C-1022,150\nC-1020,C-1022,abc\n');
    const before = await book.relationCount();
    await assert.rejects(
      importRelations(book, path),
      (e: AppError) =>
        e.code === 'too_many_bad_records' && e.where === 'bad.csv:3' && /above 100/.test(e.hint ?? ''),
    );
    assert.equal(await book.relationCount(), before);
  });

  test('an unknown format is named with the formats that exist', async () => {
    const path = join(tmp, 'notes.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    await assert.rejects(
      importRelations(book, path),
      (e: AppError) => e.code === 'unknown_format' && /relations_csv/.test(e.hint ?? ''),
    );
  });
});
