// A bounded memo for per-word transliteration: a server keeps running, so the cache must not grow forever.

/** Map with a size cap; when full it drops the oldest half (insertion order), which keeps hot words cheaply. */
export class BoundedCache<V> {
  readonly #max: number;
  #map = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  get(key: string): V | undefined {
    return this.#map.get(key);
  }

  set(key: string, value: V): void {
    if (this.#map.size >= this.#max) this.#evictOldestHalf();
    this.#map.set(key, value);
  }

  get size(): number {
    return this.#map.size;
  }

  #evictOldestHalf(): void {
    let drop = this.#map.size >> 1;
    for (const key of this.#map.keys()) {
      if (drop-- <= 0) break;
      this.#map.delete(key);
    }
  }
}
