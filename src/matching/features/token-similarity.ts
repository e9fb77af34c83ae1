// How alike two name tokens are, in [0, 1]: the per-token comparator under the name alignment.
import { jaroWinklerFast, osaDistance, typoCost, type TypoCosts } from './edit-distance.ts';

/** No a/e/i/o/u: a transliteration from an abjad (Arabic, Hebrew) or Thai, which write few vowels. */
export function isVowelless(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
  }
  return true;
}

/** Vowels and glides (a e i o u w y) are not part of a consonant skeleton. */
function isSkipped(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 119 || c === 121;
}

/** Position of the next skeleton letter of s at or after i (after `prev`, a doubled letter counts once). */
function nextSkeletonLetter(s: string, i: number, prev: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isSkipped(c) && !(c === prev && c >= 97 && c <= 122)) return i;
    i++;
  }
  return i;
}

/**
 * Whether consonantSkeleton (text/keys.ts) of a and b agree, without building either: the hot path compares
 * many token pairs. Checked against consonantSkeleton in token-similarity.test.ts.
 */
export function skeletonsEqual(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let pa = -1;
  let pb = -1;
  for (;;) {
    i = nextSkeletonLetter(a, i, pa);
    j = nextSkeletonLetter(b, j, pb);
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    const ca = a.charCodeAt(i);
    if (ca !== b.charCodeAt(j)) return false;
    pa = pb = ca;
    i++;
    j++;
  }
}

/**
 * Typos tolerated per token length: one in up to 6 characters, two in up to 10, three beyond.
 * Customer-data typos (a doubled, dropped or swapped letter) are one edit each; two typos in a
 * short token make it a different word too often (kim / kam / jim).
 */
export function maxEditsFor(length: number): number {
  if (length <= 6) return 1;
  if (length <= 10) return 2;
  return 3;
}

/** Scripts written without (most) vowels: their transliterations meet Latin spellings by consonant skeleton. */
export const ABJAD_SCRIPTS: ReadonlySet<string> = new Set(['arabic', 'hebrew', 'thai']);

/** What a comparison of two tokens may use besides their letters. */
export interface SimilarityOptions {
  /** Same double-metaphone key. */
  soundAlike: boolean;
  /** One token is a transliteration from an abjad: compare consonant skeletons. */
  skeleton: boolean;
  /** Similarity credited to tokens that sound alike. */
  phonetic: number;
  /** Similarity credited to a consonant-skeleton match. */
  skeletonSimilarity: number;
  /** Costs of typing slips (doubled letter, swap, dropped letter) in tokens of `typoMinLength` letters or more. */
  typo?: TypoCosts;
  typoMinLength?: number;
}

/** The typing-slip costs of an algorithm's settings, as SimilarityOptions take them. */
export function typoOptions(s: {
  typoDoubledCost: number;
  typoSwappedCost: number;
  typoDroppedCost: number;
  typoMinLength: number;
}): Pick<SimilarityOptions, 'typo' | 'typoMinLength'> {
  return {
    typo: { doubled: s.typoDoubledCost, swapped: s.typoSwappedCost, dropped: s.typoDroppedCost },
    typoMinLength: s.typoMinLength,
  };
}

/**
 * Similarity of two different tokens of at least two characters. Within the tolerated number of edits it is
 * the larger of 1 − edits / (length + 1) and the mean of (1 − edits / length) and Jaro-Winkler, so one typo
 * in a long token costs less than in a short one. Tokens that sound alike (same double-metaphone key, same
 * first letter, four letters or more) but need more edits, e.g. mohamed / muhammad, get `phonetic` when no
 * more than a third of their letters differ. A vowel-less transliteration (محمد → mhmd) with the consonant
 * skeleton of the other token (mohamed) gets `skeletonSimilarity`: that is all the abjad spelling says.
 */
export function tokenSimilarity(a: string, b: string, o: SimilarityOptions): number {
  if (a === b) return 1;
  const length = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 2) return 0;
  const skeleton = o.skeleton && skeletonsEqual(a, b) ? o.skeletonSimilarity : 0;
  const samePhonetic =
    o.soundAlike && a.charCodeAt(0) === b.charCodeAt(0) && Math.min(a.length, b.length) >= 4;
  const allowed = maxEditsFor(length);
  const phoneticAllowed = samePhonetic ? Math.max(allowed, Math.ceil(length / 3)) : allowed;
  const d = osaDistance(a, b, phoneticAllowed);
  if (d > phoneticAllowed) return skeleton;
  if (d > allowed) return Math.max(o.phonetic, skeleton);
  // 1 − d/(L+1) keeps one typo in a short token (kim/kmi, ali/lai) above the alignment floor; the mean with
  // Jaro-Winkler rewards long tokens that share their start.
  let s = Math.max(1 - d / (length + 1), (1 - d / length + jaroWinklerFast(a, b)) / 2);
  // A typing slip (doubled letter, swap, dropped letter) in a long token is the commonest customer-data error:
  // it costs less than a replaced letter, which more often makes another word (UNINET / UNIJET).
  if (o.typo !== undefined && length >= (o.typoMinLength ?? Infinity))
    s = Math.max(s, 1 - typoCost(a, b, o.typo) / length);
  return Math.max(s, skeleton, samePhonetic ? o.phonetic : 0);
}

/** An initial ("m") agreeing with the first letter of a full token ("mohammed"). */
export function isInitialOf(initial: string, token: string): boolean {
  return initial.length === 1 && token.length > 1 && token.charCodeAt(0) === initial.charCodeAt(0);
}
