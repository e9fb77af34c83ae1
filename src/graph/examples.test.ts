// The hand-checked examples of docs/design/ownership.md, run against the bundled rules file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRuleSet } from './rules-load.ts';
import { ownershipReport, type OwnershipReport, type RuleFinding } from './findings.ts';
import { graphOf, type EdgeSpec, type ListingSpec } from './testing.ts';
import { nodeRef } from './types.ts';

const RULES = loadRuleSet();
const SDN = (node: string, programs = ['SDGT']): ListingSpec => ({ node, listId: 'us_ofac_sdn', programs });
const EL = (node: string, licenseRequirement?: string): ListingSpec => ({
  node,
  listId: 'us_trade_csl',
  subList: 'EL',
  ...(licenseRequirement === undefined ? {} : { licenseRequirement }),
});

function report(
  edges: EdgeSpec[],
  listings: ListingSpec[],
  subject: string,
  date = '2025-10-15',
): OwnershipReport {
  return ownershipReport(graphOf(edges, listings), RULES, nodeRef(subject), date);
}

function finding(r: OwnershipReport, ruleId: string): RuleFinding {
  const f = r.findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `no finding for ${ruleId}; not in force: ${JSON.stringify(r.notInForce)}`);
  return f;
}

test('two 25 % SDN owners block the company (aggregation, ≥ 50 %)', () => {
  const r = report(
    [
      ['X', 'C', '25'],
      ['Y', 'C', '25'],
    ],
    [SDN('X'), SDN('Y')],
    'C',
  );
  const f = finding(r, 'us_ofac_50');
  assert.equal(f.status, 'restricted');
  assert.equal(f.basis, 'ownership');
  assert.deepEqual([f.aggregate.lo, f.aggregate.hi], [0.5, 0.5]);
  assert.deepEqual(f.owners.map((o) => o.node).sort(), ['party:X', 'party:Y']);
  assert.equal(f.paths.length, 2);
  assert.deepEqual(
    f.paths.map((p) => p.hops.map((h) => h.shareText)),
    [['25 %'], ['25 %']],
  );
});

test('one 25 % SDN owner alone does not block', () => {
  const f = finding(
    report(
      [
        ['X', 'C', '25'],
        ['Y', 'C', '25'],
      ],
      [SDN('X')],
      'C',
    ),
    'us_ofac_50',
  );
  assert.equal(f.status, 'clear');
  assert.deepEqual([f.aggregate.lo, f.aggregate.hi], [0.25, 0.25]);
});

test('X 60 % → A, A 60 % → B: A and B are blocked, with the path X → A → B', () => {
  const edges: EdgeSpec[] = [
    ['X', 'A', '60'],
    ['A', 'B', '60'],
  ];
  assert.equal(finding(report(edges, [SDN('X')], 'A'), 'us_ofac_50').status, 'restricted');
  const f = finding(report(edges, [SDN('X')], 'B'), 'us_ofac_50');
  assert.equal(f.status, 'restricted');
  assert.equal(f.aggregate.lo, 0.6, 'the fixed point counts A’s whole 60 %, not 60 % × 60 % = 36 %');
  assert.equal(f.paths.length, 1);
  assert.equal(f.paths[0]!.listed, 'party:X');
  assert.deepEqual(
    f.paths[0]!.hops.map((h) => [h.owner, h.owned, h.shareText]),
    [
      ['party:X', 'party:A', '60 %'],
      ['party:A', 'party:B', '60 %'],
    ],
  );
});

test('OFAC FAQ 401: X 50 % of A, A 50 % of B: both blocked', () => {
  const edges: EdgeSpec[] = [
    ['X', 'A', '50'],
    ['A', 'B', '50'],
  ];
  assert.equal(finding(report(edges, [SDN('X')], 'B'), 'us_ofac_50').status, 'restricted');
});

test('X 40 % → A, A 60 % → B: neither is blocked', () => {
  const edges: EdgeSpec[] = [
    ['X', 'A', '40'],
    ['A', 'B', '60'],
  ];
  assert.equal(finding(report(edges, [SDN('X')], 'A'), 'us_ofac_50').status, 'clear');
  const b = finding(report(edges, [SDN('X')], 'B'), 'us_ofac_50');
  assert.equal(b.status, 'clear');
  assert.deepEqual([b.aggregate.lo, b.aggregate.hi], [0, 0]);
});

