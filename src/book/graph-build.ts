// The book and the lists as one ownership graph (issue 7 item 1): listed entities with their listing facts, the
// relations the lists state, the book's relations, and the parties — each party that matches a listed entity
// carrying that entity's listing with the match's certainty ("a party matching a listed entity counts as that
// entity for its holdings"). When the matched entity is itself owned by others in the graph (so it may be
// restricted through ownership rather than listed), an identity edge entity → party passes that status on: a
// 100 % holding for a confirmed match, an unknown share (review at most) for a potential one.
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
import type { EntityId } from '../domain/ids.ts';
import type { ListContext } from './list-context.ts';
import type { PartyMatch } from './types.ts';

export interface GraphExtras {
  /** Listing facts to add (simulated listings). */
  facts?: readonly { node: NodeRef; fact: ListingFact }[];
  /** Edges to add (simulated relations). */
  edges?: readonly RelationEdge[];
  /** Nodes to create even without edges (so that a what-if can seed them). */
  nodes?: readonly NodeRef[];
}

export interface BookGraphParts {
  context: ListContext;
  relations: AsyncIterable<RelationEdge> | Iterable<RelationEdge>;
  partyMatches: ReadonlyMap<string, readonly PartyMatch[]>;
  /** Party names, to label the party nodes (paths then read "Hangzhou Ezviz Network Co., Ltd.", not its id). */
  partyNames?: AsyncIterable<readonly [string, string]> | Iterable<readonly [string, string]>;
  extras?: GraphExtras;
}

export interface BookGraph {
  graph: OwnershipGraph;
  /** Book relations read. */
  relationCount: number;
}

const CARRIES_STATUS = new Set(['ownership', 'control']);

/** The listing fact a party takes from one of its matches. */
export function partyFact(context: ListContext, m: PartyMatch): ListingFact | undefined {
  const fact = context.facts.get(m.entityId);
  return fact === undefined ? undefined : { ...fact, certainty: m.certainty };
}

function identityEdge(partyId: string, m: PartyMatch): RelationEdge {
  return {
    owner: entityNode(m.entityId as EntityId),
    owned: partyNode(partyId),
    kind: 'ownership',
    share: m.certainty === 'confirmed' ? exactShare(1) : UNKNOWN_SHARE,
    source: 'match',
    note: `${m.certainty === 'confirmed' ? 'confirmed' : 'potential'} match of this party to the listed record (${m.basis})`,
  };
}

/** Builds the book graph. */
export async function buildBookGraph(parts: BookGraphParts): Promise<BookGraph> {
  const b = new GraphBuilder();
  if (parts.partyNames !== undefined)
    for await (const [id, name] of parts.partyNames) b.node(partyNode(id), name);
  for (const [id, fact] of parts.context.facts) b.addListing(entityNode(id as EntityId), fact);
  const ownedEntities = new Set<string>();
  const add = (e: RelationEdge): void => {
    if (CARRIES_STATUS.has(e.kind) && e.owned.startsWith('entity:')) ownedEntities.add(e.owned);
    b.addEdge(e);
  };
  parts.context.claimEdges.forEach(add);
  let relationCount = 0;
  for await (const e of parts.relations) {
    relationCount++;
    add(e);
  }
  parts.extras?.edges?.forEach(add);
  for (const n of parts.extras?.nodes ?? []) b.node(n);
  for (const { node, fact } of parts.extras?.facts ?? []) b.addListing(node, fact);
  for (const [partyId, matches] of parts.partyMatches) {
    for (const m of matches) {
      const fact = partyFact(parts.context, m);
      if (fact !== undefined) b.addListing(partyNode(partyId), fact);
      if (ownedEntities.has(entityNode(m.entityId as EntityId))) b.addEdge(identityEdge(partyId, m));
    }
  }
  return { graph: b.build(), relationCount };
}
