// Explaining a status: the ownership paths from listed owners down to a subject, each hop with its share, and
// the listed owners a status rests on. Walks the in-edges upward through owners whose status is high enough,
// stops at listed nodes, never revisits a node on the current path (so cycles end), and caps the output.
import { groupShare, KIND_CODE, type OwnershipGraph } from './graph.ts';
import { RESTRICTED, type RuleState } from './propagate.ts';
import { restrictingListings } from './rules.ts';
import { shareRange, type EdgeKind, type ListingFact, type NodeRef, type ShareRange } from './types.ts';
import { formatShare } from './share.ts';

/** One hop of a path: owner → owned with the share in force on the screening date and its sources. */
export interface PathHop {
  owner: NodeRef;
  ownerName?: string;
  owned: NodeRef;
  ownedName?: string;
  kind: EdgeKind;
  share: ShareRange;
  shareText: string;
  sources: string[];
}

/** A chain from a listed owner (first hop's owner) down to the subject (last hop's owned). */
export interface OwnershipPath {
  listed: NodeRef;
  listedName?: string;
  listing: ListingFact;
  hops: PathHop[];
}

export interface PathOptions {
  /** Most paths returned (default 20). */
  maxPaths?: number;
  /** Most hops per path (default 30). */
  maxDepth?: number;
}

/** In-groups of `v` that can carry a status: ownership or control, active on the state's day. */
export function* activeInGroups(
  state: RuleState,
  v: number,
): Generator<{ group: number; owner: number; share: ShareRange }> {
  const { graph, day } = state;
  const { start, groups } = graph.in;
  const buf = new Int32Array(2);
  for (let k = start[v]!; k < start[v + 1]!; k++) {
    const group = groups[k]!;
    const kind = graph.groups.kind[group]!;
    if (kind !== KIND_CODE.ownership && kind !== KIND_CODE.control) continue;
    if (!groupShare(graph, group, day, buf)) continue;
    yield { group, owner: graph.groups.owner[group]!, share: shareRange(buf[0]! / 1e6, buf[1]! / 1e6) };
  }
}

/** A path stops at a seed: for restricted paths a confirmed listing, for review paths any listing. */
function isSeedFor(state: RuleState, v: number, minStatus: number): boolean {
  return minStatus === RESTRICTED ? state.seed[v] === RESTRICTED : state.seed[v]! > 0;
}

function named<T extends object>(obj: T, key: string, value: string | undefined): T {
  if (value !== undefined) (obj as Record<string, unknown>)[key] = value;
  return obj;
}

/** The sources of a group's edges valid on the day (deduplicated, in file order). */
function groupSources(graph: OwnershipGraph, group: number, day: number): string[] {
  const { memberStart, members } = graph.groups;
  const out = new Set<string>();
  for (let k = memberStart[group]!; k < memberStart[group + 1]!; k++) {
    const e = members[k]!;
    if (day >= graph.edges.from[e]! && day < graph.edges.to[e]!)
      out.add(graph.strings[graph.edges.source[e]!]!);
  }
  return [...out];
}

function hop(state: RuleState, group: number, share: ShareRange): PathHop {
  const { graph } = state;
  const owner = graph.groups.owner[group]!;
  const owned = graph.groups.owned[group]!;
  const h: PathHop = {
    owner: graph.refOf(owner),
    owned: graph.refOf(owned),
    kind: graph.kindOf(group),
    share,
    shareText: formatShare(share),
    sources: groupSources(graph, group, state.day),
  };
  named(h, 'ownerName', graph.labelOf(owner));
  return named(h, 'ownedName', graph.labelOf(owned));
}

/** The listing that makes a seed a restricted owner (confirmed first). */
export function seedListing(state: RuleState, v: number): ListingFact | undefined {
  return restrictingListings(state.rule, state.graph.listingsOf(v), state.day)[0];
}

/**
 * Paths from listed owners down to `subject` through owners of status ≥ `minStatus`. Returns the paths and
 * whether the cap cut some off.
 */
export function findPaths(
  state: RuleState,
  subject: number,
  minStatus: number,
  options: PathOptions = {},
): { paths: OwnershipPath[]; truncated: boolean } {
  const maxPaths = options.maxPaths ?? 20;
  const maxDepth = options.maxDepth ?? 30;
  const paths: OwnershipPath[] = [];
  const stack: PathHop[] = [];
  const onPath = new Set<number>([subject]);
  let truncated = false;
  const visit = (v: number): void => {
    for (const { group, owner, share } of activeInGroups(state, v)) {
      if (state.status[owner]! < minStatus || onPath.has(owner)) continue;
      if (paths.length >= maxPaths || stack.length >= maxDepth) {
        truncated = true;
        return;
      }
      stack.push(hop(state, group, share));
      if (isSeedFor(state, owner, minStatus)) {
        const listing = seedListing(state, owner);
        if (listing !== undefined) paths.push(toPath(state, owner, listing, stack));
      } else {
        onPath.add(owner);
        visit(owner);
        onPath.delete(owner);
      }
      stack.pop();
    }
  };
  visit(subject);
  return { paths, truncated };
}

function toPath(state: RuleState, listed: number, listing: ListingFact, stack: PathHop[]): OwnershipPath {
  const path: OwnershipPath = { listed: state.graph.refOf(listed), listing, hops: [...stack].reverse() };
  return named(path, 'listedName', state.graph.labelOf(listed) ?? listing.name);
}

/** Every listed owner a status rests on: seeds reachable upward through owners of status ≥ `minStatus`. */
export function countingSeeds(state: RuleState, subject: number, minStatus: number): number[] {
  const seen = new Set<number>([subject]);
  const queue = [subject];
  const seeds: number[] = [];
  for (let i = 0; i < queue.length; i++) {
    for (const { owner } of activeInGroups(state, queue[i]!)) {
      if (seen.has(owner) || state.status[owner]! < minStatus) continue;
      seen.add(owner);
      if (isSeedFor(state, owner, minStatus)) seeds.push(owner);
      else queue.push(owner);
    }
  }
  return seeds;
}
