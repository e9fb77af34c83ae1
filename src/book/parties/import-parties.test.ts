// Parties import on the fixture book (test/fixtures/book/parties.csv): the same parties from CSV, XLSX and JSON
// lines; upsert by party_id; bad rows reported with line and reason; a file with more than 1 % bad rows refused
// whole, nothing written.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { AppError } from '../../domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { FIXTURES } from '../../../test/support/list-files.ts';
import { openBookStore, type BookStore } from '../../store/index.ts';
import { importParties } from './import-parties.ts';

const CSV = join(FIXTURES, 'book', 'parties.csv');
const rows = parse(readFileSync(CSV), { columns: true, bom: true }) as Record<string, string>[];
const tmp = mkdtempSync(join(tmpdir(), 'embargo-parties-'));

async function xlsxCopy(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Parties');
  const header = Object.keys(rows[0]!);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((h) => r[h]));
  const path = join(tmp, 'parties.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

function jsonlCopy(): string {
  const path = join(tmp, 'parties.jsonl');
  const lines = rows.map((r) =>
    JSON.stringify({ ...r, id: r['id'] === '' ? [] : [r['id']], roles: r['roles']!.split(';') }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The fixture plus `extra` generated good rows and the given bad rows appended. */
function csvWith(extra: number, bad: string[]): string {
  const good = Array.from(
    { length: extra },
    (_, i) => `X${extra}-${i},Generated Trading ${i} Ltd,Company,GB,,,customer`,
  );
  const path = join(tmp, `parties-${extra}-${bad.length}.csv`);
  writeFileSync(path, `${readFileSync(CSV, 'utf8').trimEnd()}\n${[...good, ...bad].join('\n')}\n`);
  return path;
}

let db: TestDatabase;
let book: BookStore;
before(async () => {
  db = await createTestDatabase('sqlite');
  book = await openBookStore(db.location);
});
after(async () => {
  await book.close();
  await db.drop();
});

describe('parties import', () => {
  test('the CSV fixture: 20 parties, identifiers, roles, countries as codes', async () => {
    const r = await importParties(book, CSV);
    assert.deepEqual([r.rowsRead, r.imported, r.added, r.badRows, r.revision], [20, 20, 20, 0, 1]);
    const hik = (await book.party('C-1001'))!;
    assert.equal(hik.name, 'Hangzhou Hikvision Digital Technology Co., Ltd.');
    assert.deepEqual(
      [hik.schema, hik.country, hik.identifiers, hik.roles],
      ['Company', 'cn', ['uscc:91330000733796106P'], ['supplier']],
    );
    assert.deepEqual((await book.party('C-1003'))!.roles, ['supplier', 'consignee']);
    assert.equal((await book.party('C-1027'))!.name, 'ООО «Сибирские Технологии»');
    assert.equal((await book.party('P-2001'))!.schema, 'Person');
  });

  test('XLSX and JSON lines of the same rows change nothing', async () => {
    for (const path of [await xlsxCopy(), jsonlCopy()]) {
      const r = await importParties(book, path);
      assert.deepEqual([r.rowsRead, r.added, r.changed, r.unchanged, r.badRows], [20, 0, 0, 20, 0], path);
    }
  });

  test('upsert by party_id: a changed row updates the party under a new revision', async () => {
    const path = join(tmp, 'update.csv');
    writeFileSync(
      path,
      'party_id,name,country,roles\nC-1002,"Hangzhou EZVIZ Network Co., Ltd.",CN,supplier\nC-9001,New Party GmbH,Germany,customer\n',
    );
    const r = await importParties(book, path);
    assert.deepEqual([r.added, r.changed, r.unchanged], [1, 1, 0]);
    const ezviz = (await book.party('C-1002'))!;
    assert.deepEqual(
      [ezviz.name, ezviz.schema, ezviz.revision],
      ['Hangzhou EZVIZ Network Co., Ltd.', 'LegalEntity', r.revision],
    );
    assert.equal((await book.party('C-9001'))!.country, 'de', 'a country name becomes its code');
  });

  test('bad rows are reported with line and reason; up to 1 % the rest is imported', async () => {
    const path = csvWith(180, ['C-7001,,Company,CN,,,supplier']);
    const r = await importParties(book, path);
    assert.equal(r.badRows, 1);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.reason]),
      [[202, 'name is empty']],
    );
    assert.equal(r.imported, 200);
  });

  test('more than 1 % bad rows: the file is refused and nothing is written', async () => {
    const before = await book.revision();
    const path = csvWith(50, [
      'C-7002,Bad Country Ltd,Company,Atlantis,,,',
      'C-7003,Bad Id Ltd,Company,CN,,foo:123456,',
      'C-7004,Short Id Ltd,Company,CN,,lei:12,',
      'C-1001,Duplicate,Company,CN,,,',
    ]);
    await assert.rejects(importParties(book, path), (e: AppError) => {
      assert.equal(e.code, 'too_many_bad_records');
      assert.match(e.message, /4 of 74 rows .* nothing was imported/);
      assert.equal(e.where, 'parties-50-4.csv:72');
      assert.match(e.hint ?? '', /country "Atlantis" is not an ISO 3166 code or a country name/);
      return true;
    });
    assert.equal(await book.revision(), before);
    assert.equal(await book.party('X50-0'), undefined);
  });

  test('reasons for each kind of bad row', async () => {
    // 5 bad rows in 625: under 1 %, so the file is imported and the warnings say why each row was skipped.
    const padded = csvWith(600, [
      'C-7003,Bad Id Ltd,Company,CN,,foo:123456,',
      'C-7004,Short Id Ltd,Company,CN,,lei:12,',
      'C-1001,Duplicate,Company,CN,,,',
      'C-7005,Vessel Co,Ship,,,,',
      ',No Id Ltd,Company,,,,',
    ]);
    const r = await importParties(book, padded);
    assert.deepEqual(
      r.warnings.map((w) => w.reason),
      [
        'id type "foo" is not one of registration, tax, passport, national_id, imo, mmsi, swift_bic, lei, uscc, inn, ogrn, duns, crypto, call_sign, aircraft_tail, other',
        'id "lei:12" has fewer than 4 letters or digits',
        'party_id C-1001 already appears on line 2; this row is ignored',
        'schema "Ship" is not one of Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane',
        'party_id is empty',
      ],
    );
  });

  test('a file without party_id and name columns is unusable', async () => {
    const path = join(tmp, 'wrong.csv');
    writeFileSync(path, 'owner,owned,percent\nA,B,50\n');
    await assert.rejects(
      importParties(book, path),
      (e: AppError) =>
        e.code === 'unusable_file' && /no party_id or name column/.test(e.message) && e.where === `${path}:1`,
    );
  });
});
