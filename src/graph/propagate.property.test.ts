// Property tests of the fixed point: it equals a naive "repeat until nothing changes" oracle, does not depend on
// the order edges arrive in, is monotone (a new listed owner never clears anyone), and the what-if continuation
// and the ancestor-scoped evaluation agree with a fresh whole-graph evaluation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listId } from '../domain/ids.ts';
import { GraphBuilder, type OwnershipGraph } from './graph.ts';
import { addSeeds, evaluateRule, CLEAR, RESTRICTED, REVIEW } from './propagate.ts';
import { ancestorGraph } from './subgraph.ts';
import { meetsThreshold, type OwnershipRule } from './rules.ts';
import { partyNode, shareRange, type Certainty, type EdgeKind } from './types.ts';

interface Edge {
  owner: number;
  owned: number;
  kind: EdgeKind;
  lo: number;
  hi: number;
}
interface Case {
  n: number;
  edges: Edge[];
  seeds: { node: number; certainty: Certainty }[];
  rule: OwnershipRule;
}

const DATE = '2025-01-01';

function ruleOf(
  p: Pick<OwnershipRule, 'comparison' | 'aggregation' | 'control' | 'indirect'>,
): OwnershipRule {
  return {
    id: 'prop',
    name: 'property rule',
    authority: 'test',
    jurisdiction: 'xx',
    restrictedLabel: 'restricted',
    citations: ['test'],
    windows: [{ from: '2000-01-01' as never, inForce: true, citation: 'test' }],
    threshold: 0.5,
    unknownShare: { note: 'unknown' },
    restrictedOwners: [{ listId: listId('xx_test_list') }],
    notApplicable: [],
    inheritLicence: false,
    ...p,
  };
}

// Shares in steps of 5 % so that sums hit the 50 % threshold exactly often.
const share = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { lo: lo * 50_000, hi: hi * 50_000 };
});

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc
      .uniqueArray(
        fc.record({
          owner: fc.nat({ max: n - 1 }),
          owned: fc.nat({ max: n - 1 }),
          kind: fc.constantFrom<EdgeKind>('ownership', 'ownership', 'ownership', 'control', 'other'),
          share,
        }),
        { selector: (e) => `${e.owner}>${e.owned}:${e.kind}`, maxLength: 3 * n },
      )
      .map((es) =>
        es.filter((e) => e.owner !== e.owned).map((e) => ({ ...e, lo: e.share.lo, hi: e.share.hi })),
      ),
    seeds: fc.uniqueArray(
      fc.record({
        node: fc.nat({ max: n - 1 }),
        certainty: fc.constantFrom<Certainty>('confirmed', 'potential'),
      }),
      { selector: (s) => s.node, maxLength: 3 },
    ),
    rule: fc
      .record({
        comparison: fc.constantFrom('gte' as const, 'gt' as const),
        aggregation: fc.constantFrom('sum' as const, 'individual' as const),
        control: fc.constantFrom('restricted' as const, 'review' as const, 'ignore' as const),
        indirect: fc.boolean(),
      })
      .map(ruleOf),
  }),
);

function build(c: Case, order: number[] = c.edges.map((_, i) => i)): OwnershipGraph {
  const b = new GraphBuilder();
  for (let v = 0; v < c.n; v++) b.node(partyNode(`n${v}`));
  for (const s of c.seeds) {
    b.addListing(partyNode(`n${s.node}`), {
      listId: listId('xx_test_list'),
      programs: [],
      certainty: s.certainty,
    });
  }
  for (const i of order) {
    const e = c.edges[i]!;
    b.addEdge({
      owner: partyNode(`n${e.owner}`),
      owned: partyNode(`n${e.owned}`),
      kind: e.kind,
      share: shareRange(e.lo / 1e6, e.hi / 1e6),
      source: 't',
    });
  }
  return b.build();
}

/** Statuses by node name, so graphs built in different orders compare. */
function statuses(graph: OwnershipGraph, status: Uint8Array, n: number): number[] {
  return Array.from({ length: n }, (_, v) => status[graph.idOf(partyNode(`n${v}`))!]!);
}

