// A pool that screens chunks of queries: the batch paths (screen-file, later POST /v1/screen/batch) hand it
// queries and get one outcome per query back, in the order given.
import type { Match, ScreenOptions, ScreenQuery } from '../types.ts';

/** Why the engine refused a query (an AppError of code invalid_input, as a value). */
export interface QueryError {
  code: string;
  message: string;
  /** The query field at fault (`name`, `birth_date`, `id`…). */
  field?: string;
  hint?: string;
}

/** The matches of one query, or why it could not be screened. */
export type QueryOutcome = { matches: Match[] } | { error: QueryError };

export interface ScreenPool {
  /** Worker threads screening (0: the calling thread screens). */
  readonly threads: number;
  /**
   * Screens every query with the same options; one outcome per query, in order. A refused query is an error
   * outcome; the promise rejects only when the pool itself fails (a bug, a crashed worker, a closed pool).
   */
  screenChunk(queries: readonly ScreenQuery[], options: ScreenOptions): Promise<QueryOutcome[]>;
  /** Stops the worker threads; pending chunks reject. */
  close(): Promise<void>;
}
