// On the 16 bundled Companies House PSC snapshot files (test/fixtures/ownership/uk_psc/, 35 records: 19 PSC or
// statement records and 16 snapshot trailers; kinds: corporate-entity-PSC 9, individual-PSC 5, statement 1,
// corporate-entity-BO 1, legal-person-PSC 1, legal-person-BO 1, super-secure 1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphBuilder } from '../../graph/graph.ts';
import { ownershipReport } from '../../graph/findings.ts';
import { loadRuleSet } from '../../graph/rules-load.ts';
import { factOf } from '../../graph/testing.ts';
import type { RelationEdge } from '../../graph/types.ts';
import type { ImportWarning } from '../types.ts';
import { readUkPsc, ukPscFormat } from './uk-psc.ts';

const FILES = Array.from({ length: 16 }, (_, i) => `test/fixtures/ownership/uk_psc/psc-data-${i + 1}.json`);

async function readAll(paths: string[]) {
  const out = {
    edges: [] as (RelationEdge & { line: number; file: string })[],
    warnings: [] as ImportWarning[],
    rows: 0,
  };
  for (const path of paths) {
    for await (const e of readUkPsc(path)) {
      if (e.type === 'edge') out.edges.push({ ...e.edge, line: e.line, file: path });
      else if (e.type === 'warning') out.warnings.push(e.warning);
      else out.rows += e.rowsRead;
    }
  }
  return out;
}

const byCompany = (edges: RelationEdge[], company: string, kind: RelationEdge['kind']) =>
  edges.find((e) => e.owned === `party:gb_coh:${company}` && e.kind === kind);

test('UK PSC: 35 records read; one ownership edge per PSC with a share nature; super-secure is a note', async () => {
  const { edges, warnings, rows } = await readAll(FILES);
  assert.equal(rows, 35);
  // 17 PSCs with natures (19 records minus the statement and the super-secure one), 16 of them with share natures.
  assert.equal(new Set(edges.map((e) => `${e.owner}>${e.owned}`)).size, 17);
  assert.equal(edges.filter((e) => e.kind === 'ownership').length, 16);
  assert.deepEqual(
    warnings.map((w) => [w.file, w.severity]),
    [['psc-data-7.json', 'note']],
  );
  assert.match(warnings[0]!.reason, /super-secure/);
});

test('UK PSC: bands as ranges with the Companies House open and closed ends', async () => {
  const { edges } = await readAll(FILES);
  assert.deepEqual(byCompany(edges, '08209948', 'ownership')!.share, [0.75, 1], '75-to-100: 75 % or more');
  assert.deepEqual(
    byCompany(edges, '03136191', 'ownership')!.share,
    [0.250001, 0.5],
    '25-to-50: more than 25 %, not more than 50 %',
  );
  assert.deepEqual(
    byCompany(edges, 'OE031044', 'ownership')!.share,
    [0.250001, 1],
    'overseas entity: more than 25 %',
  );
  const parliament = byCompany(edges, 'OE029880', 'control')!;
  assert.deepEqual(parliament.share, [0, 1]);
  assert.equal(parliament.note, 'significant-influence-or-control-as-trust-registered-overseas-entity');
  assert.equal(
    byCompany(edges, '04120481', 'control')!.note,
    'voting-rights-75-to-100-percent; right-to-appoint-and-remove-directors',
  );
});

test('UK PSC: owners — Companies House numbers for UK corporate PSCs, PSC ids otherwise; names, dates, ceased', async () => {
  const { edges } = await readAll(FILES);
  const clientlogic = byCompany(edges, '04120481', 'ownership')!;
  assert.equal(clientlogic.owner, 'party:gb_coh:03530981');
  assert.equal(clientlogic.ownerName, 'Clientlogic Holding Limited');
  const safe = byCompany(edges, '07102351', 'ownership')!;
  assert.equal(safe.owner, 'party:gb_psc:I9Y9flc5ndlcZRtXPL03fjn2hDo');
  assert.equal(safe.ownerName, 'State Administration Of Foreign Exchange');
  assert.equal(safe.asOf, '2024-12-19');
  const ceased = byCompany(edges, '10308742', 'ownership')!;
  assert.equal(ceased.validTo, '2018-02-27');
  const bunyan = edges.find((e) => e.owned === 'party:gb_coh:03136191')!;
  assert.deepEqual(
    [bunyan.file.endsWith('psc-data-8.json'), bunyan.line],
    [true, 34],
    'line of the record in a pretty-printed file',
  );
});

