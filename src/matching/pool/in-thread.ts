// The pool without threads (`--workers 1`, tests): screens on the calling thread.
import { DEFAULT_ALGORITHM } from '../algorithms/index.ts';
import type { MatchIndex } from '../index/match-index.ts';
import { Searcher } from '../search/searcher.ts';
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import { screenQueries } from './screen-chunk.ts';
import type { QueryOutcome, ScreenPool } from './types.ts';

export class InThreadPool implements ScreenPool {
  readonly threads = 0;
  #searcher: Searcher | undefined;

  constructor(index: MatchIndex) {
    this.#searcher = new Searcher(index, DEFAULT_ALGORITHM);
  }

  async screenChunk(queries: readonly ScreenQuery[], options: ScreenOptions): Promise<QueryOutcome[]> {
    if (this.#searcher === undefined) throw new Error('the screening pool is closed');
    const outcomes = screenQueries(this.#searcher, queries, options);
    // Let I/O and timers (the progress bar) run between chunks.
    await new Promise((resolve) => setImmediate(resolve));
    return outcomes;
  }

  async close(): Promise<void> {
    this.#searcher = undefined;
  }
}
