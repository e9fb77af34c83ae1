// NFKC → transliteration → case folding → punctuation and spacing: the text half of the pipeline.
import { toAscii } from './transliterate.ts';
import type { NameKindHint, NormalisedText } from './types.ts';

// Apostrophes join (O'Brien → obrien, Int'l → intl); any-ascii writes Arabic ayn/hamza as ` and '.
const APOSTROPHES = /['`]/g;
const AMPERSAND = /&/g; // "&" and "and" must meet (Smith & Sons / Smith and Sons)
const NOT_ALNUM = /[^a-z0-9]+/g;

/** Fold transliterated ASCII: lower case, apostrophes removed, & → and, other punctuation → space. */
function foldAscii(ascii: string): string {
  return ascii.toLowerCase().replace(APOSTROPHES, '').replace(AMPERSAND, ' and ').replace(NOT_ALNUM, ' ').trim();
}

/** The Latin form of a name for a kind hint (hints only steer how Han and Hangul names are read). */
export function latinForm(raw: string, hint: NameKindHint): NormalisedText {
  return foldAscii(toAscii(raw.normalize('NFKC'), hint)) as NormalisedText;
}

/** NFKC + transliteration + case folding + diacritics + punctuation + spacing (no legal-form logic). */
export function normaliseText(raw: string): NormalisedText {
  return latinForm(raw, 'any');
}
