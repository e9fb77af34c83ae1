// Table files as streams of rows: CSV, XLSX and JSON lines, problems in file order, bytes seen by the tap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readTable, tableFormatOf, type TableEvent, type TableFormat } from './index.ts';

const dir = await mkdtemp(join(tmpdir(), 'embargo-tables-'));

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Events as plain values: header columns, rows as [line, {cell: values}], problems as [line, reason]. */
async function events(path: string, format: TableFormat, onBytes?: (b: Buffer) => void): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of readTable(
    path,
    format,
    onBytes === undefined ? {} : { onBytes },
  ) as AsyncIterable<TableEvent>) {
    if (e.type === 'header') out.push(e.columns);
    else if (e.type === 'row') out.push([e.row.line, Object.fromEntries(e.row.cells)]);
    else out.push([e.line, e.reason.split(' (')[0]]);
  }
  return out;
}

test('CSV: header keys in any case, repeated columns, quoted line breaks, and every byte passes the tap', async () => {
  const path = await file(
    'a.csv',
    '\uFEFFName,Birth Date,ID,id\r\n"KIM, Jong Un",1984-01-08,passport:123456,"imo:9187629"\r\n\r\n"Line\nbreak Ltd",,,\r\n',
  );
  let bytes = 0;
  assert.deepEqual(await events(path, 'csv', (b) => (bytes += b.length)), [
    ['name', 'birth_date', 'id', 'id'],
    [2, { name: ['KIM, Jong Un'], birth_date: ['1984-01-08'], id: ['passport:123456', 'imo:9187629'] }],
    [5, { name: ['Line\nbreak Ltd'] }],
  ]);
  assert.equal(bytes, statSync(path).size);
});

test('CSV: an unreadable record is a problem at its place; bytes that are not UTF-8 are Windows-1252', async () => {
  const path = await file(
    'b.csv',
    Buffer.from('name,country\nAcme,de\nM\xfcller GmbH,de\n"Open quote,x\n', 'latin1'),
  );
  const got = await events(path, 'csv');
  assert.deepEqual(got.slice(0, 3), [
    ['name', 'country'],
    [2, { name: ['Acme'], country: ['de'] }],
    [3, { name: ['Müller GmbH'], country: ['de'] }],
  ]);
  assert.deepEqual(got[3], [4, 'Quote Not Closed: the parsing is finished with an opening quote at line 4']);
});

test('CSV: a missing file and an empty file cannot be read at all', async () => {
  await assert.rejects(events(join(dir, 'missing.csv'), 'csv'), {
    code: 'unusable_file',
    message: /cannot read/,
  });
  await assert.rejects(events(await file('empty.csv', ''), 'csv'), {
    code: 'unusable_file',
    message: /is empty/,
  });
});

test('XLSX: the first sheet, header in row 1, dates and numbers as text, empty rows skipped', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('parties');
  sheet.addRow(['Name', 'Birth_Date', 'Country', 'Reference']);
  sheet.addRow(['Kim Jong Un', new Date(Date.UTC(1984, 0, 8)), 'KP', 42]);
  sheet.addRow([]);
  sheet.addRow([{ richText: [{ text: 'Hik' }, { text: 'vision' }] }, '', 'cn', 'r-2']);
  wb.addWorksheet('other').addRow(['ignored']);
  const path = join(dir, 'a.xlsx');
  await wb.xlsx.writeFile(path);
  let bytes = 0;
  assert.deepEqual(await events(path, 'xlsx', (b) => (bytes += b.length)), [
    ['name', 'birth_date', 'country', 'reference'],
    [2, { name: ['Kim Jong Un'], birth_date: ['1984-01-08'], country: ['KP'], reference: ['42'] }],
    [4, { name: ['Hikvision'], country: ['cn'], reference: ['r-2'] }],
  ]);
  assert.equal(bytes, statSync(path).size);
  await assert.rejects(events(await file('fake.xlsx', 'name\nnot a workbook\n'), 'xlsx'), {
    code: 'unusable_file',
  });
});

test('JSON lines: keys in any case, arrays, bad lines as problems; a file of no JSON at all is unusable', async () => {
  const path = await file(
    'a.jsonl',
    [
      '{"Name":"Hikvision","country":"CN","id":["uscc:91330000733796106P","lei:549300ZQ4R1L6PT7XN25"]}',
      '',
      '{"name": "broken"',
      '["an","array"]',
      '{"name":"Nested","address":{"city":"x"}}',
      '{"name":"Kim Jong Un","birth_date":1984,"reference":null}',
    ].join('\n'),
  );
  assert.deepEqual(await events(path, 'jsonl'), [
    [
      1,
      { name: ['Hikvision'], country: ['CN'], id: ['uscc:91330000733796106P', 'lei:549300ZQ4R1L6PT7XN25'] },
    ],
    [3, 'the line is not valid JSON'],
    [4, 'the line is not a JSON object'],
    [5, 'field address holds an object; give a string or an array of strings'],
    [6, { name: ['Kim Jong Un'], birth_date: ['1984'] }],
  ]);
  await assert.rejects(events(await file('b.jsonl', 'name,country\nAcme,de\n'), 'jsonl'), {
    code: 'unusable_file',
    message: /holds no JSON lines/,
  });
});

test('the format comes from the option, else the extension; an unknown one says how to fix it', () => {
  assert.equal(tableFormatOf('a.CSV'), 'csv');
  assert.equal(tableFormatOf('a.ndjson'), 'jsonl');
  assert.equal(tableFormatOf('a.data', 'XLSX'), 'xlsx');
  assert.throws(() => tableFormatOf('a.pdf', undefined, '--input-format'), {
    code: 'unknown_format',
    hint: /--input-format csv\|xlsx\|jsonl/,
  });
  assert.throws(() => tableFormatOf('a.csv', 'xls'), {
    code: 'unknown_format',
    message: /unknown format "xls"/,
  });
});
