// The two sides of a name alignment over index data, as reusable objects (no allocation per candidate).
import type { AlignmentSide } from '../features/name-alignment.ts';
import type { MatchIndexData } from '../index/data.ts';

/** Query tokens with their weights. */
export class QuerySide implements AlignmentSide {
  count = 0;
  tokens: string[] = [];
  readonly weights: Float32Array;
  readonly #known: Int32Array;

  /** `tokenIds`: the query tokens' vocabulary ids, -1 for tokens no listed name has. */
  constructor(max: number, tokenIds: Int32Array) {
    this.weights = new Float32Array(max);
    this.#known = tokenIds;
  }

  known(i: number): boolean {
    return this.#known[i] >= 0;
  }

  text(i: number): string {
    return this.tokens[i];
  }

  weight(i: number): number {
    return this.weights[i];
  }
}

/** One listed name of the index; point it at a name with `at`. */
export class ListedSide implements AlignmentSide {
  count = 0;
  start = 0;
  readonly #data: MatchIndexData;

  constructor(data: MatchIndexData) {
    this.#data = data;
  }

  at(name: number): this {
    this.start = this.#data.nameTokStart[name];
    this.count = this.#data.nameTokStart[name + 1] - this.start;
    return this;
  }

  token(j: number): number {
    return this.#data.nameToks[this.start + j];
  }

  text(j: number): string {
    return this.#data.vocab[this.#data.nameToks[this.start + j]];
  }

  weight(j: number): number {
    return this.#data.tokenWeight[this.#data.nameToks[this.start + j]];
  }
}
