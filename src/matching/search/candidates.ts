// Candidate generation: which listed names deserve a full score, without scanning every name.
//
//  query token ──exact──────────────┐
//              ──one edit away──────┤ (deletion neighbourhoods)      vocabulary tokens, each with its
//              ──sounds alike───────┤ (double-metaphone buckets)  →  similarity s to the query token
//  adjacent tokens joined / a token split in two ─┘
//        │
//        ▼  postings token → names: every name gets, per query token, its best s × weight(token)
//  bound(name) = 2·acc / (W_query + acc + β·(W_name − acc))   ← the alignment score if every hit aligned
//        │
//        ▼  the candidateLimit names with the highest bound are scored in full (searcher.ts)
//
// Tokens in more than commonPostingShare of all names (muhammad, company) do not open candidates when the
// query has rarer tokens: they only add to names already found, via a scan of those names' few tokens.
import type { AlgorithmSettings } from '../algorithms/types.ts';
import { consonantSkeleton } from '../../text/index.ts';
import { hashWithout, lowerBound, MIN_DELETION_LENGTH } from '../index/deletions.ts';
import type { MatchIndex } from '../index/match-index.ts';
import type { QuerySide } from './sides.ts';
import type { SimilarityTable } from './sim-table.ts';

const MAX_EXPANSIONS = 4096;
/** Accumulation slots are bytes: query tokens, joins and split pieces beyond 255 are ignored. */
const MAX_SLOTS = 255;
/** Phonetic buckets are read up to this many tokens (a key like "ALM" can hold hundreds). */
const MAX_PHONETIC_BUCKET = 256;
/** Remembered expansions; 20,000 words of a few hundred bytes each. */
const MEMO_SIZE = 20_000;
/** Weight of a one-letter query token (an initial): it narrows little. */
export const INITIAL_WEIGHT = 1.5;

/**
 * Weight of a query token no listed name contains: that of a token seen once, but at most 2.5 per letter,
 * since a short unknown token ("ed", "eif") is more likely a damaged common word than a distinctive name.
 */
export function unknownWeight(text: string, unique: number): number {
  return Math.min(unique, 2.5 * text.length);
}

/** Which names a query may match: schema classes and, optionally, lists. */
export interface NameFilter {
  classMask: number;
  lists: Uint8Array | undefined;
  subLists: Uint8Array | undefined;
}

export class CandidateGenerator {
  readonly #ix: MatchIndex;
  readonly #sims: SimilarityTable;
  readonly #st: AlgorithmSettings;
  readonly #commonDf: number;
  // expansions of the current query: (token, similarity, accumulation slot)
  readonly #expTok = new Uint32Array(MAX_EXPANSIONS);
  readonly #expSim = new Float32Array(MAX_EXPANSIONS);
  readonly #expSlot = new Uint8Array(MAX_EXPANSIONS);
  #expCount = 0;
  #slotCount = 0;
  /** The text being expanded and its query token (-1 for join/split pieces). */
  #text = '';
  #qi = -1;
  /** Whether the current expansion read a bucket only in part. */
  #truncated = false;
  // per-name accumulation
  readonly #acc: Float32Array;
  readonly #nameStamp: Uint32Array;
  #nameEpoch = 0;
  readonly touched: Uint32Array;
  touchedCount = 0;
  // per-token stamps
  readonly #seen: Uint32Array;
  #seenEpoch = 0;
  readonly #common: Float32Array;
  readonly #commonStamp: Uint32Array;
  /** Tokens some query word expanded to in this query (stamped with the query's epoch). */
  readonly #expanded: Uint32Array;
  #commonEpoch = 0;
  // top-k min-heap on the bound
  readonly #heapName: Uint32Array;
  readonly #heapBound: Float32Array;
  #heapSize = 0;
  /** Expansions of recent query tokens (bounded: cleared when full). */
  readonly #memo = new Map<string, { tokens: Uint32Array; sims: Float32Array; complete: boolean }>();
  /** Letters of the query's one-letter tokens (char codes). */
  readonly #initials = new Uint16Array(256);
  /** Heap capacity of the current query. */
  #limit = 0;

