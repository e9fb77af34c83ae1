// Allocation-free string distances for the hot loop (query token × listed token).
// The text module's jaroWinkler allocates two arrays per call; these reuse module scratch buffers and are
// checked against it in edit-distance.test.ts.

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
let hitA = new Uint8Array(64);
let hitB = new Uint8Array(64);

function ensure(length: number): void {
  if (rowA.length > length + 1) return;
  const size = (length + 1) * 2;
  rowA = new Int32Array(size);
  rowB = new Int32Array(size);
  rowC = new Int32Array(size);
  hitA = new Uint8Array(size);
  hitB = new Uint8Array(size);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition, each substring edited once),
 * giving up once the distance must exceed `max` (then returns max + 1).
 * Reference: https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance#Optimal_string_alignment_distance
 */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  ensure(Math.max(la, lb));
  // Only cells within `max` of the diagonal can stay ≤ max (Ukkonen's band): row i computes columns
  // i − max … i + max and marks the cells just outside as over the limit, so O(length × max), not length².
  const over = max + 1;
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) cur[hi + 1] = over;
    if (rowMin > max) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb];
  return d > max ? over : d;
}

/**
 * Jaro-Winkler similarity (prefix scale 0.1, prefix capped at 4), same definition as text/distance.ts.
 * Reference: W. E. Winkler (1990); https://en.wikipedia.org/wiki/Jaro–Winkler_distance
 */
export function jaroWinklerFast(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  ensure(Math.max(la, lb));
  hitA.fill(0, 0, la);
  hitB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const end = Math.min(i + window + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (hitB[j] === 0 && c === b.charCodeAt(j)) {
        hitA[i] = hitB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (hitA[i] === 0) continue;
    while (hitB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) t++;
    j++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  const limit = Math.min(4, la, lb);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** What each kind of single-letter slip costs in `typoCost` (a substitution costs 1). */
export interface TypoCosts {
  /** A letter typed twice or once too few ("ifdkk" / "ifdk"): the neighbour repeats it. */
  doubled: number;
  /** Two adjacent letters swapped ("valro" / "valor"). */
  swapped: number;
  /** Any other letter dropped or added ("cedisa" / "credisa"). */
  dropped: number;
}

let costA = new Float64Array(64);
let costB = new Float64Array(64);
let costC = new Float64Array(64);

/**
 * Optimal string alignment distance in which the edits that typing produces cost less than a substitution:
 * a doubled or undoubled letter, an adjacent swap, a dropped letter (costs in `c`). Keyboard slips are
 * insertions, omissions and transpositions far more often than a letter replaced by an unrelated one
 * (Damerau 1964, "A technique for computer detection and correction of spelling errors", CACM 7(3): 80 % of
 * misspellings are one insertion, deletion, substitution or transposition; Kukich 1992, "Techniques for
 * automatically correcting words in text", ACM Computing Surveys 24(4), on doubling and transposition as the
 * commonest typing slips). Call only for tokens already within the plain edit budget.
 */
export function typoCost(a: string, b: string, c: TypoCosts): number {
  const la = a.length;
  const lb = b.length;
  if (costA.length <= lb + 1) {
    costA = new Float64Array((lb + 1) * 2);
    costB = new Float64Array((lb + 1) * 2);
    costC = new Float64Array((lb + 1) * 2);
  }
  let prev2 = costA;
  let prev = costB;
  let cur = costC;
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1] + indel(b, j - 1, c);
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const del = indel(a, i - 1, c);
    cur[0] = prev[0] + del;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + del, cur[j - 1] + indel(b, j - 1, c), prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2] + c.swapped);
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

/**
 * Cost of dropping or adding letter k of s: a doubled letter when a neighbour is the same letter; a first
 * letter is a full edit, since typists rarely miss it (Pollock & Zamora 1983, "Collection and
 * characterization of spelling errors in scientific and scholarly text", JASIS 34(1)): "vision" / "mvision"
 * is another word.
 */
function indel(s: string, k: number, c: TypoCosts): number {
  const ch = s.charCodeAt(k);
  if ((k > 0 && s.charCodeAt(k - 1) === ch) || (k + 1 < s.length && s.charCodeAt(k + 1) === ch))
    return c.doubled;
  return k === 0 ? 1 : c.dropped;
}
