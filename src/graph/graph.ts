// The in-memory ownership graph: dense integer node ids, edges as columns of typed arrays, and two compressed
// adjacency lists (owner → owned, owned → owner) over "edge groups". A group is every edge with the same
// owner, owned and kind — the same holding told by several sources (a PSC band, a user's exact figure); a
// group counts once, with the share its sources agree on at the screening date (see `groupShare`).
//
//   edges  e: owner[e] owned[e] kind[e] lo[e] hi[e] (ppm) from[e] to[e] asOf[e] (day numbers) source[e] note[e]
//   groups g: members[memberStart[g] .. memberStart[g+1]) are edge ids, all with the same owner/owned/kind
//   outStart[u] .. outStart[u+1] indexes outGroups (groups owned by u);  inStart[v] .. inStart[v+1] likewise
import type { IsoDate } from '../domain/ids.ts';
import {
  EDGE_KINDS,
  shareRange,
  type EdgeKind,
  type ListingFact,
  type NodeRef,
  type RelationEdge,
} from './types.ts';
import { NO_END, NO_START, dayToIso, exclusiveEndDay, startDay } from './dates.ts';
import { toPpm } from './share.ts';

export const KIND_CODE: Readonly<Record<EdgeKind, number>> = {
  ownership: 0,
  control: 1,
  director: 2,
  other: 3,
};

export interface EdgeColumns {
  owner: Int32Array;
  owned: Int32Array;
  kind: Uint8Array;
  lo: Int32Array;
  hi: Int32Array;
  from: Int32Array;
  to: Int32Array;
  asOf: Int32Array;
  source: Int32Array;
  note: Int32Array;
}

export interface GroupColumns {
  owner: Int32Array;
  owned: Int32Array;
  kind: Uint8Array;
  memberStart: Int32Array;
  members: Int32Array;
}

export interface Adjacency {
  start: Int32Array;
  groups: Int32Array;
}

/** A built, immutable ownership graph. Build one with GraphBuilder. */
export class OwnershipGraph {
  readonly nodeCount: number;
  readonly edges: EdgeColumns;
  readonly groups: GroupColumns;
  readonly out: Adjacency;
  readonly in: Adjacency;
  readonly strings: readonly string[];
  private readonly refs: readonly NodeRef[];
  private readonly index: ReadonlyMap<string, number>;
  private readonly labels: ReadonlyMap<number, string>;
  private readonly listings: ReadonlyMap<number, readonly ListingFact[]>;

  constructor(parts: {
    refs: NodeRef[];
    index: Map<string, number>;
    labels: Map<number, string>;
    listings: Map<number, ListingFact[]>;
    edges: EdgeColumns;
    groups: GroupColumns;
    out: Adjacency;
    in: Adjacency;
    strings: string[];
  }) {
    this.nodeCount = parts.refs.length;
    this.refs = parts.refs;
    this.index = parts.index;
    this.labels = parts.labels;
    this.listings = parts.listings;
    this.edges = parts.edges;
    this.groups = parts.groups;
    this.out = parts.out;
    this.in = parts.in;
    this.strings = parts.strings;
  }

  get edgeCount(): number {
    return this.edges.owner.length;
  }
  get groupCount(): number {
    return this.groups.owner.length;
  }
  /** Dense id of a node, if the graph has it. */
  idOf(ref: NodeRef | string): number | undefined {
    return this.index.get(ref);
  }
  refOf(id: number): NodeRef {
    return this.refs[id]!;
  }
  /** A display name for the node, from a listing or a relation record, if any. */
  labelOf(id: number): string | undefined {
    return this.labels.get(id);
  }
  listingsOf(id: number): readonly ListingFact[] {
    return this.listings.get(id) ?? [];
  }
  /** Every node that has at least one listing fact (the candidates for a rule's seeds). */
  listedNodes(): IterableIterator<number> {
    return this.listings.keys();
  }
  kindOf(group: number): EdgeKind {
    return EDGE_KINDS[this.groups.kind[group]!]!;
  }
  /** The edge as a plain object (for findings and exports). */
  edgeAt(e: number): RelationEdge {
    return materialiseEdge(this, e);
  }
}