  constructor(ix: MatchIndex, sims: SimilarityTable, settings: AlgorithmSettings) {
    this.#ix = ix;
    this.#sims = sims;
    this.#st = settings;
    this.#commonDf = Math.max(50, Math.floor(settings.commonPostingShare * ix.nameCount));
    this.#acc = new Float32Array(ix.nameCount);
    this.#nameStamp = new Uint32Array(ix.nameCount);
    this.touched = new Uint32Array(ix.nameCount);
    this.#seen = new Uint32Array(ix.vocabularySize);
    this.#common = new Float32Array(ix.vocabularySize);
    this.#commonStamp = new Uint32Array(ix.vocabularySize);
    this.#expanded = new Uint32Array(ix.vocabularySize);
    this.#heapName = new Uint32Array(2 * settings.candidateLimit);
    this.#heapBound = new Float32Array(2 * settings.candidateLimit);
  }

  #add(token: number, sim: number): void {
    if (this.#expCount === MAX_EXPANSIONS) {
      this.#truncated = true;
      return;
    }
    this.#expanded[token] = this.#commonEpoch + 1; // the epoch #accumulate is about to start
    this.#expTok[this.#expCount] = token;
    this.#expSim[this.#expCount] = sim;
    this.#expSlot[this.#expCount++] = this.#slotCount;
  }

  /** Vocabulary tokens alike to `text` (query token qi, or a join/split piece when qi = -1). */
  #expand(text: string, qi: number, phon: number): void {
    const d = this.#ix.data;
    if (++this.#seenEpoch === 0xffffffff) {
      this.#seen.fill(0);
      this.#seenEpoch = 1;
    }
    this.#text = text;
    this.#qi = qi;
    this.#truncated = false;
    const exact = this.#ix.tokenIds.get(text);
    if (exact !== undefined) this.#visit(exact, 0);
    if (text.length >= MIN_DELETION_LENGTH) {
      // A piece takes only neighbours of four letters or more (#pieceSimilarity): for a three-letter piece
      // only the whole-piece hash (a letter added) can reach one, the deletions reach shorter tokens.
      const skips = qi < 0 && text.length < 4 ? 0 : text.length;
      for (let skip = -1; skip < skips; skip++) {
        const h = hashWithout(text, skip);
        // One edit apart: lengths differ by at most one.
        for (let p = lowerBound(d.delHash, d.delDir, h); p < d.delHash.length && d.delHash[p] === h; p++)
          this.#visit(d.delToken[p], 1);
      }
    }
    if (phon >= 0 && text.length >= 4) {
      const end = Math.min(d.phonStart[phon + 1], d.phonStart[phon] + MAX_PHONETIC_BUCKET);
      if (end < d.phonStart[phon + 1]) this.#truncated = true;
      for (let p = d.phonStart[phon]; p < end; p++) this.#visit(d.phonTokens[p], 3);
    }
    if (qi >= 0) this.#skeleton(text);
  }

  /**
   * Expands query token i, or replays its expansion from an earlier query: batch input repeats its words
   * ("co", "trading", "mohammed"), and an expansion depends on the token and the query's script only.
   */
  #expandRemembered(text: string, i: number): void {
    const key = this.#sims.abjad ? `${text}\u0001` : text;
    const known = this.#memo.get(key);
    if (known !== undefined) {
      for (let k = 0; k < known.tokens.length; k++) {
        this.#expanded[known.tokens[k]] = this.#commonEpoch + 1;
        this.#sims.set(i, known.tokens[k], known.sims[k]);
        this.#add(known.tokens[k], known.sims[k]);
      }
      this.#sims.expanded[i] = known.complete ? 1 : 0;
      return;
    }
    const from = this.#expCount;
    this.#expand(text, i, this.#sims.phon[i]);
    // Buckets read in part cannot vouch that every alike token was seen.
    this.#sims.expanded[i] = this.#truncated ? 0 : 1;
    if (this.#memo.size >= MEMO_SIZE) this.#memo.clear();
    this.#memo.set(key, {
      tokens: this.#expTok.slice(from, this.#expCount),
      sims: this.#expSim.slice(from, this.#expCount),
      complete: !this.#truncated,
    });
  }

  /** Checks one vocabulary token (at most `lengthGap` letters longer or shorter) against the expanded text. */
  #visit(t: number, lengthGap: number): void {
    const text = this.#text;
    if (Math.abs(this.#ix.tokenLength[t] - text.length) > lengthGap) return;
    if (this.#seen[t] === this.#seenEpoch) return;
    this.#seen[t] = this.#seenEpoch;
    const s = this.#qi >= 0 ? this.#sims.get(this.#qi, t) : this.#pieceSimilarity(text, t);
    if (s >= this.#st.minTokenSimilarity) this.#add(t, s);
  }

  /** Tokens with the same consonant skeleton, where one side comes from an abjad-script name. */
  #skeleton(text: string): void {
    const d = this.#ix.data;
    const key = consonantSkeleton(text);
    const id = key.length >= 2 ? this.#ix.skelIds.get(key) : undefined;
    if (id === undefined) return;
    const [start, tokens] = this.#sims.abjad ? [d.skelStart, d.skelTokens] : [d.bareStart, d.bareTokens];
    const end = Math.min(start[id + 1], start[id] + MAX_PHONETIC_BUCKET);
    if (end < start[id + 1]) this.#truncated = true;
    for (let p = start[id]; p < end; p++) this.#visit(tokens[p], 8);
  }

  #pieceSimilarity(text: string, token: number): number {
    const v = this.#ix.data.vocab[token];
    if (v === text) return 1;
    return Math.abs(v.length - text.length) <= 1 && v.length >= 4 ? this.#st.minTokenSimilarity : 0;
  }

  /** Expands every query token, fills the query weights, then joins and splits. */
  #expandQuery(q: QuerySide): void {
    const d = this.#ix.data;
    this.#expCount = 0;
    this.#slotCount = 0;
    for (let i = 0; i < q.count; i++, this.#slotCount++) {
      const text = q.tokens[i];
      const id = this.#sims.tokenIds[i];
      if (text.length === 1) {
        // A letter ("A A TRADING") finds the names holding that letter, never the names it may abbreviate.
        q.weights[i] = Math.min(INITIAL_WEIGHT, id >= 0 ? d.tokenWeight[id] : INITIAL_WEIGHT);
        if (id >= 0) this.#add(id, 1);
        continue;
      }
      this.#expandRemembered(text, i);
      q.weights[i] = id >= 0 ? d.tokenWeight[id] : unknownWeight(text, d.unknownWeight);
    }
    this.#joinsAndSplits(q);
  }

  /** "hik vision" → "hikvision"; "calderonchirinos" → "calderon" + "chirinos". */
  #joinsAndSplits(q: QuerySide): void {
    for (let i = 0; i + 1 < q.count && this.#slotCount < MAX_SLOTS; i++) {
      if (q.tokens[i].length < 2 || q.tokens[i + 1].length < 2) continue;
      // Joined as listed, exactly ("hik vision" → hikvision): a typo on top is left to the aligner.
      const joined = this.#ix.tokenIds.get(q.tokens[i] + q.tokens[i + 1]);
      if (joined !== undefined) {
        this.#add(joined, 1);
        this.#slotCount++;
      }
    }
    for (let i = 0; i < q.count; i++) {
      const text = q.tokens[i];
      if (text.length < 5 || this.#sims.tokenIds[i] >= 0) continue;
      for (let k = 2; k <= text.length - 2 && this.#slotCount < MAX_SLOTS - 2; k++) {
        const left = text.slice(0, k);
        const right = text.slice(k);
        // Only where one piece is a listed token as it stands; the other may carry a typo.
        if (!this.#ix.tokenIds.has(left) && !this.#ix.tokenIds.has(right)) continue;
        this.#expand(left, -1, -1);
        this.#slotCount++;
        this.#expand(right, -1, -1);
        this.#slotCount++;
      }
    }
  }

  #accepts(n: number, filter: NameFilter): boolean {
    const d = this.#ix.data;
    if ((d.nameClass[n] & filter.classMask) === 0) return false;
    if (filter.lists === undefined) return true;
    return (
      filter.lists[d.nameList[n]] === 1 ||
      (filter.subLists !== undefined && filter.subLists[d.nameSubList[n]] === 1)
    );
  }

  #touch(n: number, credit: number): void {
    if (this.#acc[n] === 0) this.touched[this.touchedCount++] = n;
    this.#acc[n] += credit;
  }

  #nextNameEpoch(): number {
    if (++this.#nameEpoch === 0xffffffff) {
      this.#nameStamp.fill(0);
      this.#nameEpoch = 1;
    }
    return this.#nameEpoch;
  }

  /** Adds, per accumulation slot, each name's best credit; common tokens are set aside. */
  #accumulate(filter: NameFilter): boolean {
    const d = this.#ix.data;
    let rare = false;
    // Common tokens are set aside only if some query token is itself rare: its best expansion (not a fuzzy
    // neighbour of a common word: "ari" for "ali"), and not a letter ("H. Ali" still opens through "ali").
    for (let e = 0; e < this.#expCount;) {
      let best = e;
      const slot = this.#expSlot[e];
      for (; e < this.#expCount && this.#expSlot[e] === slot; e++)
        if (this.#expSim[e] > this.#expSim[best]) best = e;
      const t = this.#expTok[best];
      if (d.tokenDf[t] <= this.#commonDf && d.vocab[t].length > 1) rare = true;
    }
    this.#commonEpoch++;
    let skipped = false;
    // The posting loop runs ~750 times per query: everything it touches is in locals.
    const { postStart, postNames, nameClass, tokenWeight, tokenDf } = d;
    const stamp = this.#nameStamp;
    const acc = this.#acc;
    const touched = this.touched;
    const mask = filter.classMask;
    const listed = filter.lists !== undefined;
    const commonDf = this.#commonDf;
    let touchedCount = this.touchedCount;
    let e = 0;
    while (e < this.#expCount) {
      const slot = this.#expSlot[e];
      const epoch = this.#nextNameEpoch();
      for (; e < this.#expCount && this.#expSlot[e] === slot; e++) {
        const t = this.#expTok[e];
        const credit = this.#expSim[e] * tokenWeight[t];
        if (rare && tokenDf[t] > commonDf) {
          if (this.#commonStamp[t] !== this.#commonEpoch || this.#common[t] < credit)
            this.#common[t] = credit;
          this.#commonStamp[t] = this.#commonEpoch;
          skipped = true;
          continue;
        }
        const end = postStart[t + 1];
        for (let p = postStart[t]; p < end; p++) {
          const n = postNames[p];
          if (stamp[n] === epoch) continue;
          stamp[n] = epoch;
          if ((nameClass[n] & mask) === 0 || (listed && !this.#accepts(n, filter))) continue;
          if (acc[n] === 0) touched[touchedCount++] = n;
          acc[n] += credit;
        }
      }
    }
    this.touchedCount = touchedCount;
    return skipped;
  }

  /**
   * Credits, to the names already found, what their postings did not: common tokens set aside, and the given
   * name a query initial may abbreviate ("H." for hassan) — one scan of each found name's few tokens. An
   * initial covers its given name on the listed side only, so the bound counts half its credit (the bound
   * doubles what it credits, as a matched token counts on both sides).
   */
  #creditFound(q: QuerySide, common: boolean): void {
    const d = this.#ix.data;
    let initials = 0;
    for (let i = 0; i < q.count; i++)
      if (q.tokens[i].length === 1) this.#initials[initials++] = q.tokens[i].charCodeAt(0);
    if (!common && initials === 0) return;
    const credit = (this.#st.initialSimilarity * this.#st.initialCredit) / 2;
    const { nameTokStart, nameToks } = d;
    const acc = this.#acc;
    const commonStamp = this.#commonStamp;
    const commonCredit = this.#common;
    const epoch = this.#commonEpoch;
    for (let k = 0; k < this.touchedCount; k++) {
      const n = this.touched[k];
      if (common) {
        const end = nameTokStart[n + 1];
        for (let p = nameTokStart[n]; p < end; p++) {
          const t = nameToks[p];
          if (commonStamp[t] === epoch) acc[n] += commonCredit[t];
        }
      }
      for (let i = 0; i < initials; i++) acc[n] += credit * this.#bestInitialWeight(n, this.#initials[i]);
    }
  }

  /** Weight of the heaviest token of name n that `initial` may abbreviate (not one a query word credits). */
  #bestInitialWeight(n: number, initial: number): number {
    const d = this.#ix.data;
    const initialOf = this.#ix.tokenInitial;
    let best = 0;
    for (let p = d.nameTokStart[n]; p < d.nameTokStart[n + 1]; p++) {
      const t = d.nameToks[p];
      if (initialOf[t] === initial && this.#expanded[t] !== this.#commonEpoch && d.tokenWeight[t] > best)
        best = d.tokenWeight[t];
    }
    return best;
  }

  /** Original-script names equal to the query's (e.g. a listed 金正恩 for the query 金正恩). */
  #originalScript(key: string | undefined, filter: NameFilter, bonus: number): void {
    if (key === undefined) return;
    const id = this.#ix.origIds.get(key);
    if (id === undefined) return;
    const d = this.#ix.data;
    for (let p = d.origStart[id]; p < d.origStart[id + 1]; p++) {
      const n = d.origNames[p];
      if (this.#accepts(n, filter)) this.#touch(n, bonus);
    }
  }

  #heapPush(name: number, bound: number): void {
    const k = this.#limit;
    if (this.#heapSize < k) {
      let i = this.#heapSize++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.#heapBound[parent] <= bound) break;
        this.#heapName[i] = this.#heapName[parent];
        this.#heapBound[i] = this.#heapBound[parent];
        i = parent;
      }
      this.#heapName[i] = name;
      this.#heapBound[i] = bound;
    } else if (bound > this.#heapBound[0]) {
      this.#siftDown(name, bound);
    }
  }

  #siftDown(name: number, bound: number): void {
    let i = 0;
    const size = this.#heapSize;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && this.#heapBound[r] < this.#heapBound[l] ? r : l;
      if (this.#heapBound[c] >= bound) break;
      this.#heapName[i] = this.#heapName[c];
      this.#heapBound[i] = this.#heapBound[c];
      i = c;
    }
    this.#heapName[i] = name;
    this.#heapBound[i] = bound;
  }

  /**
   * The names to score in full for the query (its tokens in `q`, similarity table reset by the caller).
   * Returns how many are in `candidates` (a view valid until the next call).
   */
  generate(q: QuerySide, originalScriptKey: string | undefined, filter: NameFilter): Uint32Array {
    const d = this.#ix.data;
    this.#expandQuery(q);
    this.touchedCount = 0;
    this.#creditFound(q, this.#accumulate(filter));
    let wq = 0;
    for (let i = 0; i < q.count; i++) wq += q.weights[i];
    this.#originalScript(originalScriptKey, filter, wq);
    const beta = this.#st.listedUnmatchedFactor;
    this.#heapSize = 0;
    // An initial says little, and the bound cannot tell which given name it stands for: look at twice as many.
    let initial = false;
    for (let i = 0; i < q.count; i++) if (q.tokens[i].length === 1) initial = true;
    this.#limit = initial ? 2 * this.#st.candidateLimit : this.#st.candidateLimit;
    for (let k = 0; k < this.touchedCount; k++) {
      const n = this.touched[k];
      const acc = this.#acc[n];
      this.#acc[n] = 0;
      const bound = (2 * acc) / (wq + acc + beta * Math.max(0, d.nameWeight[n] - acc));
      this.#heapPush(n, bound);
    }
    return this.#heapName.subarray(0, this.#heapSize);
  }
}
