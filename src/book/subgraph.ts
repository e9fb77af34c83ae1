// The part of the book graph a question needs, read from the store by walking the relations instead of loading
// them all: for one node's findings, its ancestors (only owners can change a status); for a what-if, everything
// the new listings reach downward, and all the owners of those nodes. Because the node set is closed upward,
// every rule evaluated on it gives each of its nodes the status it has in the whole graph
// (docs/design/ownership.md, invariant "a node's status on its ancestor graph equals its status on the whole
// graph"). Edges come from the book's relations, the lists' own relations and the identity edges of matched
// parties, exactly as buildBookGraph assembles the whole graph.
import type { EntityId } from '../domain/ids.ts';
import {
  entityNode,
  exactShare,
  GraphBuilder,
  partyNode,
  UNKNOWN_SHARE,
  type ListingFact,
  type NodeRef,
  type OwnershipGraph,
  type RelationEdge,
} from '../graph/index.ts';
import type { BookStore } from '../store/index.ts';
import type { Baseline } from './baseline.ts';
import { partyFact } from './graph-build.ts';
import type { ListContext } from './list-context.ts';

const CARRIES_STATUS = new Set(['ownership', 'control']);

export interface SubgraphSource {
  book: BookStore;
  context: ListContext;
  baseline: Baseline;
}

export interface SubgraphParts {
  nodes: Set<string>;
  edges: RelationEdge[];
}

/** In-memory adjacency of the lists' own relations and of the what-if's relations. */
class EdgeIndex {
  readonly byOwner = new Map<string, RelationEdge[]>();
  readonly byOwned = new Map<string, RelationEdge[]>();
  add(e: RelationEdge): void {
    if (!CARRIES_STATUS.has(e.kind)) return;
    for (const [map, key] of [
      [this.byOwner, e.owner],
      [this.byOwned, e.owned],
    ] as const) {
      const list = map.get(key);
      if (list === undefined) map.set(key, [e]);
      else list.push(e);
    }
  }
}

const contextEdges = new WeakMap<ListContext, EdgeIndex>();

function listEdges(context: ListContext): EdgeIndex {
  let index = contextEdges.get(context);
  if (index === undefined) {
    index = new EdgeIndex();
    context.claimEdges.forEach((e) => index!.add(e));
    contextEdges.set(context, index);
  }
  return index;
}

/** Identity edges of matched parties (graph-build.ts): entity → party, for matched entities that have owners. */
class Identities {
  readonly #byEntity = new Map<string, { partyId: string; confirmed: boolean }[]>();
  readonly #owned = new Map<string, boolean>();

  constructor(baseline: Baseline) {
    for (const [partyId, matches] of baseline.matches) {
      for (const m of matches) {
        const key = entityNode(m.entityId as EntityId);
        const list = this.#byEntity.get(key) ?? [];
        list.push({ partyId, confirmed: m.certainty === 'confirmed' });
        this.#byEntity.set(key, list);
      }
    }
  }

