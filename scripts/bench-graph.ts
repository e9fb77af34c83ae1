// Benchmark of the ownership engine on a generated forest: `node scripts/bench-graph.ts [nodes] [edges]`
// (default 1,000,000 nodes and 1,000,000 edges). Builds the graph from edge objects, evaluates every rule over
// the whole graph (book screening), answers single-node reports, and runs a what-if continuation.
import { performance } from 'node:perf_hooks';
import {
  addSeeds,
  ancestors,
  evaluateRule,
  GraphBuilder,
  loadRuleSet,
  ownershipReport,
  partyNode,
  shareRange,
  exactShare,
  UNKNOWN_SHARE,
  CLEAR,
  REVIEW,
  RESTRICTED,
  type RelationEdge,
  type ListingFact,
} from '../src/graph/index.ts';
import { listId } from '../src/domain/ids.ts';

const NODES = Number(process.argv[2] ?? 1_000_000);
const EDGES = Number(process.argv[3] ?? 1_000_000);
const DATE = '2025-10-15';

/** mulberry32: a small seeded PRNG so every run builds the same forest. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = (n: number): number => Math.floor(random() * n);

function shareFor(): Pick<RelationEdge, 'kind' | 'share'> {
  const r = random();
  if (r < 0.6) return { kind: 'ownership', share: exactShare((10 + pick(91)) / 100) };
  if (r < 0.8)
    return {
      kind: 'ownership',
      share: [shareRange(0.25, 0.5), shareRange(0.5, 0.75), shareRange(0.75, 1)][pick(3)]!,
    };
  if (r < 0.9) return { kind: 'ownership', share: UNKNOWN_SHARE };
  return { kind: 'control', share: UNKNOWN_SHARE };
}

/**
 * A forest shaped like corporate groups: 5 % of nodes are roots (group parents), every other node is owned by
 * a node created shortly before it, at most 7 levels below its root (real groups are rarely deeper), and the
 * remaining edges are joint ventures: a second owner from a nearby group holding 10–49 %.
 */
function* forest(): Generator<RelationEdge> {
  const roots = Math.floor(NODES * 0.05);
  const depth = new Uint8Array(NODES);
  const root = new Int32Array(NODES).map((_, i) => i);
  const parentFor = (i: number): number => {
    const p = Math.max(0, i - 1 - pick(1000));
    return depth[p]! >= 7 ? root[p]! : p;
  };
  for (let i = roots; i < NODES; i++) {
    const owner = parentFor(i);
    depth[i] = depth[owner]! + 1;
    root[i] = root[owner]!;
    yield { owner: partyNode(`p${owner}`), owned: partyNode(`p${i}`), source: 'bench', ...shareFor() };
  }
  for (let k = NODES - roots; k < EDGES; k++) {
    const owned = roots + pick(NODES - roots);
    const owner = parentFor(owned);
    yield {
      owner: partyNode(`p${owner}`),
      owned: partyNode(`p${owned}`),
      kind: 'ownership',
      share: exactShare((10 + pick(40)) / 100),
      source: 'bench',
    };
  }
}

function listing(i: number): ListingFact {
  if (i % 3 === 0)
    return { listId: listId('us_trade_csl'), subList: 'EL', programs: [], certainty: 'confirmed' };
  return {
    listId: listId('us_ofac_sdn'),
    programs: ['SDGT'],
    certainty: i % 7 === 0 ? 'potential' : 'confirmed',
  };
}

function time<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  console.log(`${label.padEnd(44)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
  return out;
}

const rules = loadRuleSet();
const listed = Math.floor(NODES * 0.01);
const edges = time('generate edge objects', () => [...forest()]);
const graph = time(`build graph (${NODES.toLocaleString()} nodes, ${EDGES.toLocaleString()} edges)`, () => {
  const b = new GraphBuilder();
  for (let i = 0; i < NODES; i++) b.node(partyNode(`p${i}`));
  for (let k = 0; k < listed; k++) b.addListing(partyNode(`p${pick(NODES)}`), listing(k));
  for (const e of edges) b.addEdge(e);
  return b.build();
});
console.log(
  `  nodes ${graph.nodeCount.toLocaleString()}, edges ${graph.edgeCount.toLocaleString()}, groups ${graph.groupCount.toLocaleString()}, listed ${listed.toLocaleString()}`,
);

for (const rule of rules.rules.filter((r) => r.id === 'us_ofac_50' || r.id === 'us_bis_affiliates')) {
  const state = time(`evaluate ${rule.id} over the whole graph`, () => evaluateRule(graph, rule, DATE));
  const counts = [0, 0, 0];
  for (const s of state.status) counts[s]!++;
  console.log(
    `  restricted ${counts[RESTRICTED]!.toLocaleString()}, review ${counts[REVIEW]!.toLocaleString()}, clear ${counts[CLEAR]!.toLocaleString()}`,
  );
  const step = Math.floor(NODES / 100);
  const added = Array.from({ length: 100 }, (_, k) => ({
    node: graph.idOf(partyNode(`p${k * step}`))!,
    certainty: 'confirmed' as const,
  }));
  const changed = time(`what-if: list 100 more parties, continue ${rule.id}`, () => addSeeds(state, added));
  console.log(`  status rose for ${changed.length.toLocaleString()} nodes`);
}

const samples = 1000;
let ancestorTotal = 0;
time(`${samples} single-node reports (all rules, ancestors only)`, () => {
  for (let k = 0; k < samples; k++) {
    const subject = partyNode(`p${pick(NODES)}`);
    ancestorTotal += ancestors(graph, graph.idOf(subject)!).length;
    ownershipReport(graph, rules, subject, DATE);
  }
});
console.log(`  mean ancestors per subject ${(ancestorTotal / samples).toFixed(1)}`);
const mem = process.memoryUsage();
console.log(
  `heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB`,
);
