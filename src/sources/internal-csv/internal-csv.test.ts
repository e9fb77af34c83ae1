import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { listId } from '../../domain/ids.ts';
import type { ImportWarning } from '../types.ts';
import { detectInternalCsv, internalCsvFormat } from './index.ts';

const FILE = 'test/fixtures/internal/internal-list.csv';
const LIST = listId('xx_acme_blocked');

async function read(path: string, list: typeof LIST | null = LIST) {
  const out = { listId: '', entities: [] as Entity[], warnings: [] as ImportWarning[], rowsRead: -1 };
  const options = list === null ? { today: '2026-09-01' } : { today: '2026-09-01', listId: list };
  for await (const e of internalCsvFormat.read(path, options)) {
    if (e.type === 'list') out.listId = e.listId;
    else if (e.type === 'entity') out.entities.push(e.entity);
    else if (e.type === 'warning') out.warnings.push(e.warning);
    else out.rowsRead = e.rowsRead;
  }
  return out;
}

test('the fixture reads as 7 entities under the given list id, no warnings', async () => {
  const r = await read(FILE);
  assert.equal(r.listId, 'xx_acme_blocked');
  assert.equal(r.rowsRead, 7);
  assert.deepEqual(r.entities.map((e) => e.id), [
    'xx_acme_blocked:C-0001', 'xx_acme_blocked:C-0002', 'xx_acme_blocked:C-0003', 'xx_acme_blocked:P-0001',
    'xx_acme_blocked:P-0002', 'xx_acme_blocked:V-0001', 'xx_acme_blocked:O-0001',
  ]);
  assert.deepEqual(r.warnings, []);
});

test('every column is mapped', async () => {
  const r = await read(FILE);
  const nw = r.entities[0]!;
  assert.equal(nw.schema, 'Company');
  assert.deepEqual(nw.names.map((n) => [n.value, n.kind]), [['Northwind Trading FZE', 'primary'], ['Northwind Trading Free Zone Establishment', 'aka'], ['NWT FZE', 'aka']]);
  assert.deepEqual(nw.countries, [{ code: 'ae', role: 'country' }]);
  assert.deepEqual(nw.identifiers, [{ type: 'registration', value: 'FZE-44871' }, { type: 'lei', value: '5493001KJTIIGC8Y1R12' }]);
  assert.deepEqual(nw.programs, ['Internal block: diversion risk']);
  assert.equal(nw.listing.start, '2024-03-18');
  assert.equal(r.entities[1]!.countries[0]?.code, 'hk'); // "Hong Kong"
  const kestrel = r.entities[2]!;
  assert.equal(kestrel.status, 'ended');
  assert.equal(kestrel.listing.end, '2025-11-20');
  const varga = r.entities[3]!;
  assert.equal(varga.schema, 'Person');
  assert.deepEqual(varga.birthDates, ['1979-04-12']);
  assert.deepEqual(varga.countries, [{ code: 'hu', role: 'nationality' }]);
  assert.deepEqual(r.entities[4]!.birthDates, ['1985-09']);
  assert.deepEqual(r.entities[5]!.identifiers.map((i) => i.type), ['imo', 'mmsi']);
  assert.equal(r.entities[6]!.schema, 'LegalEntity'); // schema left empty
});

test('without a list id the read is a usage error with a hint', async () => {
  await assert.rejects(read(FILE, null), (e: Error & { code?: string; hint?: string }) => e.code === 'usage' && /--list/.test(e.hint ?? ''));
});

test('damaged rows: missing id/name, duplicate id, bad date/country/id number → bad_record with line', async () => {
  const tmp = await mkdtemp(join(tmpdir(), 'embargo-internal-'));
  const head = (await readFile(FILE, 'utf8')).split('\n')[0];
  const rows = [
    ',No Id Ltd,,,,,,,,,',
    'X-1,,,,,,,,,,',
    'X-2,Good Co,,,Atlantis,,,,12/03/2024,,',
    'X-2,Twice Co,,,,,,,,,',
    'X-3,Odd Person,Person,,,1990-02-30,passport;vat:123,,,,',
  ];
  const path = join(tmp, 'list.csv');
  await writeFile(path, [head, ...rows].join('\n') + '\n');
  const r = await read(path);
  assert.equal(r.rowsRead, 5);
  assert.deepEqual(r.entities.map((e) => e.sourceId), ['X-2', 'X-3']);
  assert.deepEqual(r.warnings.map((w) => [w.line, w.severity, w.reason.slice(0, 22)]), [
    [2, 'bad_record', 'column id is empty; ev'],
    [3, 'bad_record', 'row X-1: column name i'],
    [4, 'bad_record', 'column country: "Atlan'],
    [4, 'bad_record', 'column start_date: "12'],
    [5, 'bad_record', 'id X-2 already used on'],
    [6, 'bad_record', 'column birth_date: "19'],
    [6, 'bad_record', 'column id_numbers: "pa'],
    [6, 'bad_record', 'column id_numbers: typ'],
  ]);
});

test('detection: only a header of documented columns with id and name', async () => {
  const head = await readFile(FILE, 'latin1');
  const input = (h: string) => ({ path: 'x.csv', isDirectory: false, fileNames: ['x.csv'], head: h });
  assert.equal(detectInternalCsv(input(head)), true);
  assert.equal(detectInternalCsv(input('ID,Name,Country\n')), true);
  assert.equal(detectInternalCsv(input('id,name,colour\n')), false);
  assert.equal(detectInternalCsv(input('Name,Clean Name,Alias\n')), false);
});
