// The batch file contracts: compare-file (CSV → CSV) and screen-file (CSV → JSON lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildIndex, openScreenPool } from '../index.ts';
import { bundled } from '../test-lists.ts';
import { compareFile } from './compare-file.ts';
import { screenFile } from './screen-file.ts';

async function tmp(name: string, content: string): Promise<{ input: string; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'embargo-match-'));
  const input = join(dir, name);
  await writeFile(input, content);
  return { input, output: join(dir, 'out') };
}

test('compare-file keeps the input columns (any header case) and adds score and match', async () => {
  const { input, output } = await tmp(
    'pairs.csv',
    'id,Name1,NAME2,Schema\n1,"KIM, Jong Un",Kim Jong Un,Person\n2,Hikvision,Dahua,Company\n3,"Acme, Inc.",,\n',
  );
  assert.equal(await compareFile(input, output), 3);
  const rows = parse(await readFile(output), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]), ['id', 'Name1', 'NAME2', 'Schema', 'score', 'match']);
  assert.deepEqual(
    rows.map((r) => [r.id, r.Name1, r.match]),
    [
      ['1', 'KIM, Jong Un', 'true'],
      ['2', 'Hikvision', 'false'],
      ['3', 'Acme, Inc.', 'false'],
    ],
  );
  assert.equal(rows[0].score, '0.9200');
});

test('compare-file without name columns says what is missing', async () => {
  const { input, output } = await tmp('bad.csv', 'a,b\nx,y\n');
  await assert.rejects(compareFile(input, output), {
    code: 'invalid_input',
    message: /no name1\/name2 columns/,
  });
});

test('screen-file writes one line per data row in input order, with errors as values', async () => {
  const index = buildIndex(await bundled('data/us_ofac/consolidated_csv'));
  const { input, output } = await tmp(
    'in.csv',
    'NAME,Schema,COUNTRY,birth_date,ID,ref\nHikvision,Company,CN,,,a\n,Person,,,,b\nNobody Known At All,,,,,c\n' +
      'Something,Company,,,"lei:X;uscc:Y1234",d\nx,Person,,8 Jan 1984,,e\n',
  );
  const summary = await screenFile(openScreenPool(index, { workers: 1 }), input, output);
  assert.deepEqual(
    [summary.rows, summary.rowsWithMatches, summary.rowsWithErrors, summary.potentialMatches, summary.clear],
    [5, 1, 3, 1, 1],
  );
  const lines = (await readFile(output, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    lines.map((l) => l.row),
    [1, 2, 3, 4, 5],
  );
  const first = lines[0] as { query: unknown; matches: { entityId: string; alsoOn: unknown[] }[] };
  assert.deepEqual(first.query, { name: 'Hikvision', schema: 'Company', country: 'CN' });
  assert.equal(first.matches[0].entityId, 'us_ofac_cons:30946');
  assert.match(String(lines[1].error), /no name/);
  assert.deepEqual(lines[2].matches, []);
  assert.deepEqual((lines[3].query as { id: string[] }).id, ['lei:X', 'uscc:Y1234']);
  assert.match(String(lines[3].error), /too short/);
  assert.match(String(lines[4].error), /birth_date/);
});
