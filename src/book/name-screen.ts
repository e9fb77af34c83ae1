// Screening every party of the book by name: each party is a query against the list index — the same engine and
// threshold as `embargo screen`, so a party's name result is what screening it alone would give. Large books are
// spread over worker threads, each with its own copy of the index (about 100 MB for every bundled list); batches
// are streamed from the store with at most two in flight per worker, so memory stays flat.
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_ALGORITHM,
  MatchIndex,
  Searcher,
  type Match,
  type MatchIndexData,
  type ScreenQuery,
} from '../matching/index.ts';
import { QueryCache, screenBatch, type ScreenBatchReply, type ScreenBatchRequest } from './name-batch.ts';

export interface NameScreenOptions {
  threshold: number;
  /** Matches per party (grouped across lists). */
  limit: number;
  /** Worker threads; 0 screens on this thread. */
  workers: number;
  batchSize?: number;
  onProgress?: (screened: number) => void;
}

export interface NameScreenResult {
  hits: Map<string, Match[]>;
  screened: number;
  errors: { partyId: string; message: string }[];
}

type Item = [partyId: string, query: ScreenQuery];

async function* batches(items: AsyncIterable<Item>, size: number): AsyncGenerator<Item[]> {
  let batch: Item[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function collect(
  result: NameScreenResult,
  reply: ScreenBatchReply,
  size: number,
  options: NameScreenOptions,
): void {
  for (const [id, matches] of reply.hits) result.hits.set(id, matches);
  for (const [partyId, message] of reply.errors) result.errors.push({ partyId, message });
  result.screened += size;
  options.onProgress?.(result.screened);
}

/** A worker with a FIFO of pending replies (a worker answers its messages in order). */
class BatchWorker {
  readonly #worker: Worker;
  readonly #pending: { resolve: (r: ScreenBatchReply) => void; reject: (e: Error) => void }[] = [];

  constructor(data: MatchIndexData, options: NameScreenOptions) {
    this.#worker = new Worker(new URL('./name-worker.ts', import.meta.url), {
      workerData: { data, threshold: options.threshold, limit: options.limit },
    });
    this.#worker.on('message', (reply: ScreenBatchReply) => this.#pending.shift()?.resolve(reply));
    this.#worker.on('error', (error) => this.#pending.splice(0).forEach((p) => p.reject(error)));
  }

  get load(): number {
    return this.#pending.length;
  }

  screen(request: ScreenBatchRequest): Promise<ScreenBatchReply> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

async function screenInWorkers(
  data: MatchIndexData,
  items: AsyncIterable<Item>,
  options: NameScreenOptions,
  result: NameScreenResult,
): Promise<void> {
  const pool = Array.from({ length: options.workers }, () => new BatchWorker(data, options));
  const inflight = new Set<Promise<void>>();
  let id = 0;
  let failure: unknown;
  const check = (): void => {
    if (failure !== undefined) throw failure;
  };
  try {
    for await (const batch of batches(items, options.batchSize ?? 1000)) {
      while (inflight.size >= pool.length * 2) await Promise.race(inflight);
      check();
      const worker = pool.reduce((a, b) => (b.load < a.load ? b : a));
      const p: Promise<void> = worker
        .screen({ id: id++, parties: batch })
        .then((reply) => collect(result, reply, batch.length, options))
        .catch((error: unknown) => void (failure ??= error))
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    check();
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Screens every query; returns the parties that matched. */
export async function screenNames(
  data: MatchIndexData,
  items: AsyncIterable<Item>,
  options: NameScreenOptions,
): Promise<NameScreenResult> {
  const result: NameScreenResult = { hits: new Map(), screened: 0, errors: [] };
  if (options.workers > 0) {
    await screenInWorkers(data, items, options, result);
    return result;
  }
  const searcher = new Searcher(new MatchIndex(data), DEFAULT_ALGORITHM);
  const cache = new QueryCache();
  let id = 0;
  for await (const batch of batches(items, options.batchSize ?? 1000)) {
    collect(
      result,
      screenBatch(searcher, { id: id++, parties: batch }, options, cache),
      batch.length,
      options,
    );
  }
  return result;
}
