// Deletion neighbourhoods (SymSpell, https://github.com/wolfgarbe/SymSpell): a token and every string made
// by deleting one of its characters. Two tokens within one edit (insert, delete, substitute, or swap of
// adjacent letters) share at least one member, so looking up the query token's neighbourhood in the
// vocabulary's finds every listed token one typo away without comparing against the whole vocabulary.
// Members are kept as 32-bit FNV-1a hashes in one sorted array; a hash collision only adds a candidate
// that the similarity check then rejects.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Tokens shorter than this are not expanded (their neighbours are one- or two-letter strings). */
export const MIN_DELETION_LENGTH = 3;

/** FNV-1a hash of `s` with the character at `skip` left out (skip = -1: the whole string). */
export function hashWithout(s: string, skip: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export interface DeletionIndex {
  /** Sorted hashes. */
  hash: Uint32Array;
  /** Token id of each hash. */
  token: Uint32Array;
  /** dir[b] = first position whose hash has top 16 bits ≥ b: a lookup searches one small slice. */
  dir: Uint32Array;
}

/** Builds the sorted neighbourhood table of a vocabulary (token id = position). */
export function buildDeletionIndex(vocab: readonly string[]): DeletionIndex {
  let count = 0;
  for (const t of vocab) if (t.length >= MIN_DELETION_LENGTH) count += t.length + 1;
  const hashes = new Uint32Array(count);
  const tokens = new Uint32Array(count);
  let p = 0;
  for (let id = 0; id < vocab.length; id++) {
    const t = vocab[id];
    if (t.length < MIN_DELETION_LENGTH) continue;
    for (let skip = -1; skip < t.length; skip++) {
      hashes[p] = hashWithout(t, skip);
      tokens[p++] = id;
    }
  }
  return sortByHash(hashes, tokens);
}

/** LSD radix sort on the 32-bit hash, 16 bits per pass, carrying the token ids along. */
function sortByHash(hash: Uint32Array<ArrayBuffer>, token: Uint32Array<ArrayBuffer>): DeletionIndex {
  let h: Uint32Array<ArrayBuffer> = hash;
  let t: Uint32Array<ArrayBuffer> = token;
  let h2 = new Uint32Array(h.length);
  let t2 = new Uint32Array(t.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < h.length; i++) counts[((h[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < h.length; i++) {
      const dst = counts[(h[i] >>> shift) & 0xffff]++;
      h2[dst] = h[i];
      t2[dst] = t[i];
    }
    [h, h2] = [h2, h];
    [t, t2] = [t2, t];
  }
  const dir = new Uint32Array(65537);
  for (let i = 0; i < h.length; i++) dir[(h[i] >>> 16) + 1]++;
  for (let b = 0; b < 65536; b++) dir[b + 1] += dir[b];
  return { hash: h, token: t, dir };
}

/** First position whose hash is ≥ `value` (searching only the directory's slice for its top 16 bits). */
export function lowerBound(sorted: Uint32Array, dir: Uint32Array, value: number): number {
  let lo = dir[value >>> 16];
  let hi = dir[(value >>> 16) + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
