// Chunks started in any number of threads, written strictly in the order they were started, with at most
// `limit` chunks in flight: `push` waits for the oldest chunk to be written before it returns when the limit is
// reached (backpressure on the reader), so memory holds at most `limit` chunks and their results.
export class OrderedChunks<I, R> {
  readonly #limit: number;
  readonly #start: (items: I[]) => Promise<R>;
  readonly #write: (items: I[], results: R) => Promise<void>;
  readonly #pending: { items: I[]; results: Promise<R> }[] = [];

  constructor(
    limit: number,
    start: (items: I[]) => Promise<R>,
    write: (items: I[], results: R) => Promise<void>,
  ) {
    this.#limit = limit;
    this.#start = start;
    this.#write = write;
  }

  /** Starts the chunk; returns once fewer than `limit` chunks are in flight. */
  async push(items: I[]): Promise<void> {
    const results = this.#start(items);
    // Awaited in order by #writeOldest; until then a rejection must not count as unhandled.
    results.catch(() => undefined);
    this.#pending.push({ items, results });
    while (this.#pending.length >= this.#limit) await this.#writeOldest();
  }

  /** Writes every chunk still in flight, in order. */
  async drain(): Promise<void> {
    while (this.#pending.length > 0) await this.#writeOldest();
  }

  async #writeOldest(): Promise<void> {
    const chunk = this.#pending.shift()!;
    await this.#write(chunk.items, await chunk.results);
  }
}
