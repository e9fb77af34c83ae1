// What the book needs of the loaded lists, read once per set of list versions: the index cards to screen parties
// against, each listed entity's listing fact (what makes it a restricted owner), and the relations the lists
// themselves state (OFAC "Owned or Controlled By", CSL parents, FtM Ownership, …) as graph edges.
import type { Entity } from '../domain/entity.ts';
import { listingFactOf, type ListingFact, type RelationEdge } from '../graph/index.ts';
import { buildIndexData, type MatchIndexData } from '../matching/index.ts';
import { edgesFromClaims, exactNameResolver } from '../sources/relations/index.ts';
import type { Store } from '../store/index.ts';
import { identifierKey, type ListedRecord } from './matches.ts';

export interface ListContext {
  /** The current version of every loaded list. */
  versions: { list_id: string; version: number }[];
  /** The current entities (raw source records dropped). */
  entities: readonly Entity[];
  /** The matching index over them, built on first use (about 2 s for every bundled list). */
  indexData(): MatchIndexData;
  /** Listing fact (certainty confirmed) of every current listed entity that has one. */
  facts: Map<string, ListingFact>;
  /** Relations stated by the lists. */
  claimEdges: RelationEdge[];
  /** Relation claims the lists state but that name no single listed record. */
  unresolvedClaims: number;
  /** Identifier keys of the entities that have identifiers. */
  identifierKeys: Map<string, string[]>;
}

/** Reads the current entities of every list (or of the given lists) and derives the book's view of them. */
export async function loadListContext(store: Store, onlyLists?: readonly string[]): Promise<ListContext> {
  const versions = (await store.currentVersions()).filter(
    (v) => onlyLists === undefined || onlyLists.includes(v.listId),
  );
  const entities: Entity[] = [];
  for await (const e of store.currentEntities(versions.map((v) => v.listId))) {
    // The raw source record is evidence for the list store, not needed here: drop it to halve the memory.
    e.raw = null;
    entities.push(e);
  }
  return listContextOf(
    versions.map((v) => ({ list_id: v.listId as string, version: v.version })),
    entities,
  );
}

/** The book's view of a set of entities (also used for simulated listings). */
export function listContextOf(versions: ListContext['versions'], entities: readonly Entity[]): ListContext {
  const facts = new Map<string, ListingFact>();
  const identifierKeys = new Map<string, string[]>();
  for (const e of entities) {
    const fact = listingFactOf(e);
    if (fact !== undefined) facts.set(e.id, fact);
    if (e.identifiers.length > 0)
      identifierKeys.set(
        e.id,
        e.identifiers.map((i) => identifierKey(`:${i.value}`)),
      );
  }
  const claims = edgesFromClaims(entities, { resolve: exactNameResolver(entities) });
  let data: MatchIndexData | undefined;
  return {
    versions,
    entities,
    indexData: () => (data ??= buildIndexData(entities)),
    facts,
    claimEdges: claims.edges,
    unresolvedClaims: claims.unresolved.length,
    identifierKeys,
  };
}

/** Sub-list and name of a listed record, for matches grouped under another record. */
export function listedRecord(context: ListContext, entityId: string): ListedRecord | undefined {
  const fact = context.facts.get(entityId);
  if (fact === undefined) return undefined;
  const out: ListedRecord = { listId: fact.listId };
  if (fact.subList !== undefined) out.subList = fact.subList;
  if (fact.name !== undefined) out.name = fact.name;
  const keys = context.identifierKeys.get(entityId);
  if (keys !== undefined) out.identifierKeys = keys;
  return out;
}
