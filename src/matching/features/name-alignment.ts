// The name comparator: a rarity-weighted, one-to-one alignment of query tokens with listed-name tokens.
//
//   query   kim ─── jong ─── un           each pair scores its similarity s (exact 1, typo ≈ 0.9, phonetic,
//            │        │       │            initial "m"→"mohammed"), and counts s × (weight of both tokens);
//   listed  kim ─── jong ─── un           joined words align one token with two ("hikvision" ↔ "hik"+"vision").
//
// Pairs are taken best-first (greedy one-to-one assignment, each token used once), which is optimal whenever
// the similarities are far apart and within a few percent of the optimum otherwise (names have < 10 parts).
// Score = matched weight / (all query weight + matched listed weight + β × unmatched listed weight): a query
// token with no partner costs its full weight, a listed token the query lacks (a dropped middle name) β of it.
import { tokenSimilarity, isInitialOf } from './token-similarity.ts';

/** One side of the comparison as the aligner sees it. */
export interface AlignmentSide {
  count: number;
  text(i: number): string;
  weight(i: number): number;
  /**
   * False for a query token no listed name contains (a misspelling, or a word the lists never use). Aligned,
   * it weighs as the listed token it stands for; left alone, it keeps its own (high) weight.
   */
  known?(i: number): boolean;
}

export interface AlignmentSettings {
  /** Whether two adjacent parts may join in either order (person names are reordered; company names not). */
  reorderedJoins: boolean;
  /** Whether joined pieces may compare by consonant skeleton (the query is written in an abjad). */
  skeletons: boolean;
  skeletonSimilarity: number;
  listedUnmatchedFactor: number;
  loneFuzzyFactor: number;
  initialCredit: number;
  initialSimilarity: number;
  minTokenSimilarity: number;
  phoneticSimilarity: number;
}

/** Similarity of query token i and listed token j (initials excluded: the aligner handles them). */
export type PairSimilarity = (i: number, j: number) => number;

export type PairKind = 'exact' | 'similar' | 'initial' | 'joined_query' | 'joined_listed';
export interface AlignedPair {
  kind: PairKind;
  /** Query token indexes (two for joined_query). */
  query: number[];
  /** Listed token indexes (two for joined_listed). */
  listed: number[];
  similarity: number;
}

export interface AlignmentResult {
  score: number;
  pairs: AlignedPair[];
}

const MAX_OPTIONS = 2048;
/** A pair at least this alike is no "misspelt lone token" (long tokens with one typo, abjad skeletons). */
const CLEARLY_ALIKE = 0.95;
const optQ = new Int16Array(MAX_OPTIONS);
const optQ2 = new Int16Array(MAX_OPTIONS);
const optT = new Int16Array(MAX_OPTIONS);
const optT2 = new Int16Array(MAX_OPTIONS);
const optS = new Float32Array(MAX_OPTIONS);
const optV = new Float32Array(MAX_OPTIONS);
const optKind = new Uint8Array(MAX_OPTIONS);
const order = new Uint16Array(MAX_OPTIONS);
const usedQ = new Uint8Array(256);
const usedT = new Uint8Array(256);
/** Tokens with an exact partner: they need no join. */
const exactQ = new Uint8Array(256);
const exactT = new Uint8Array(256);
/** Weight an aligned unknown query token stands for (that of its listed partner). */
const standsFor = new Float32Array(256);
const KINDS: readonly PairKind[] = ['exact', 'similar', 'initial', 'joined_query', 'joined_listed'];

let optionCount = 0;

function push(kind: number, q: number, q2: number, t: number, t2: number, s: number, v: number): void {
  if (optionCount >= MAX_OPTIONS) return;
  const k = optionCount++;
  optKind[k] = kind;
  optQ[k] = q;
  optQ2[k] = q2;
  optT[k] = t;
  optT2[k] = t2;
  optS[k] = s;
  optV[k] = v;
}

