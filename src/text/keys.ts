// Derived keys a scorer compares besides tokens: spacing-free keys and consonant skeletons.
import type { NormalisedText } from './types.ts';

/**
 * Tokens run together: "al qaida", "al-Qaida" and "alqaida", "Jong Un" and "Jongun", "hua wei" and
 * "huawei" give one key. Pass `nameTokens`, or nameTokens without `particles` to ignore "al"/"van".
 */
export function compactKey(tokens: readonly NormalisedText[]): string {
  return tokens.join('');
}

const VOWELS_AND_GLIDES = /[aeiouwy]+/g;
const DOUBLED = /([a-z])\1+/g;

/**
 * A token's consonants, doubled letters collapsed: "mohamed" and "mhmd" → "mhmd", "hassan" and
 * "hsn" → "hsn", "moshe" and "msh" → "msh". Arabic and Hebrew (abjads) write few vowels, so a
 * Latin spelling meets their transliteration here, not in tokens. w/y are dropped with the vowels
 * because they stand for long vowels (و ,ي) as often as for consonants. Digits are kept.
 */
export function consonantSkeleton(token: string): string {
  // One pass instead of the two regular expressions below (which state the rule, and which the test
  // checks this against): the query path computes a skeleton per word.
  let out = '';
  let last = -1;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (VOWEL_OR_GLIDE[c] === 1) continue;
    if (c === last && c >= 0x61 && c <= 0x7a) continue;
    out += token[i];
    last = c;
  }
  return out;
}

/** The rule as regular expressions: [aeiouwy] dropped, then a run of one letter a–z collapsed. */
export function consonantSkeletonByRule(token: string): string {
  return token.replace(VOWELS_AND_GLIDES, '').replace(DOUBLED, '$1');
}

const VOWEL_OR_GLIDE = new Uint8Array(128);
for (const v of 'aeiouwy') VOWEL_OR_GLIDE[v.charCodeAt(0)] = 1;
