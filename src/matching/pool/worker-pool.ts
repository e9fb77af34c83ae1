// Worker threads, each with its own MatchIndex built from a structured clone of the index data (plain typed
// arrays and string tables: src/matching/index/data.ts). A chunk goes to the worker with the fewest chunks
// pending; a worker answers in order, replies carry the chunk id. Callers bound how many chunks they keep in
// flight (screen-file keeps two per worker), so memory does not follow the input.
import { Worker } from 'node:worker_threads';
import type { MatchIndexData } from '../index/data.ts';
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import type { ChunkReply, ChunkRequest } from './worker-messages.ts';
import type { QueryOutcome, ScreenPool } from './types.ts';

interface Pending {
  resolve: (outcomes: QueryOutcome[]) => void;
  reject: (error: Error) => void;
}

class PoolWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #failure: Error | undefined;

  constructor(data: MatchIndexData) {
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { data } });
    this.#worker.on('message', (reply: ChunkReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (pending === undefined) return;
      if ('failure' in reply) pending.reject(new Error(`screening worker failed: ${reply.failure}`));
      else pending.resolve(reply.outcomes);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`screening worker exited with code ${code}`)));
  }

  get load(): number {
    return this.#pending.size;
  }

  screen(request: ChunkRequest): Promise<QueryOutcome[]> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    this.#fail(new Error('the screening pool is closed'));
    await this.#worker.terminate();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const p of this.#pending.values()) p.reject(this.#failure);
    this.#pending.clear();
  }
}

export class WorkerPool implements ScreenPool {
  readonly threads: number;
  readonly #workers: PoolWorker[];
  #nextId = 0;

  constructor(data: MatchIndexData, threads: number) {
    this.threads = threads;
    this.#workers = Array.from({ length: threads }, () => new PoolWorker(data));
  }

  screenChunk(queries: readonly ScreenQuery[], options: ScreenOptions): Promise<QueryOutcome[]> {
    const worker = this.#workers.reduce((a, b) => (b.load < a.load ? b : a));
    return worker.screen({ id: this.#nextId++, queries, options });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