function isoOrUndefined(day: number, sentinel: number): IsoDate | undefined {
  return day === sentinel ? undefined : (dayToIso(day) as IsoDate);
}

function materialiseEdge(g: OwnershipGraph, e: number): RelationEdge {
  const c = g.edges;
  const edge: RelationEdge = {
    owner: g.refOf(c.owner[e]!),
    owned: g.refOf(c.owned[e]!),
    kind: EDGE_KINDS[c.kind[e]!]!,
    share: shareRange(c.lo[e]! / 1e6, c.hi[e]! / 1e6),
    source: g.strings[c.source[e]!]!,
  };
  const asOf = isoOrUndefined(c.asOf[e]!, NO_START);
  const from = isoOrUndefined(c.from[e]!, NO_START);
  const to = isoOrUndefined(c.to[e]!, NO_END);
  if (asOf !== undefined) edge.asOf = asOf;
  if (from !== undefined) edge.validFrom = from;
  if (to !== undefined) edge.validTo = to;
  if (c.note[e]! >= 0) edge.note = g.strings[c.note[e]!]!;
  return edge;
}

/**
 * The share a group stands for at `day`, written into `out` as ppm [lo, hi]; false if no edge of the group is
 * valid that day. Several valid edges: the most recent `asOf` wins; among equally recent ones the ranges are
 * intersected (every source is believed), or, if they contradict each other, their hull is taken so that the
 * contradiction widens the range (and leads to "review") instead of silently picking one.
 */
export function groupShare(graph: OwnershipGraph, group: number, day: number, out: Int32Array): boolean {
  const { memberStart, members } = graph.groups;
  const c = graph.edges;
  let best = NO_START - 1;
  let lo = 0;
  let hi = 0;
  let hullLo = 0;
  let hullHi = 0;
  for (let k = memberStart[group]!; k < memberStart[group + 1]!; k++) {
    const e = members[k]!;
    if (day < c.from[e]! || day >= c.to[e]!) continue;
    const asOf = c.asOf[e]!;
    if (asOf > best) {
      best = asOf;
      lo = hullLo = c.lo[e]!;
      hi = hullHi = c.hi[e]!;
    } else if (asOf === best) {
      lo = Math.max(lo, c.lo[e]!);
      hi = Math.min(hi, c.hi[e]!);
      hullLo = Math.min(hullLo, c.lo[e]!);
      hullHi = Math.max(hullHi, c.hi[e]!);
    }
  }
  if (best < NO_START) return false;
  const consistent = lo <= hi;
  out[0] = consistent ? lo : hullLo;
  out[1] = consistent ? hi : hullHi;
  return true;
}

