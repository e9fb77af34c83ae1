// The engine on OFAC's own ownership data: test/fixtures/us_ofac/cons_advanced.xml (non-SDN consolidated list in
// the SDN_ADVANCED schema, DateOfIssue 2020-03-17, 375 DistinctParty, 276 ProfileRelationship "Owned or
// Controlled By", e.g. OJSC ORENBURGNEFT → Rosneft, EXIMBANK OF RUSSIA → Vnesheconombank). The advanced-XML
// reader states each relationship as a control claim (the file gives no share).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../domain/entity.ts';
import { readListFile } from '../ingest/read-entities.ts';
import { edgesFromClaims, exactNameResolver } from '../sources/relations/index.ts';
import { GraphBuilder, type OwnershipGraph } from './graph.ts';
import { ownershipReport, type RuleFinding } from './findings.ts';
import { listingFactOf } from './listing.ts';
import { evaluateRule, CLEAR, RESTRICTED, REVIEW } from './propagate.ts';
import { loadRuleSet } from './rules-load.ts';
import { entityNode, type RelationEdge } from './types.ts';

const DATE = '2020-03-17';
const RULES = loadRuleSet();
const rule = (id: string) => RULES.rules.find((r) => r.id === id)!;
const { entities } = await readListFile('test/fixtures/us_ofac/cons_advanced.xml', { today: DATE });
const { edges, unresolved } = edgesFromClaims(entities, { resolve: exactNameResolver(entities) });
const byId = new Map(entities.map((e) => [e.id as string, e]));
const subsidiaries = new Set(edges.map((e) => e.owned));
const parentOf = new Map(edges.map((e) => [e.owned as string, e.owner as string]));

function graph(keepListing: (e: Entity) => boolean): OwnershipGraph {
  const b = new GraphBuilder();
  for (const e of entities) {
    const fact = listingFactOf(e);
    if (fact !== undefined && keepListing(e)) b.addListing(entityNode(e.id), fact);
  }
  edges.forEach((e: RelationEdge) => b.addEdge(e));
  return b.build();
}

function count(g: OwnershipGraph, ruleId: string): { status: number[]; of: (ref: string) => number } {
  const state = evaluateRule(g, rule(ruleId), DATE);
  const status = [0, 0, 0];
  state.status.forEach((s) => status[s]!++);
  return { status, of: (ref) => state.status[g.idOf(ref)!]! };
}

function finding(g: OwnershipGraph, entityId: string, ruleId: string): RuleFinding {
  return ownershipReport(g, RULES, `entity:${entityId}` as never, DATE).findings.find(
    (f) => f.ruleId === ruleId,
  )!;
}

const caption = (ref: string) => byId.get(ref.replace(/^entity:/, ''))!.names[0]!.value;

test('all 276 relationships become control edges between entities of the file, from 12 parents', () => {
  assert.equal(entities.length, 375);
  assert.equal(edges.length, 276);
  assert.deepEqual(unresolved, []);
  assert.ok(edges.every((e) => e.kind === 'control' && e.note === 'Owned or Controlled By'));
  assert.equal(new Set(edges.map((e) => e.owner)).size, 12);
  const named = (sub: string) => edges.filter((e) => caption(e.owned) === sub).map((e) => caption(e.owner));
  assert.deepEqual(named('OJSC ORENBURGNEFT'), ['Open Joint-Stock Company Rosneft Oil Company']);
  assert.deepEqual(named('EXIMBANK OF RUSSIA'), ['Vnesheconombank']);
});

test('as listed on 2020-03-17: SDN entries blocked, SSI entries restricted, SDN subsidiaries of SSI parents reviewed', () => {
  const g = graph(() => true);
  const sdn = entities.filter((e) => e.listing.subList === 'SDN').length;
  const ssi = entities.filter((e) => e.listing.subList === 'SSI').length;
  assert.deepEqual(count(g, 'us_ofac_50').status, [entities.length - sdn, 0, sdn]);
  // Subsidiaries that are not SSI entries themselves are controlled by an SSI parent: review under the SSI rule.
  const nonSsiSubs = [...subsidiaries].filter((ref) => byId.get(ref.slice(7))!.listing.subList !== 'SSI');
  assert.ok(nonSsiSubs.length > 0);
  assert.deepEqual(count(g, 'us_ofac_ssi_50').status, [
    entities.length - ssi - nonSsiSubs.length,
    nonSsiSubs.length,
    ssi,
  ]);
  const oren = finding(g, 'us_ofac_cons:18267', 'us_ofac_ssi_50');
  assert.deepEqual([oren.status, oren.basis], ['restricted', 'listed']);
  assert.deepEqual(
    oren.owners.map((o) => [o.name, o.kind, o.status]),
    [['Open Joint-Stock Company Rosneft Oil Company', 'control', 'restricted']],
  );
});

test('with the subsidiaries’ own listings removed, the engine finds every one of them through its parent: review (control only)', () => {
  const g = graph((e) => !subsidiaries.has(entityNode(e.id)));
  const ssi = count(g, 'us_ofac_ssi_50');
  const ofac = count(g, 'us_ofac_50');
  for (const ref of subsidiaries) {
    assert.equal(ssi.of(ref), REVIEW, `${caption(ref)} is controlled by an SSI entity`);
    assert.equal(ofac.of(ref), CLEAR, `${caption(ref)}: SSI parents do not block under the SDN 50 % rule`);
  }
  assert.equal(ssi.status[REVIEW], subsidiaries.size);
  const exim = entities.find((e) => e.names[0]!.value === 'EXIMBANK OF RUSSIA')!;
  const f = finding(g, exim.id, 'us_ofac_ssi_50');
  assert.deepEqual([f.status, f.basis], ['review', 'control']);
  assert.deepEqual(
    f.paths.map((p) => [p.listedName, p.hops.length, p.hops[0]!.kind, p.hops[0]!.shareText]),
    [['Vnesheconombank', 1, 'control', 'unknown share']],
  );
  assert.match(f.reasons[0]!, /controlled by Vnesheconombank .*control alone does not restrict/);
  assert.equal(parentOf.get(entityNode(exim.id)), f.paths[0]!.listed);
  assert.ok(ssi.status[RESTRICTED]! > 0);
});

test('the BIS Affiliates rule is reported as not in force in 2020', () => {
  const g = graph(() => true);
  const r = ownershipReport(g, RULES, entityNode(entities[0]!.id), DATE);
  assert.match(
    r.notInForce.find((n) => n.ruleId === 'us_bis_affiliates')!.reason,
    /not in force on 2020-03-17/,
  );
});
