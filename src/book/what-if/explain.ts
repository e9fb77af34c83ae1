// Findings of a party under a what-if: the party's ancestor graph (only its owners can change its status) with the
// simulated listings added, evaluated under every rule in force — the same findings and paths the party would get
// if the listings were real.
import {
  ancestors,
  GraphBuilder,
  ownershipReport,
  type ListingFact,
  type NodeRef,
  type OwnershipGraph,
  type OwnershipReport,
  type RuleSet,
} from '../../graph/index.ts';

const CARRIES_STATUS = new Set(['ownership', 'control']);

/** The ancestor graph of `subject` in `graph`, with `extra` listing facts on its nodes; `subject` is node 0. */
function ancestorGraphWith(
  graph: OwnershipGraph,
  subject: NodeRef,
  extra: ReadonlyMap<string, readonly ListingFact[]>,
): OwnershipGraph {
  const b = new GraphBuilder();
  const id = graph.idOf(subject);
  const nodes = id === undefined ? [] : ancestors(graph, id);
  if (id === undefined) b.node(subject);
  for (const v of nodes) b.node(graph.refOf(v), graph.labelOf(v));
  for (const ref of [subject, ...nodes.map((v) => graph.refOf(v))]) {
    const v = graph.idOf(ref);
    for (const fact of v === undefined ? [] : graph.listingsOf(v)) b.addListing(ref, fact);
    for (const fact of extra.get(ref) ?? []) b.addListing(ref, fact);
  }
  const { start, groups } = graph.in;
  for (const v of nodes) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const group = groups[k]!;
      if (!CARRIES_STATUS.has(graph.kindOf(group))) continue;
      for (let m = graph.groups.memberStart[group]!; m < graph.groups.memberStart[group + 1]!; m++)
        b.addEdge(graph.edgeAt(graph.groups.members[m]!));
    }
  }
  return b.build();
}

/** The ownership report of `subject` as if the `extra` listings were in force. */
export function reportWithListings(
  graph: OwnershipGraph,
  rules: RuleSet,
  subject: NodeRef,
  date: string,
  extra: ReadonlyMap<string, readonly ListingFact[]>,
): OwnershipReport {
  return ownershipReport(ancestorGraphWith(graph, subject, extra), rules, subject, date);
}
