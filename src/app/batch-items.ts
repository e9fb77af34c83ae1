// The items of a batch answer (POST /v1/screen/batch), whether the parties were screened on the calling thread
// or on the pool's threads: the same shapes, the same key order, so both paths send the same bytes.
import { AppError } from '../domain/errors.ts';
import type { Match, QueryOutcome, ScreenOptions, ScreenPool, ScreenQuery } from '../matching/index.ts';
import type { BatchItem, PartyError, PartyQuery, PartyResult } from './screening-types.ts';

/**
 * Smallest chunk sent to a pool thread. A batch is cut into two chunks per thread (so two concurrent batches
 * still share the threads evenly), but never into chunks so small that messages cost more than screening.
 */
const MIN_CHUNK = 32;

function errorItem(party: PartyQuery, index: number, error: PartyError): BatchItem {
  return { index, reference: party.reference ?? null, status: 'error', query: party, error };
}

/** One batch item: the party's result, or an error item when the engine refused a field (an AppError). */
export function batchItem(party: PartyQuery, index: number, evaluate: () => PartyResult): BatchItem {
  try {
    return { index, reference: party.reference ?? null, ...evaluate() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return errorItem(party, index, {
      code: error.code,
      message: error.message,
      field: error.where ?? null,
      hint: error.hint ?? null,
    });
  }
}

/** The item for a pool thread's outcome: its error, or the result built from its matches. */
export function outcomeItem(
  party: PartyQuery,
  index: number,
  outcome: QueryOutcome,
  result: (matches: Match[]) => PartyResult,
): BatchItem {
  if ('error' in outcome) {
    const { code, message, field, hint } = outcome.error;
    return errorItem(party, index, { code, message, field: field ?? null, hint: hint ?? null });
  }
  return batchItem(party, index, () => result(outcome.matches));
}

/** Screens the queries in chunks on the pool's threads, all in flight at once; outcomes in input order. */
export async function screenOnPool(
  pool: ScreenPool,
  queries: readonly ScreenQuery[],
  options: ScreenOptions,
): Promise<QueryOutcome[]> {
  const size = Math.max(MIN_CHUNK, Math.ceil(queries.length / Math.max(1, 2 * pool.threads)));
  const chunks: Promise<QueryOutcome[]>[] = [];
  for (let start = 0; start < queries.length; start += size) {
    chunks.push(pool.screenChunk(queries.slice(start, start + size), options));
  }
  return (await Promise.all(chunks)).flat();
}