/** The textbook least fixed point: sweep every node until nothing changes. */
function oracle(c: Case): number[] {
  const { rule } = c;
  const seed = new Map(c.seeds.map((s) => [s.node, s.certainty]));
  const L = new Set(c.seeds.filter((s) => s.certainty === 'confirmed').map((s) => s.node));
  const counts = (u: number, set: Set<number>): boolean => set.has(u) && (rule.indirect || seed.has(u));
  for (let changed = true; changed;) {
    changed = false;
    for (let v = 0; v < c.n; v++) {
      if (L.has(v)) continue;
      const into = c.edges.filter((e) => e.owned === v && counts(e.owner, L));
      const own = into.filter((e) => e.kind === 'ownership').map((e) => e.lo);
      const held = rule.aggregation === 'sum' ? own.reduce((a, b) => a + b, 0) : Math.max(0, ...own);
      const controlled = rule.control === 'restricted' && into.some((e) => e.kind === 'control');
      if (meetsThreshold(rule, held) || controlled) [changed] = [true, L.add(v)];
    }
  }
  const U = new Set([...seed.keys(), ...L]);
  for (let changed = true; changed;) {
    changed = false;
    for (let v = 0; v < c.n; v++) {
      if (U.has(v)) continue;
      const into = c.edges.filter((e) => e.owned === v && counts(e.owner, U));
      const hi = into.filter((e) => e.kind === 'ownership').reduce((a, e) => a + e.hi, 0);
      const controlled = rule.control !== 'ignore' && into.some((e) => e.kind === 'control');
      if (meetsThreshold(rule, hi) || controlled) [changed] = [true, U.add(v)];
    }
  }
  return Array.from({ length: c.n }, (_, v) => (L.has(v) ? RESTRICTED : U.has(v) ? REVIEW : CLEAR));
}

test('the worklist fixed point equals the naive oracle', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const g = build(c);
      assert.deepEqual(statuses(g, evaluateRule(g, c.rule, DATE).status, c.n), oracle(c));
    }),
    { numRuns: 2000 },
  );
});

test('the result does not depend on the order edges are added in', () => {
  fc.assert(
    fc.property(
      caseArb.chain((c) =>
        fc.tuple(
          fc.constant(c),
          fc.shuffledSubarray(
            c.edges.map((_, i) => i),
            { minLength: c.edges.length },
          ),
        ),
      ),
      ([c, order]) => {
        const a = build(c);
        const b = build(c, order);
        assert.deepEqual(
          statuses(b, evaluateRule(b, c.rule, DATE).status, c.n),
          statuses(a, evaluateRule(a, c.rule, DATE).status, c.n),
        );
      },
    ),
    { numRuns: 1000 },
  );
});

test('monotone: adding a listed owner never lowers anyone’s status', () => {
  fc.assert(
    fc.property(
      caseArb,
      fc.nat(),
      fc.constantFrom<Certainty>('confirmed', 'potential'),
      (c, pick, certainty) => {
        const node = pick % c.n;
        const before = oracle(c);
        const more: Case = { ...c, seeds: [...c.seeds.filter((s) => s.node !== node), { node, certainty }] };
        const g = build(more);
        const after = statuses(g, evaluateRule(g, more.rule, DATE).status, c.n);
        const hadConfirmed = c.seeds.some((s) => s.node === node && s.certainty === 'confirmed');
        if (!hadConfirmed)
          after.forEach((s, v) => assert.ok(s >= before[v]!, `node ${v}: ${before[v]} → ${s}`));
      },
    ),
    { numRuns: 1000 },
  );
});

test('what-if continuation (addSeeds) equals a fresh evaluation with the extra listing', () => {
  fc.assert(
    fc.property(
      caseArb,
      fc.nat(),
      fc.constantFrom<Certainty>('confirmed', 'potential'),
      (c, pick, certainty) => {
        const node = pick % c.n;
        if (c.seeds.some((s) => s.node === node)) return;
        const g = build(c);
        const state = evaluateRule(g, c.rule, DATE);
        const before = Uint8Array.from(state.status);
        const changed = addSeeds(state, [{ node: g.idOf(partyNode(`n${node}`))!, certainty }]);
        const fresh = oracle({ ...c, seeds: [...c.seeds, { node, certainty }] });
        assert.deepEqual(statuses(g, state.status, c.n), fresh);
        const rose = [...before].flatMap((s, id) => (state.status[id]! > s ? [id] : []));
        assert.deepEqual(
          [...changed].sort((a, b) => a - b),
          rose,
        );
      },
    ),
    { numRuns: 1000 },
  );
});

test('evaluating only the ancestors of a node gives that node the whole-graph status', () => {
  fc.assert(
    fc.property(caseArb, fc.nat(), (c, pick) => {
      const g = build(c);
      const whole = evaluateRule(g, c.rule, DATE);
      const subject = g.idOf(partyNode(`n${pick % c.n}`))!;
      const local = ancestorGraph(g, subject);
      assert.equal(local.refOf(0), g.refOf(subject));
      assert.equal(evaluateRule(local, c.rule, DATE).status[0], whole.status[subject]);
    }),
    { numRuns: 1000 },
  );
});