function collectPairs(q: AlignmentSide, t: AlignmentSide, sim: PairSimilarity, st: AlignmentSettings): void {
  for (let i = 0; i < q.count; i++) {
    const qi = q.text(i);
    const known = q.known === undefined || q.known(i);
    for (let j = 0; j < t.count; j++) {
      const tj = t.text(j);
      const wq = known ? q.weight(i) : t.weight(j);
      if (qi.length === 1 || tj.length === 1) {
        if (qi === tj) push(0, i, -1, j, -1, 1, wq + t.weight(j));
        else if (isInitialOf(qi, tj))
          push(
            2,
            i,
            -1,
            j,
            -1,
            st.initialSimilarity,
            st.initialSimilarity * (q.weight(i) + st.initialCredit * t.weight(j)),
          );
        else if (isInitialOf(tj, qi))
          push(
            2,
            i,
            -1,
            j,
            -1,
            st.initialSimilarity,
            st.initialSimilarity * (t.weight(j) + st.initialCredit * q.weight(i)),
          );
        continue;
      }
      const s = sim(i, j);
      if (s === 1) exactQ[i] = exactT[j] = 1;
      if (s >= st.minTokenSimilarity) push(s === 1 ? 0 : 1, i, -1, j, -1, s, s * (wq + t.weight(j)));
    }
  }
}

function known(side: AlignmentSide, i: number): boolean {
  return side.known === undefined || side.known(i);
}

/** "hikvision" ↔ "hik" + "vision" and the reverse; the cheap first-letter/length test keeps this rare. */
function collectJoins(
  a: AlignmentSide,
  b: AlignmentSide,
  aIsQuery: boolean,
  st: AlignmentSettings,
  exactA: Uint8Array,
): void {
  for (let i = 0; i < a.count; i++) {
    const whole = a.text(i);
    if (whole.length < 4 || exactA[i] === 1) continue;
    const first = whole.charCodeAt(0);
    for (let j = 0; j < b.count; j++) {
      // Outside an abjad a join starts with the whole token's first letter (joinWith's own test, done early).
      if (!st.skeletons && b.text(j).charCodeAt(0) !== first) continue;
      joinWith(a, b, aIsQuery, st, i, whole, j, j + 1);
      // In either order for person names ("erhanculha" is listed as "CULHA, Erhan").
      if (st.reorderedJoins) joinWith(a, b, aIsQuery, st, i, whole, j, j - 1);
    }
  }
}

function joinWith(
  a: AlignmentSide,
  b: AlignmentSide,
  aIsQuery: boolean,
  st: AlignmentSettings,
  i: number,
  whole: string,
  j: number,
  k: number,
): void {
  if (k < 0 || k >= b.count) return;
  const left = b.text(j);
  const right = b.text(k);
  if (left.length < 2 || right.length < 2) return;
  const alike =
    left.charCodeAt(0) === whole.charCodeAt(0) && Math.abs(whole.length - left.length - right.length) <= 2;
  const bare = st.skeletons;
  if (!alike && !bare) return;
  const s = tokenSimilarity(whole, left + right, {
    soundAlike: false,
    skeleton: bare,
    phonetic: st.phoneticSimilarity,
    skeletonSimilarity: st.skeletonSimilarity,
  });
  // A two-letter Latin piece ("co", "ok") joins only exactly: with a typo it could be any two letters.
  if (s < st.minTokenSimilarity || (s < 1 && !bare && Math.min(left.length, right.length) < 3)) return;
  // An unknown query token weighs as the listed tokens it stands for.
  const v = aIsQuery
    ? s * (known(a, i) ? a.weight(i) : b.weight(j) + b.weight(k)) + s * (b.weight(j) + b.weight(k))
    : s *
      (a.weight(i) +
        (known(b, j) ? b.weight(j) : a.weight(i) / 2) +
        (known(b, k) ? b.weight(k) : a.weight(i) / 2));
  if (aIsQuery) push(4, i, -1, j, k, s, v);
  else push(3, j, k, i, -1, s, v);
}

function sortOptions(): void {
  for (let k = 0; k < optionCount; k++) order[k] = k;
  // Insertion sort: a few dozen options, best similarity first, then most weight.
  for (let k = 1; k < optionCount; k++) {
    const o = order[k];
    let m = k - 1;
    while (m >= 0 && (optS[order[m]] < optS[o] || (optS[order[m]] === optS[o] && optV[order[m]] < optV[o]))) {
      order[m + 1] = order[m];
      m--;
    }
    order[m + 1] = o;
  }
}

