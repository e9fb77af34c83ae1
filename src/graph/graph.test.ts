import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphBuilder, groupShare } from './graph.ts';
import { screeningDay } from './dates.ts';
import { parsePercent, formatShare } from './share.ts';
import { exactShare, nodeRef, partyNode, shareRange, UNKNOWN_SHARE, type RelationEdge } from './types.ts';
import { AppError } from '../domain/errors.ts';

const edge = (share: RelationEdge['share'], extra: Partial<RelationEdge> = {}): RelationEdge => ({
  owner: partyNode('X'),
  owned: partyNode('C'),
  kind: 'ownership',
  share,
  source: 's',
  ...extra,
});

function shareOn(edges: RelationEdge[], date: string): [number, number] | undefined {
  const b = new GraphBuilder();
  edges.forEach((e) => b.addEdge(e));
  const g = b.build();
  assert.equal(g.groupCount, 1, 'parallel edges of one kind form one group');
  const out = new Int32Array(2);
  return groupShare(g, 0, screeningDay(date), out) ? [out[0]! / 1e6, out[1]! / 1e6] : undefined;
}

test('parallel edges: the most recent source wins', () => {
  const psc = edge(shareRange(0.25, 0.5), { asOf: '2024-12-19' as never, source: 'uk-psc' });
  const user = edge(exactShare(0.3), { asOf: '2025-03-01' as never, source: 'csv' });
  assert.deepEqual(shareOn([psc, user], '2025-06-01'), [0.3, 0.3]);
  assert.deepEqual(shareOn([user, psc], '2025-06-01'), [0.3, 0.3]);
});

test('parallel edges of the same date: ranges intersect, contradictions widen to the hull', () => {
  assert.deepEqual(
    shareOn([edge(shareRange(0.25, 0.5)), edge(shareRange(0.4, 0.75))], '2025-01-01'),
    [0.4, 0.5],
  );
  assert.deepEqual(shareOn([edge(exactShare(0.2)), edge(exactShare(0.6))], '2025-01-01'), [0.2, 0.6]);
});

test('edges count only inside their validity period [validFrom, validTo)', () => {
  const ceased = edge(exactShare(0.8), { validTo: '2018-02-27' as never });
  assert.deepEqual(shareOn([ceased], '2018-02-26'), [0.8, 0.8]);
  assert.equal(shareOn([ceased], '2018-02-27'), undefined);
  const later = edge(exactShare(0.8), { validFrom: '2020' as never });
  assert.equal(shareOn([later], '2019-12-31'), undefined);
  assert.deepEqual(shareOn([later], '2020-01-01'), [0.8, 0.8]);
});

test('self-loops are dropped and counted; kinds form separate groups', () => {
  const b = new GraphBuilder();
  assert.equal(b.addEdge({ ...edge(UNKNOWN_SHARE), owned: partyNode('X') }), false);
  b.addEdge(edge(exactShare(0.5)));
  b.addEdge(edge(UNKNOWN_SHARE, { kind: 'control' }));
  const g = b.build();
  assert.equal(b.selfLoops, 1);
  assert.equal(g.edgeCount, 2);
  assert.equal(g.groupCount, 2);
  assert.deepEqual(g.edgeAt(0), {
    owner: 'party:X',
    owned: 'party:C',
    kind: 'ownership',
    share: [0.5, 0.5],
    source: 's',
  });
});

test('parsePercent reads numbers, ranges, bounds and empty cells; rejects the rest with a reason', () => {
  const ok = (t: string) => {
    const p = parsePercent(t);
    assert.ok(p.ok, t);
    return p.share;
  };
  assert.deepEqual(ok('60'), [0.6, 0.6]);
  assert.deepEqual(ok(' 12.5 % '), [0.125, 0.125]);
  assert.deepEqual(ok('25-50'), [0.25, 0.5]);
  assert.deepEqual(ok('25 % – 50 %'), [0.25, 0.5]);
  assert.deepEqual(ok('>50'), [0.500001, 1]);
  assert.deepEqual(ok('≥50'), [0.5, 1]);
  assert.deepEqual(ok(''), [0, 1]);
  assert.deepEqual(ok('unknown'), [0, 1]);
  for (const bad of ['150', '60-40', 'half', '25,5']) assert.equal(parsePercent(bad).ok, false, bad);
  assert.equal(formatShare(shareRange(0.25, 0.5)), '25–50 %');
  assert.equal(formatShare(UNKNOWN_SHARE), 'unknown share');
  assert.equal(formatShare(ok('>50')), 'more than 50 %');
  assert.equal(formatShare(shareRange(0.250001, 0.5)), 'more than 25 % up to 50 %');
  assert.equal(formatShare(shareRange(0.500001, 0.749999)), 'more than 50 % but less than 75 %');
});

test('node refs: entity:, party:, or a bare party id; bad ones are AppErrors', () => {
  assert.equal(nodeRef('entity:us_ofac_sdn:12345'), 'entity:us_ofac_sdn:12345');
  assert.equal(nodeRef('party:C-1'), 'party:C-1');
  assert.equal(nodeRef(' C-1 '), 'party:C-1');
  assert.throws(() => nodeRef('entity:nolist'), AppError);
  assert.throws(() => nodeRef('party:'), AppError);
  assert.throws(() => shareRange(0.6, 0.4), AppError);
});
