// Worker threads for POST /v1/screen/batch: the screening pool of src/matching/pool (the one `screen-file` uses),
// holding a copy of the screener's current index. Started by the first batch, replaced when the index is rebuilt
// (a new list version), closed with the server. A batch keeps the pool it started on until it finishes, so
// every party of a batch is screened against the same index — the list versions its audit record names.
import { openScreenPool, type MatchIndex, type ScreenPool } from '../matching/index.ts';

interface Generation {
  index: MatchIndex;
  pool: ScreenPool;
  /** Batches running on this pool. */
  users: number;
  /** Replaced by a newer index: closed once its last batch finishes. */
  retired: boolean;
}

export interface BatchPoolOptions {
  /** Worker threads (default: the machine's cores, os.availableParallelism). */
  workers?: number;
}

export class BatchPool {
  readonly #current: () => MatchIndex | undefined;
  readonly #workers: number | undefined;
  #generation: Generation | undefined;
  readonly #closing: Promise<void>[] = [];
  #closed = false;

  /** `current` returns the index single screenings are answered from (undefined before the first build). */
  constructor(current: () => MatchIndex | undefined, options: BatchPoolOptions = {}) {
    this.#current = current;
    this.#workers = options.workers;
  }

  /**
   * Runs `work` on the pool of the current index; undefined when there is no index yet or the pool is closed
   * (the caller screens on its own thread).
   */
  async use<T>(work: (pool: ScreenPool) => Promise<T>): Promise<T | undefined> {
    const generation = this.#acquire();
    if (generation === undefined) return undefined;
    generation.users += 1;
    try {
      return await work(generation.pool);
    } finally {
      generation.users -= 1;
      if (generation.retired && generation.users === 0) this.#retire(generation);
    }
  }

  #acquire(): Generation | undefined {
    const index = this.#current();
    if (this.#closed || index === undefined) return undefined;
    const old = this.#generation;
    if (old?.index === index) return old;
    if (old !== undefined) {
      old.retired = true;
      if (old.users === 0) this.#retire(old);
    }
    const workers = this.#workers;
    this.#generation = {
      index,
      pool: openScreenPool(index, workers === undefined ? {} : { workers }),
      users: 0,
      retired: false,
    };
    return this.#generation;
  }

  #retire(generation: Generation): void {
    this.#closing.push(generation.pool.close());
  }

  /** Stops the worker threads (after the batches running on them, which the server has finished by then). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#generation !== undefined) this.#retire(this.#generation);
    this.#generation = undefined;
    await Promise.all(this.#closing);
  }
}