test('30 % + 25 % joint venture of two Entity List owners: BIS restricted on 2025-10-15, suspended on 2026-06-01', () => {
  const edges: EdgeSpec[] = [
    ['P', 'JV', '30'],
    ['Q', 'JV', '25'],
  ];
  const listings = [
    EL('P', 'For all items subject to the EAR'),
    EL('Q', 'For all items subject to the EAR except EAR99 food'),
  ];
  const before = report(edges, listings, 'JV', '2025-10-15');
  const f = finding(before, 'us_bis_affiliates');
  assert.equal(f.status, 'restricted');
  assert.equal(f.aggregate.lo, 0.55);
  assert.deepEqual(f.licences.map((l) => l.requirement).sort(), [
    'For all items subject to the EAR',
    'For all items subject to the EAR except EAR99 food',
  ]);
  const during = report(edges, listings, 'JV', '2026-06-01');
  assert.equal(
    during.findings.some((x) => x.ruleId === 'us_bis_affiliates'),
    false,
  );
  const suspended = during.notInForce.find((x) => x.ruleId === 'us_bis_affiliates');
  assert.match(suspended?.reason ?? '', /suspended on 2026-06-01/);
  assert.equal(
    finding(report(edges, listings, 'JV', '2026-11-10'), 'us_bis_affiliates').status,
    'restricted',
  );
});

test('BIS: not in force before 29 Sep 2025', () => {
  const r = report([['P', 'JV', '60']], [EL('P')], 'JV', '2025-09-28');
  assert.match(r.notInForce.find((x) => x.ruleId === 'us_bis_affiliates')?.reason ?? '', /not in force/);
});

test('a 100 % subsidiary of an NS-CMIC-only company is not blocked by OFAC, with the FAQ 857 note', () => {
  const cmic: ListingSpec = {
    node: 'entity:us_ofac_cons:1',
    listId: 'us_ofac_cons',
    programs: ['CMIC-EO13959'],
    name: 'CMIC Co',
  };
  const f = finding(report([['entity:us_ofac_cons:1', 'S', '100']], [cmic], 'S'), 'us_ofac_50');
  assert.equal(f.status, 'clear');
  assert.equal(f.notes.length, 1);
  assert.match(f.notes[0]!, /CMIC Co is on us_ofac_cons \[CMIC-EO13959\].*FAQ 857/);
});

test('control without ownership gives review, not blocked', () => {
  const f = finding(report([['X', 'C', '', 'control']], [SDN('X')], 'C'), 'us_ofac_50');
  assert.equal(f.status, 'review');
  assert.equal(f.basis, 'control');
  assert.match(f.reasons.join('\n'), /controlled by X .*control alone does not restrict/);
  assert.equal(f.paths[0]!.hops[0]!.kind, 'control');
});

test('a cycle terminates, and a cycle cannot block itself', () => {
  // A and B hold 30 % and 60 % of each other; the SDN's 25 % of A is all that is blocked-held.
  const edges: EdgeSpec[] = [
    ['X', 'A', '25'],
    ['B', 'A', '30'],
    ['A', 'B', '60'],
  ];
  assert.equal(finding(report(edges, [SDN('X')], 'A'), 'us_ofac_50').status, 'clear');
  assert.equal(finding(report(edges, [SDN('X')], 'B'), 'us_ofac_50').status, 'clear');
  // With 50 % the SDN blocks A, A's 60 % blocks B, and B's 30 % back into A changes nothing.
  const blocking: EdgeSpec[] = [
    ['X', 'A', '50'],
    ['B', 'A', '30'],
    ['A', 'B', '60'],
  ];
  const f = finding(report(blocking, [SDN('X')], 'B'), 'us_ofac_50');
  assert.equal(f.status, 'restricted');
  assert.deepEqual(
    f.paths.map((p) => p.hops.length),
    [2],
  );
});

test('an unknown share of an Entity List owner gives review: BIS Red Flag 29', () => {
  const f = finding(report([['P', 'C', '']], [EL('P')], 'C'), 'us_bis_affiliates');
  assert.equal(f.status, 'review');
  assert.deepEqual([f.aggregate.lo, f.aggregate.hi], [0, 1]);
  assert.match(f.reasons.join('\n'), /P holds unknown share: BIS Red Flag 29/);
});