  /** Whether the entity node has owners (decides whether its identity edges exist), cached. */
  async #isOwned(entity: string, inEdges: (nodes: string[]) => Promise<RelationEdge[]>): Promise<boolean> {
    let owned = this.#owned.get(entity);
    if (owned === undefined) {
      owned = (await inEdges([entity])).length > 0;
      this.#owned.set(entity, owned);
    }
    return owned;
  }

  edge(entity: string, partyId: string, confirmed: boolean): RelationEdge {
    return {
      owner: entity as NodeRef,
      owned: partyNode(partyId),
      kind: 'ownership',
      share: confirmed ? exactShare(1) : UNKNOWN_SHARE,
      source: 'match',
      note: `${confirmed ? 'confirmed' : 'potential'} match of this party to the listed record`,
    };
  }

  async from(
    entities: string[],
    inEdges: (nodes: string[]) => Promise<RelationEdge[]>,
  ): Promise<RelationEdge[]> {
    const out: RelationEdge[] = [];
    for (const e of entities) {
      const parties = this.#byEntity.get(e);
      if (parties === undefined || !(await this.#isOwned(e, inEdges))) continue;
      for (const p of parties) out.push(this.edge(e, p.partyId, p.confirmed));
    }
    return out;
  }

  async into(
    partyId: string,
    baseline: Baseline,
    inEdges: (nodes: string[]) => Promise<RelationEdge[]>,
  ): Promise<RelationEdge[]> {
    const out: RelationEdge[] = [];
    for (const m of baseline.matches.get(partyId) ?? []) {
      const e = entityNode(m.entityId as EntityId);
      if (await this.#isOwned(e, inEdges)) out.push(this.edge(e, partyId, m.certainty === 'confirmed'));
    }
    return out;
  }
}

/** Walks the graph: downward from `seeds` when asked, then upward to every owner. */
export async function subgraphParts(
  src: SubgraphSource,
  seeds: readonly string[],
  options: { down: boolean; extraEdges?: readonly RelationEdge[] },
): Promise<SubgraphParts> {
  const lists = listEdges(src.context);
  const extra = new EdgeIndex();
  (options.extraEdges ?? []).forEach((e) => extra.add(e));
  const identities = new Identities(src.baseline);
  const carries = (e: RelationEdge) => CARRIES_STATUS.has(e.kind);
  const listed = (map: Map<string, RelationEdge[]>, nodes: readonly string[]) =>
    nodes.flatMap((n) => map.get(n) ?? []);
  const inEdges = async (nodes: string[]) => [
    ...(await src.book.relationsAt(nodes, 'owned')).filter(carries),
    ...listed(lists.byOwned, nodes),
    ...listed(extra.byOwned, nodes),
  ];
  const outEdges = async (nodes: string[]) => [
    ...(await src.book.relationsAt(nodes, 'owner')).filter(carries),
    ...listed(lists.byOwner, nodes),
    ...listed(extra.byOwner, nodes),
    ...(await identities.from(
      nodes.filter((n) => n.startsWith('entity:')),
      inEdges,
    )),
  ];
  const nodes = new Set<string>(seeds);
  let frontier = [...seeds];
  while (options.down && frontier.length > 0) {
    const next: string[] = [];
    for (const e of await outEdges(frontier)) {
      if (nodes.has(e.owned)) continue;
      nodes.add(e.owned);
      next.push(e.owned);
    }
    frontier = next;
  }
  const edges: RelationEdge[] = [];
  frontier = [...nodes];
  while (frontier.length > 0) {
    const next: string[] = [];
    const found = await inEdges(frontier);
    for (const p of frontier.filter((n) => n.startsWith('party:')))
      found.push(...(await identities.into(p.slice('party:'.length), src.baseline, inEdges)));
    for (const e of found) {
      edges.push(e);
      if (nodes.has(e.owner)) continue;
      nodes.add(e.owner);
      next.push(e.owner);
    }
    frontier = next;
  }
  return { nodes, edges };
}

/** The graph of these parts: party names as labels, listing facts of entities, matched parties and `extraFacts`. */
export async function subgraphOf(
  src: SubgraphSource,
  parts: SubgraphParts,
  options: {
    extraFacts?: ReadonlyMap<string, readonly ListingFact[]>;
    skipEdge?: (e: RelationEdge) => boolean;
  } = {},
): Promise<OwnershipGraph> {
  const b = new GraphBuilder();
  const partyIds = [...parts.nodes]
    .filter((n) => n.startsWith('party:'))
    .map((n) => n.slice('party:'.length));
  const names = await src.book.partyNamesOf(partyIds);
  for (const n of parts.nodes)
    b.node(n as NodeRef, n.startsWith('party:') ? names.get(n.slice('party:'.length)) : undefined);
  for (const n of parts.nodes) {
    if (n.startsWith('entity:')) {
      const fact = src.context.facts.get(n.slice('entity:'.length));
      if (fact !== undefined) b.addListing(n as NodeRef, fact);
    } else {
      for (const m of src.baseline.matches.get(n.slice('party:'.length)) ?? []) {
        const fact = partyFact(src.context, m);
        if (fact !== undefined) b.addListing(n as NodeRef, fact);
      }
    }
    for (const fact of options.extraFacts?.get(n) ?? []) b.addListing(n as NodeRef, fact);
  }
  for (const e of parts.edges) if (options.skipEdge?.(e) !== true) b.addEdge(e);
  return b.build();
}
