// The ancestor graph of one node: every node with a path of ownership or control edges down to it, and the
// edges among them. Only these can change the node's status, so a single query evaluates the rules on this
// small graph instead of the whole book (a million parties) — O(ancestors + their edges), not O(graph).
import { GraphBuilder, KIND_CODE, type OwnershipGraph } from './graph.ts';

const OWNERSHIP = KIND_CODE.ownership;
const CONTROL = KIND_CODE.control;

function carriesStatus(graph: OwnershipGraph, group: number): boolean {
  const kind = graph.groups.kind[group]!;
  return kind === OWNERSHIP || kind === CONTROL;
}

/** The ancestors of `subject` (subject first), following ownership and control edges upward. */
export function ancestors(graph: OwnershipGraph, subject: number): number[] {
  const seen = new Set<number>([subject]);
  const nodes = [subject];
  const { start, groups } = graph.in;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const group = groups[k]!;
      if (!carriesStatus(graph, group)) continue;
      const u = graph.groups.owner[group]!;
      if (!seen.has(u)) {
        seen.add(u);
        nodes.push(u);
      }
    }
  }
  return nodes;
}

/** A new graph of the ancestors of `subject` with their ownership/control edges; `subject` has id 0 in it. */
export function ancestorGraph(graph: OwnershipGraph, subject: number): OwnershipGraph {
  const nodes = ancestors(graph, subject);
  const b = new GraphBuilder();
  for (const v of nodes) {
    b.node(graph.refOf(v), graph.labelOf(v));
    for (const fact of graph.listingsOf(v)) b.addListing(graph.refOf(v), fact);
  }
  const { start, groups } = graph.in;
  const { memberStart, members } = graph.groups;
  for (const v of nodes) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const group = groups[k]!;
      if (!carriesStatus(graph, group)) continue;
      for (let m = memberStart[group]!; m < memberStart[group + 1]!; m++)
        b.addEdge(graph.edgeAt(members[m]!));
    }
  }
  return b.build();
}