function free(k: number): boolean {
  if (usedQ[optQ[k]] || usedT[optT[k]]) return false;
  if (optQ2[k] >= 0 && usedQ[optQ2[k]]) return false;
  return !(optT2[k] >= 0 && usedT[optT2[k]]);
}

function take(k: number, t: AlignmentSide): void {
  if (optKind[k] === 2) standsFor[optQ[k]] = Number.NaN;
  else if (optQ2[k] >= 0) standsFor[optQ[k]] = standsFor[optQ2[k]] = t.weight(optT[k]) / 2;
  else standsFor[optQ[k]] = t.weight(optT[k]) + (optT2[k] >= 0 ? t.weight(optT2[k]) : 0);
  usedQ[optQ[k]] = 1;
  usedT[optT[k]] = 1;
  if (optQ2[k] >= 0) usedQ[optQ2[k]] = 1;
  if (optT2[k] >= 0) usedT[optT2[k]] = 1;
}

function pairOf(k: number): AlignedPair {
  return {
    kind: KINDS[optKind[k]],
    query: optQ2[k] >= 0 ? [optQ[k], optQ2[k]] : [optQ[k]],
    listed: optT2[k] >= 0 ? [optT[k], optT2[k]] : [optT[k]],
    similarity: optS[k],
  };
}

/**
 * Aligns the query tokens with one listed name's tokens and returns the name score in [0, 1]; with
 * `explain` the chosen pairs as well (otherwise `pairs` is empty, to keep the hot path allocation-free).
 */
export function alignNames(
  q: AlignmentSide,
  t: AlignmentSide,
  sim: PairSimilarity,
  st: AlignmentSettings,
  explain = false,
): AlignmentResult {
  const pairs: AlignedPair[] = [];
  const score = align(q, t, sim, st, explain ? pairs : undefined);
  return { score, pairs };
}

/** The name score alone (the hot path: no allocation). */
export function alignScore(
  q: AlignmentSide,
  t: AlignmentSide,
  sim: PairSimilarity,
  st: AlignmentSettings,
): number {
  return align(q, t, sim, st, undefined);
}

function align(
  q: AlignmentSide,
  t: AlignmentSide,
  sim: PairSimilarity,
  st: AlignmentSettings,
  pairs: AlignedPair[] | undefined,
): number {
  optionCount = 0;
  exactQ.fill(0, 0, q.count);
  exactT.fill(0, 0, t.count);
  collectPairs(q, t, sim, st);
  collectJoins(q, t, true, st, exactQ);
  collectJoins(t, q, false, st, exactT);
  sortOptions();
  usedQ.fill(0, 0, q.count);
  usedT.fill(0, 0, t.count);
  let matched = 0;
  let aligned = 0;
  let fuzzy = 0;
  for (let n = 0; n < optionCount; n++) {
    const k = order[n];
    if (!free(k)) continue;
    take(k, t);
    matched += optV[k];
    if (optKind[k] !== 2) {
      aligned++;
      if (optS[k] < CLEARLY_ALIKE) fuzzy++;
    }
    pairs?.push(pairOf(k));
  }
  let denominator = 0;
  for (let i = 0; i < q.count; i++) {
    const stands = usedQ[i] && q.known !== undefined && !q.known(i) ? standsFor[i] : Number.NaN;
    denominator += Number.isNaN(stands) ? q.weight(i) : stands;
  }
  for (let j = 0; j < t.count; j++)
    denominator += usedT[j] ? t.weight(j) : st.listedUnmatchedFactor * t.weight(j);
  let score = denominator > 0 ? Math.min(1, matched / denominator) : 0;
  // One misspelt word is all the names share: as likely another name one letter away (BODET / BOET).
  if (aligned === 1 && fuzzy === 1) score *= st.loneFuzzyFactor;
  return score;
}

/** Query tokens left without a partner by `pairs` (for explanations). */
export function unmatched(count: number, pairs: readonly AlignedPair[], side: 'query' | 'listed'): number[] {
  const used = new Set(pairs.flatMap((p) => p[side]));
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!used.has(i)) out.push(i);
  return out;
}
