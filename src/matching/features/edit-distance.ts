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
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb];
  return d > max ? max + 1 : d;
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
