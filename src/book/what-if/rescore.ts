// The name side of a what-if: the simulated entities are looked up in the book's reverse index (candidates), and
// only those candidates are screened again — forward, party as the query, against the lists plus the simulated
// entities — so a new match is exactly what a full re-screen would report for that party.
import type { Entity } from '../../domain/entity.ts';
import { buildIndexData, DEFAULT_ALGORITHM, MatchIndex, Searcher } from '../../matching/index.ts';
import { listingFactOf, type ListingFact } from '../../graph/index.ts';
import type { BookStore } from '../../store/index.ts';
import { listedRecord, type ListContext } from '../list-context.ts';
import { identifierKey, partyMatches } from '../matches.ts';
import { entityQueries, partyQuery } from '../party-card.ts';
import type { PartyIndex } from '../party-index.ts';
import { MATCHES_PER_PARTY } from '../screen-book.ts';
import type { PartyMatch } from '../types.ts';

export interface Rescored {
  /** Parties the reverse index proposed (each re-scored once). */
  candidates: number;
  /** Party id → its matches to simulated entities. */
  matches: Map<string, PartyMatch[]>;
  /** Listing facts of the simulated entities, by entity id. */
  facts: Map<string, ListingFact>;
}

/** Parties the reverse index proposes for any name of any simulated entity. */
export function candidateParties(index: PartyIndex, entities: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities)
    for (const q of entityQueries(e)) for (const c of index.candidates(q)) out.add(c.partyId);
  return out;
}

/** Looks the simulated entities up in the reverse index and re-scores the candidates forward. */
export async function rescore(
  book: BookStore,
  context: ListContext,
  index: PartyIndex,
  entities: readonly Entity[],
): Promise<Rescored> {
  const facts = new Map<string, ListingFact>();
  for (const e of entities) {
    const fact = listingFactOf(e);
    if (fact !== undefined) facts.set(e.id, fact);
  }
  const candidates = candidateParties(index, entities);
  const matches = new Map<string, PartyMatch[]>();
  if (candidates.size === 0) return { candidates: 0, matches, facts };
  // The lists plus the simulated entities: token rarities as a re-screen with the new listing would see them.
  const data = buildIndexData([...context.entities, ...entities]);
  const searcher = new Searcher(new MatchIndex(data), DEFAULT_ALGORITHM);
  const simulated = new Set(entities.map((e) => e.id as string));
  const simKeys = new Map(
    entities.map((e) => [e.id as string, e.identifiers.map((i) => identifierKey(`:${i.value}`))]),
  );
  const record = (id: string) => {
    const fact = facts.get(id);
    if (fact === undefined) return listedRecord(context, id);
    const keys = simKeys.get(id);
    return {
      listId: fact.listId,
      ...(fact.subList === undefined ? {} : { subList: fact.subList }),
      ...(fact.name === undefined ? {} : { name: fact.name }),
      ...(keys === undefined ? {} : { identifierKeys: keys }),
    };
  };
  for (const partyId of candidates) {
    const party = await book.party(partyId);
    if (party === undefined) continue;
    const found = searcher.search(partyQuery(party), { limit: MATCHES_PER_PARTY });
    const pm = partyMatches(partyId, found, {
      threshold: DEFAULT_ALGORITHM.threshold,
      decisions: new Map(),
      record,
      identifiers: party.identifiers,
    }).filter((m) => simulated.has(m.entityId));
    if (pm.length > 0) matches.set(partyId, pm);
  }
  return { candidates: candidates.size, matches, facts };
}
