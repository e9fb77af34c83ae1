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

export function screenBatch(searcher: Searcher, request: ScreenBatchRequest, options: { threshold: number; limit: number }): ScreenBatchReply {
  const reply: ScreenBatchReply = { id: request.id, hits: [], errors: [] };
  for (const [partyId, query] of request.parties) {
    try {
      const matches = searcher.search(query, options);
      if (matches.length > 0) reply.hits.push([partyId, matches]);
    } catch (error) {
      reply.errors.push([partyId, error instanceof Error ? error.message : String(error)]);
    }
  }
  return reply;
}