test('UK PSC into the engine: a designated 75–100 % owner restricts under UK; a 25–50 % band never passes "> 50 %"', async () => {
  const { edges } = await readAll(FILES);
  const b = new GraphBuilder();
  edges.forEach((e) => b.addEdge(e));
  // Hypothetical designations, to exercise real PSC bands: the owners as if on the OFSI list and the SDN list.
  for (const owner of [
    'party:gb_psc:I9Y9flc5ndlcZRtXPL03fjn2hDo',
    'party:gb_psc:55y0_U-Q2wwTXDXh6mmo0BJPpM8',
  ]) {
    b.addListing(owner as never, factOf({ node: owner, listId: 'gb_hmt_ofsi' }));
    b.addListing(owner as never, factOf({ node: owner, listId: 'us_ofac_sdn', programs: ['SDGT'] }));
  }
  const graph = b.build();
  const rules = loadRuleSet();
  const status = (company: string, rule: string) =>
    ownershipReport(graph, rules, `party:gb_coh:${company}` as never, '2025-01-01').findings.find(
      (f) => f.ruleId === rule,
    )!.status;
  assert.equal(status('07102351', 'uk_ownership_control'), 'restricted');
  assert.equal(
    status('03136191', 'uk_ownership_control'),
    'clear',
    'more than 25 % up to 50 % is never more than 50 %',
  );
  assert.equal(
    status('03136191', 'us_ofac_50'),
    'review',
    'up to 50 % may be exactly 50 %: OFAC needs review',
  );
  // The ceased PSC counts before it ceased only.
  const k = 'party:gb_psc:w4N_sH7yjfQmrQl93tx5yu7WW50';
  const b2 = new GraphBuilder();
  edges.forEach((e) => b2.addEdge(e));
  b2.addListing(k as never, factOf({ node: k, listId: 'us_ofac_sdn', programs: ['SDGT'] }));
  const g2 = b2.build();
  const on = (date: string) =>
    ownershipReport(g2, rules, 'party:gb_coh:10308742' as never, date).findings.find(
      (f) => f.ruleId === 'us_ofac_50',
    )!.status;
  assert.deepEqual([on('2018-02-26'), on('2018-02-27')], ['restricted', 'clear']);
});

test('UK PSC: JSON lines work too; a broken line is a bad record and the rest is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-psc-'));
  const path = join(dir, 'snapshot.jsonl');
  const line = (n: string) =>
    JSON.stringify({
      company_number: n,
      data: {
        kind: 'individual-person-with-significant-control',
        name: 'A "quoted" {name}',
        natures_of_control: ['ownership-of-shares-50-to-75-percent'],
        links: { self: `/company/${n}/persons-with-significant-control/individual/ID${n}` },
      },
    });
  writeFileSync(path, `${line('00000001')}\n{"company_number": "2", "data": {\n${line('00000003')}\n`);
  const { edges, warnings, rows } = await readAll([path]);
  assert.equal(rows, 2, 'the broken record swallows up to the next balanced brace');
  assert.deepEqual(
    edges.map((e) => [e.owned, e.share, e.line]),
    [['party:gb_coh:00000001', [0.500001, 0.749999], 1]],
  );
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.reason, /ends inside this record/);
  assert.equal(
    ukPscFormat.detect({ path, isDirectory: false, fileNames: ['snapshot.jsonl'], head: line('1') }),
    true,
  );
});
