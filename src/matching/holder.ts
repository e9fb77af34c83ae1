// Holds the current index and rebuilds it in a worker thread: queries keep being answered from the old
// index until the new one is built and swapped in (one assignment, between two queries).
import { Worker } from 'node:worker_threads';
import type { Entity } from '../domain/entity.ts';
import { DEFAULT_ALGORITHM } from './algorithms/index.ts';
import { isScreenable, toCard } from './index/cards.ts';
import type { MatchIndexData } from './index/data.ts';
import { MatchIndex } from './index/match-index.ts';
import { Searcher } from './search/searcher.ts';
import type { EntityCard, Match, ScreenOptions, ScreenQuery } from './types.ts';

type Reply = { id: number; data: MatchIndexData } | { id: number; error: string };

export class MatchIndexHolder {
  #current: { index: MatchIndex; searcher: Searcher } | undefined;
  #worker: Worker | undefined;
  #nextId = 0;
  #pending = new Map<number, { resolve: (d: MatchIndexData) => void; reject: (e: Error) => void }>();
  /** Id of the newest rebuild requested: an older rebuild finishing later is not swapped in. */
  #latest = -1;

  constructor(index?: MatchIndex) {
    if (index !== undefined) this.#current = { index, searcher: new Searcher(index, DEFAULT_ALGORITHM) };
  }

  /** The index queries are answered from (undefined before the first build). */
  get index(): MatchIndex | undefined {
    return this.#current?.index;
  }

  /** Screens against the current index. */
  search(query: ScreenQuery, options: ScreenOptions = {}): Match[] {
    if (this.#current === undefined) throw new Error('no index yet: call rebuild() first');
    return this.#current.searcher.search(query, options);
  }

  /** Builds a new index from the entities in a worker thread, then swaps it in. Resolves to the new index. */
  async rebuild(entities: Iterable<Entity>): Promise<MatchIndex> {
    const cards: EntityCard[] = [];
    for (const e of entities) if (isScreenable(e)) cards.push(toCard(e));
    const id = this.#nextId++;
    this.#latest = id;
    const data = await new Promise<MatchIndexData>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const worker = this.#workerThread();
      worker.ref(); // keep the process alive while a build is pending
      worker.postMessage({ id, cards });
    });
    const index = new MatchIndex(data);
    if (id === this.#latest) this.#current = { index, searcher: new Searcher(index, DEFAULT_ALGORITHM) };
    return index;
  }

  /** Stops the worker thread (the current index stays usable). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }

  #workerThread(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(new URL('./index/build-worker.ts', import.meta.url));
    worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (pending === undefined) return;
      if ('error' in reply) pending.reject(new Error(`index build failed: ${reply.error}`));
      else pending.resolve(reply.data);
    });
    worker.on('error', (error) => this.#failAll(error));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
    this.#worker = undefined;
  }
}
