// One batch of parties screened by name against one index (in a worker thread or in-process). A party whose
// query the engine refuses (e.g. an identifier too short to compare) is reported as an error, never fatal.
import type { Match, ScreenQuery, Searcher } from '../matching/index.ts';

export interface ScreenBatchRequest {
  id: number;
  parties: [partyId: string, query: ScreenQuery][];
}

export interface ScreenBatchReply {
  id: number;
  /** Only parties with at least one match. */
  hits: [partyId: string, matches: Match[]][];
  errors: [partyId: string, message: string][];
}

/** Results of identical queries (books repeat names: the same person as customer and supplier, common names). */
export class QueryCache {
  readonly #results = new Map<string, Match[]>();
  /** Entries kept before the cache starts over (bounds memory on a book of unique names). */
  static readonly MAX = 200_000;

  search(searcher: Searcher, query: ScreenQuery, options: { threshold: number; limit: number }): Match[] {
    const key = JSON.stringify([query.name, query.schema, query.country, query.id, query.birth_date]);
    let matches = this.#results.get(key);
    if (matches === undefined) {
      matches = searcher.search(query, options);
      if (this.#results.size >= QueryCache.MAX) this.#results.clear();
      this.#results.set(key, matches);
    }
    return matches;
  }
}

export function screenBatch(
  searcher: Searcher,
  request: ScreenBatchRequest,
  options: { threshold: number; limit: number },
  cache = new QueryCache(),
): ScreenBatchReply {
  const reply: ScreenBatchReply = { id: request.id, hits: [], errors: [] };
  for (const [partyId, query] of request.parties) {
    try {
      const matches = cache.search(searcher, query, options);
      if (matches.length > 0) reply.hits.push([partyId, matches]);
    } catch (error) {
      reply.errors.push([partyId, error instanceof Error ? error.message : String(error)]);
    }
  }
  return reply;
}