test('a share range that straddles 50 % gives review, never a silent 0', () => {
  const f = finding(report([['X', 'C', '40-60']], [SDN('X')], 'C'), 'us_ofac_50');
  assert.equal(f.status, 'review');
  assert.deepEqual([f.aggregate.lo, f.aggregate.hi], [0.4, 0.6]);
  assert.match(f.reasons.join('\n'), /40–60 %, a range that leaves the total on either side of ≥ 50 %/);
  assert.equal(finding(report([['X', 'C', '50-75']], [SDN('X')], 'C'), 'us_ofac_50').status, 'restricted');
  assert.equal(finding(report([['X', 'C', '10-40']], [SDN('X')], 'C'), 'us_ofac_50').status, 'clear');
});

test('exactly 50 %: OFAC blocked (≥), EU not owned (> 50 % needed)', () => {
  const listings: ListingSpec[] = [SDN('X'), { node: 'X', listId: 'eu_fsf' }];
  const r = report([['X', 'C', '50']], listings, 'C');
  assert.equal(finding(r, 'us_ofac_50').status, 'restricted');
  assert.equal(finding(r, 'eu_ownership_control').status, 'clear');
  assert.equal(
    finding(report([['X', 'C', '>50']], listings, 'C'), 'eu_ownership_control').status,
    'restricted',
  );
});

test('EU/UK: holdings that pass only together give review (aggregation case by case)', () => {
  const listings: ListingSpec[] = [
    { node: 'X', listId: 'gb_hmt_ofsi' },
    { node: 'Y', listId: 'gb_hmt_ofsi' },
  ];
  const f = finding(
    report(
      [
        ['X', 'C', '30'],
        ['Y', 'C', '30'],
      ],
      listings,
      'C',
    ),
    'uk_ownership_control',
  );
  assert.equal(f.status, 'review');
  assert.match(f.reasons.join('\n'), /only the combined holdings/);
  assert.equal(
    finding(report([['X', 'C', '51']], listings, 'C'), 'uk_ownership_control').status,
    'restricted',
  );
});

test('a candidate (potential) match makes owners and subsidiaries review, never restricted', () => {
  const listings: ListingSpec[] = [{ ...SDN('X'), certainty: 'potential' }];
  const edges: EdgeSpec[] = [
    ['X', 'A', '100'],
    ['A', 'B', '100'],
  ];
  const f = finding(report(edges, listings, 'B'), 'us_ofac_50');
  assert.equal(f.status, 'review');
  assert.match(f.reasons.join('\n'), /owner party:A \(100 %\) is itself under review/);
  const a = finding(report(edges, listings, 'X'), 'us_ofac_50');
  assert.equal(a.status, 'review');
  assert.match(a.reasons.join('\n'), /matched only as a candidate/);
});

test('a listing counts only from its start date, and not after its end', () => {
  const edges: EdgeSpec[] = [['X', 'C', '60']];
  const listed: ListingSpec = { ...SDN('X'), start: '2024-03-01', end: '2025-01-15' };
  assert.equal(finding(report(edges, [listed], 'C', '2024-02-29'), 'us_ofac_50').status, 'clear');
  assert.equal(finding(report(edges, [listed], 'C', '2024-03-01'), 'us_ofac_50').status, 'restricted');
  assert.equal(finding(report(edges, [listed], 'C', '2025-01-15'), 'us_ofac_50').status, 'clear');
});

test('BIS counts only SDNs of the §744.8(a)(1) programs', () => {
  const edges: EdgeSpec[] = [['X', 'C', '60']];
  assert.equal(finding(report(edges, [SDN('X', ['NPWMD'])], 'C'), 'us_bis_affiliates').status, 'restricted');
  assert.equal(finding(report(edges, [SDN('X', ['CUBA'])], 'C'), 'us_bis_affiliates').status, 'clear');
  assert.equal(finding(report(edges, [SDN('X', ['CUBA'])], 'C'), 'us_ofac_50').status, 'restricted');
});

test('a listed subject is restricted on the basis of its own listing, with no paths', () => {
  const f = finding(report([], [SDN('X')], 'X'), 'us_ofac_50');
  assert.equal(f.status, 'restricted');
  assert.equal(f.basis, 'listed');
  assert.deepEqual(f.paths, []);
  assert.match(f.reasons[0]!, /listed: us_ofac_sdn \[SDGT\]/);
});

test('a node the graph does not know is clear under every rule in force', () => {
  const r = report([['X', 'C', '60']], [SDN('X')], 'nobody');
  assert.ok(r.findings.length >= 4);
  assert.ok(r.findings.every((f) => f.status === 'clear'));
});