/** Collects nodes, edges and listings, then builds the compact graph once. */
export class GraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly refs: NodeRef[] = [];
  private readonly labels = new Map<number, string>();
  private readonly listings = new Map<number, ListingFact[]>();
  private readonly stringIndex = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly cols: Record<keyof EdgeColumns, number[]> = {
    owner: [],
    owned: [],
    kind: [],
    lo: [],
    hi: [],
    from: [],
    to: [],
    asOf: [],
    source: [],
    note: [],
  };
  /** Self-loops dropped (a company cannot be its own restricted owner). */
  selfLoops = 0;

  /** The dense id of a node, creating it on first sight. */
  node(ref: NodeRef, label?: string): number {
    let id = this.index.get(ref);
    if (id === undefined) {
      id = this.refs.length;
      this.index.set(ref, id);
      this.refs.push(ref);
    }
    if (label !== undefined && label !== '' && !this.labels.has(id)) this.labels.set(id, label);
    return id;
  }

  private intern(text: string): number {
    let id = this.stringIndex.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.stringIndex.set(text, id);
      this.strings.push(text);
    }
    return id;
  }

  /** Adds one relation; returns false (and counts it) for a self-loop, which is dropped. */
  addEdge(edge: RelationEdge): boolean {
    const owner = this.node(edge.owner, edge.ownerName);
    const owned = this.node(edge.owned, edge.ownedName);
    if (owner === owned) {
      this.selfLoops++;
      return false;
    }
    const c = this.cols;
    c.owner.push(owner);
    c.owned.push(owned);
    c.kind.push(KIND_CODE[edge.kind]);
    c.lo.push(toPpm(edge.share[0]));
    c.hi.push(toPpm(edge.share[1]));
    c.from.push(edge.validFrom === undefined ? NO_START : startDay(edge.validFrom));
    c.to.push(edge.validTo === undefined ? NO_END : exclusiveEndDay(edge.validTo));
    c.asOf.push(edge.asOf === undefined ? NO_START : startDay(edge.asOf));
    c.source.push(this.intern(edge.source));
    c.note.push(edge.note === undefined ? -1 : this.intern(edge.note));
    return true;
  }

  /** Records that `ref` is listed (an entity's own listing, or a party matched to a listed entity). */
  addListing(ref: NodeRef, fact: ListingFact): void {
    const id = this.node(ref, fact.name);
    const list = this.listings.get(id);
    if (list === undefined) this.listings.set(id, [fact]);
    else list.push(fact);
  }

  build(): OwnershipGraph {
    const edges = toEdgeColumns(this.cols);
    const groups = groupEdges(edges, this.refs.length);
    return new OwnershipGraph({
      refs: this.refs,
      index: this.index,
      labels: this.labels,
      listings: this.listings,
      edges,
      groups,
      out: adjacency(groups.owner, this.refs.length),
      in: adjacency(groups.owned, this.refs.length),
      strings: this.strings,
    });
  }
}

function toEdgeColumns(cols: Record<keyof EdgeColumns, number[]>): EdgeColumns {
  return {
    owner: Int32Array.from(cols.owner),
    owned: Int32Array.from(cols.owned),
    kind: Uint8Array.from(cols.kind),
    lo: Int32Array.from(cols.lo),
    hi: Int32Array.from(cols.hi),
    from: Int32Array.from(cols.from),
    to: Int32Array.from(cols.to),
    asOf: Int32Array.from(cols.asOf),
    source: Int32Array.from(cols.source),
    note: Int32Array.from(cols.note),
  };
}

/** Counting sort of ids 0..count-1 by key[id] ∈ [0, buckets): returns the order and the bucket starts. */
function countingSort(key: Int32Array, buckets: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < key.length; i++) start[key[i]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, buckets);
  const order = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) order[fill[key[i]!]!++] = i;
  return { order, start };
}

/** Groups edges by (owned, owner, kind); groups come out sorted by owned node. */
function groupEdges(edges: EdgeColumns, nodeCount: number): GroupColumns {
  const { order, start } = countingSort(edges.owned, nodeCount);
  const pairKey = (e: number): number => edges.owner[e]! * 4 + edges.kind[e]!;
  for (let v = 0; v < nodeCount; v++) {
    const a = start[v]!;
    const b = start[v + 1]!;
    if (b - a > 1) order.subarray(a, b).sort((x, y) => pairKey(x) - pairKey(y));
  }
  const owner: number[] = [];
  const owned: number[] = [];
  const kind: number[] = [];
  const memberStart: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    if (prev < 0 || edges.owned[prev] !== edges.owned[e] || pairKey(prev) !== pairKey(e)) {
      owner.push(edges.owner[e]!);
      owned.push(edges.owned[e]!);
      kind.push(edges.kind[e]!);
      memberStart.push(k);
    }
  }
  memberStart.push(order.length);
  return {
    owner: Int32Array.from(owner),
    owned: Int32Array.from(owned),
    kind: Uint8Array.from(kind),
    memberStart: Int32Array.from(memberStart),
    members: order,
  };
}

function adjacency(endpoint: Int32Array, nodeCount: number): Adjacency {
  const { order, start } = countingSort(endpoint, nodeCount);
  return { start, groups: order };
}
