// One chunk of queries on one searcher: the work a pool thread does.
import { AppError } from '../../domain/errors.ts';
import type { Searcher } from '../search/searcher.ts';
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import type { QueryError, QueryOutcome } from './types.ts';

function queryError(error: AppError): QueryError {
  return {
    code: error.code,
    message: error.message,
    ...(error.where === undefined ? {} : { field: error.where }),
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
}

/** Screens each query; an AppError (a bad field) becomes that query's outcome, anything else is a bug and throws. */
export function screenQueries(
  searcher: Searcher,
  queries: readonly ScreenQuery[],
  options: ScreenOptions,
): QueryOutcome[] {
  return queries.map((query) => {
    try {
      return { matches: searcher.search(query, options) };
    } catch (error) {
      if (error instanceof AppError) return { error: queryError(error) };
      throw error;
    }
  });
}
