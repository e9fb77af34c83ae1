import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { GraphBuilder } from '../../graph/graph.ts';
import { ownershipReport } from '../../graph/findings.ts';
import { loadRuleSet } from '../../graph/rules-load.ts';
import { factOf } from '../../graph/testing.ts';
import { nodeRef, type RelationEdge } from '../../graph/types.ts';
import type { ImportWarning } from '../types.ts';
import { readRelationsCsv, relationsCsvFormat } from './relations-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'embargo-relations-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function readAll(
  path: string,
): Promise<{ edges: (RelationEdge & { line: number })[]; warnings: ImportWarning[]; rows: number }> {
  const out = { edges: [] as (RelationEdge & { line: number })[], warnings: [] as ImportWarning[], rows: -1 };
  for await (const e of readRelationsCsv(path)) {
    if (e.type === 'edge') out.edges.push({ ...e.edge, line: e.line });
    else if (e.type === 'warning') out.warnings.push(e.warning);
    else out.rows = e.rowsRead;
  }
  return out;
}

const GOOD = [
  'owner,owned,percent,kind,source,as_of',
  'entity:us_ofac_sdn:12345,party:ACME-HK,25,,registry extract,2025-03-01',
  'entity:us_ofac_sdn:999,ACME-HK,25,ownership,,',
  'ACME-HK,party:ACME-SZ,25-50,,,',
  'ACME-HK,ACME-SH,,control,,',
  'ACME-HK,"ACME, Shanghai Branch",>50,,,2024',
  'CEO-1,ACME-HK,,director,,',
].join('\n');

test('relations CSV: endpoints, percent forms, kinds, defaults and line numbers', async () => {
  const path = file('good.csv', `${GOOD}\n`);
  const { edges, warnings, rows } = await readAll(path);
  assert.deepEqual(warnings, []);
  assert.equal(rows, 6);
  assert.deepEqual(
    edges.map((e) => [e.line, e.owner, e.owned, e.kind, e.share]),
    [
      [2, 'entity:us_ofac_sdn:12345', 'party:ACME-HK', 'ownership', [0.25, 0.25]],
      [3, 'entity:us_ofac_sdn:999', 'party:ACME-HK', 'ownership', [0.25, 0.25]],
      [4, 'party:ACME-HK', 'party:ACME-SZ', 'ownership', [0.25, 0.5]],
      [5, 'party:ACME-HK', 'party:ACME-SH', 'control', [0, 1]],
      [6, 'party:ACME-HK', 'party:ACME, Shanghai Branch', 'ownership', [0.500001, 1]],
      [7, 'party:CEO-1', 'party:ACME-HK', 'director', [0, 1]],
    ],
  );
  assert.equal(edges[0]!.source, 'registry extract');
  assert.equal(edges[0]!.asOf, '2025-03-01');
  assert.equal(edges[1]!.source, 'csv:good.csv');
  assert.equal(edges[4]!.asOf, '2024');
});

test('relations CSV: bad rows become warnings with line and reason; good rows still stream', async () => {
  const path = file(
    'bad.csv',
    [
      'owned,owner,percent,kind',
      'C,A,60,',
      'C,A,sixty,',
      'C,A,10,shareholder',
      'C,entity:bogus,10,',
      'C,C,10,',
      ',A,10,',
      'C,B,150,',
    ].join('\r\n'),
  );
  const { edges, warnings, rows } = await readAll(path);
  assert.equal(rows, 7);
  assert.deepEqual(
    edges.map((e) => [e.line, e.owner, e.owned]),
    [[2, 'party:A', 'party:C']],
  );
  assert.deepEqual(
    warnings.map((w) => [w.line, w.severity]),
    [
      [3, 'bad_record'],
      [4, 'bad_record'],
      [5, 'bad_record'],
      [6, 'bad_record'],
      [7, 'bad_record'],
      [8, 'bad_record'],
    ],
  );
  assert.match(warnings[0]!.reason, /percent "sixty" is not a number/);
  assert.match(warnings[1]!.reason, /kind "shareholder" is not one of ownership, control, director, other/);
  assert.match(warnings[2]!.reason, /owner "entity:bogus"/);
  assert.match(warnings[3]!.reason, /same node party:C/);
  assert.match(warnings[4]!.reason, /owned is empty/);
  assert.match(warnings[5]!.reason, /above 100/);
  assert.equal(warnings[0]!.file, 'bad.csv');
});

test('relations CSV: a file without owner/owned columns is unusable, with the expected header in the hint', async () => {
  const path = file('nohead.csv', 'parent,child,pct\nA,B,50\n');
  await assert.rejects(
    readAll(path),
    (e: unknown) =>
      e instanceof AppError && e.code === 'unusable_file' && /owner,owned,percent/.test(e.hint ?? ''),
  );
  await assert.rejects(
    readAll(file('empty.csv', '')),
    (e: unknown) => e instanceof AppError && e.code === 'unusable_file',
  );
});

test('relations CSV detection looks at the header, not only the extension', () => {
  const input = (path: string, head: string) => ({ path, isDirectory: false, fileNames: [path], head });
  assert.equal(relationsCsvFormat.detect(input('r.csv', GOOD)), true);
  assert.equal(relationsCsvFormat.detect(input('r.csv', '"Owned","Owner"\n')), true);
  assert.equal(relationsCsvFormat.detect(input('sdn.csv', '36,"AEROCARIBBEAN AIRLINES",-0-')), false);
});

test('relations CSV into the engine: the two 25 % SDN owners block ACME-HK, and its >50 % subsidiary in turn', async () => {
  const { edges } = await readAll(file('engine.csv', `${GOOD}\n`));
  const b = new GraphBuilder();
  for (const id of ['entity:us_ofac_sdn:12345', 'entity:us_ofac_sdn:999']) {
    b.addListing(nodeRef(id), factOf({ node: id, listId: 'us_ofac_sdn', programs: ['SDGT'] }));
  }
  edges.forEach((e) => b.addEdge(e));
  const graph = b.build();
  const rules = loadRuleSet();
  const ofac = (node: string) =>
    ownershipReport(graph, rules, nodeRef(node), '2025-06-01').findings.find(
      (f) => f.ruleId === 'us_ofac_50',
    )!;
  assert.equal(ofac('ACME-HK').status, 'restricted');
  assert.equal(ofac('ACME, Shanghai Branch').status, 'restricted');
  assert.equal(ofac('ACME-SZ').status, 'review', 'a 25–50 % band straddles 50 %');
  assert.equal(ofac('ACME-SH').status, 'review', 'control alone');
  assert.equal(ofac('CEO-1').status, 'clear');
  assert.deepEqual(
    ofac('ACME, Shanghai Branch')
      .paths.map((p) => p.hops.map((h) => h.shareText))
      .sort(),
    [
      ['25 %', 'more than 50 %'],
      ['25 %', 'more than 50 %'],
    ],
  );
});
