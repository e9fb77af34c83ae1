// Compressed sparse rows: key → list of integer values, as two typed arrays (start offsets, values).
// Used for every posting list of the index; built from parallel (key, value) arrays in two passes.

export interface Csr {
  /** values of key k are values[start[k] .. start[k + 1]). */
  start: Uint32Array;
  values: Uint32Array;
}

/** Builds rows from pairs; values keep their insertion order within a key. */
export function buildCsr(
  keyCount: number,
  keys: ArrayLike<number>,
  values: ArrayLike<number>,
  pairCount: number,
): Csr {
  const start = new Uint32Array(keyCount + 1);
  for (let p = 0; p < pairCount; p++) start[keys[p] + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keyCount);
  const out = new Uint32Array(pairCount);
  for (let p = 0; p < pairCount; p++) out[fill[keys[p]]++] = values[p];
  return { start, values: out };
}

/** A growable Uint32 array for collecting pairs during a build. */
export class U32Builder {
  data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The filled part (a copy that owns its buffer, so it can be transferred). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
