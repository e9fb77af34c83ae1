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
  return token.replace(VOWELS_AND_GLIDES, '').replace(DOUBLED, '$1');
}
