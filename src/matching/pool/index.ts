// Public face of the screening pool: chunks of queries screened on worker threads (or on this thread).
import { availableParallelism } from 'node:os';
import type { MatchIndex } from '../index/match-index.ts';
import { InThreadPool } from './in-thread.ts';
import { WorkerPool } from './worker-pool.ts';
import type { ScreenPool } from './types.ts';

export type { QueryError, QueryOutcome, ScreenPool } from './types.ts';

export interface ScreenPoolOptions {
  /** Threads screening: 1 screens on the calling thread, N > 1 starts N worker threads. Default: all cores. */
  workers?: number;
}

/** The machine's cores (os.availableParallelism). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A pool over the index: worker threads each holding a copy of it, or this thread for `workers: 1`. */
export function openScreenPool(index: MatchIndex, options: ScreenPoolOptions = {}): ScreenPool {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
  return workers === 1 ? new InThreadPool(index) : new WorkerPool(index.data, workers);
}
