// Per-query memo of token similarities: query token i × listed vocabulary token t → similarity, so that each
// pair of strings is compared at most once per query however many candidate names share the token.
// Stamped slots instead of clearing: a vocabulary token gets a row the first time this query touches it.
import type { AlgorithmSettings } from '../algorithms/types.ts';
import { tokenSimilarity, typoOptions, type SimilarityOptions } from '../features/token-similarity.ts';
import type { MatchIndexData } from '../index/data.ts';
import { MIN_DELETION_LENGTH } from '../index/deletions.ts';

export const MAX_QUERY_TOKENS = 16;
const MAX_SLOTS = 8192;

export class SimilarityTable {
  readonly #data: MatchIndexData;
  readonly #options: SimilarityOptions;
  readonly #stamp: Uint32Array;
  readonly #slot: Int32Array;
  readonly #sims = new Float32Array(MAX_SLOTS * MAX_QUERY_TOKENS).fill(Number.NaN);
  #slots = 0;
  #epoch = 0;
  /** Query tokens, their vocabulary ids (-1 unknown) and phonetic key ids (-1 none). */
  tokens: string[] = [];
  /** Whether the query was written in an abjad (its vowel-less tokens compare by consonant skeleton). */
  abjad = false;
  readonly tokenIds = new Int32Array(MAX_QUERY_TOKENS);
  readonly phon = new Int32Array(MAX_QUERY_TOKENS);
  /** 1 once candidate generation has expanded query token i (every alike short token is then in the table). */
  readonly expanded = new Uint8Array(MAX_QUERY_TOKENS);

  constructor(data: MatchIndexData, settings: AlgorithmSettings) {
    this.#data = data;
    this.#options = {
      soundAlike: false,
      skeleton: false,
      phonetic: settings.phoneticSimilarity,
      skeletonSimilarity: settings.skeletonSimilarity,
      ...typoOptions(settings),
    };
    this.#stamp = new Uint32Array(data.vocab.length);
    this.#slot = new Int32Array(data.vocab.length);
  }

  /** Starts a query. */
  reset(tokens: string[]): void {
    this.tokens = tokens;
    this.expanded.fill(0);
    this.#sims.fill(Number.NaN, 0, this.#slots * MAX_QUERY_TOKENS);
    this.#slots = 0;
    if (++this.#epoch === 0xffffffff) {
      this.#stamp.fill(0);
      this.#epoch = 1;
    }
  }

  #slotOf(token: number): number {
    if (this.#stamp[token] === this.#epoch) return this.#slot[token];
    if (this.#slots === MAX_SLOTS) return -1;
    this.#stamp[token] = this.#epoch;
    this.#slot[token] = this.#slots;
    return this.#slots++;
  }

  /** Records a similarity known from elsewhere (an expansion remembered from an earlier query). */
  set(i: number, token: number, similarity: number): void {
    const slot = this.#slotOf(token);
    if (slot >= 0) this.#sims[slot * MAX_QUERY_TOKENS + i] = similarity;
  }

  /** Similarity of query token i and vocabulary token t (computed once, then read). */
  get(i: number, token: number): number {
    if (this.tokenIds[i] === token) return 1;
    const slot = this.#slotOf(token);
    if (slot >= 0) {
      const cached = this.#sims[slot * MAX_QUERY_TOKENS + i];
      if (!Number.isNaN(cached)) return cached;
    }
    const text = this.#data.vocab[token];
    // The query token's expansion already visited every token one edit away, sounding alike or sharing its
    // skeleton; for short tokens (one typo allowed, both in the deletion tables) no other token is alike.
    const q = this.tokens[i];
    if (
      this.expanded[i] === 1 &&
      text.length <= 6 &&
      q.length <= 6 &&
      text.length >= MIN_DELETION_LENGTH &&
      q.length >= MIN_DELETION_LENGTH
    ) {
      if (slot >= 0) this.#sims[slot * MAX_QUERY_TOKENS + i] = 0;
      return 0;
    }
    const p = this.phon[i];
    this.#options.soundAlike = p >= 0 && this.#data.tokenPhon[token] === p;
    this.#options.skeleton = this.abjad || this.#data.tokenAbjad[token] === 1;
    const s = tokenSimilarity(this.tokens[i], text, this.#options);
    if (slot >= 0) this.#sims[slot * MAX_QUERY_TOKENS + i] = s;
    return s;
  }
}
