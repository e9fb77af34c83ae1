// The public types of the name-normalisation pipeline (see docs/design/text.md).

/** Writing system of a string; 'mixed' when no script clearly dominates. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'han'
  | 'hangul'
  | 'kana'
  | 'thai'
  | 'devanagari'
  | 'other'
  | 'mixed';

/** From the schema: Person → person; Company/Organization/LegalEntity/Vessel/Airplane → organization. */
export type NameKindHint = 'person' | 'organization' | 'any';

/** A normalised string: only prepareName/normaliseText create it, so raw text cannot reach the index. */
export type NormalisedText = string & { readonly __brand: 'NormalisedText' };

/** A name run through the one pipeline shared by index and query. */
export interface PreparedName {
  /** As given. */
  original: string;
  /** Dominant script of the original. */
  script: Script;
  /** Transliterated to ASCII, NFKC, case-folded, diacritics and punctuation removed, single spaces. */
  latin: NormalisedText;
  /** Latin split into tokens; legal forms replaced by their canonical token, org symbols folded. */
  tokens: NormalisedText[];
  /** Tokens minus legal forms, stopwords and honorifics; particles kept (and listed in `particles`). */
  nameTokens: NormalisedText[];
  /** Canonical legal forms found (the token that replaced them, e.g. 'llc', 'jsc'). */
  legalForms: string[];
  /** Name particles (al, bin, van, der…) found among nameTokens. */
  particles: NormalisedText[];
  /** For non-Latin originals: NFKC, case-folded, without spaces/punctuation, script kept as-is. */
  originalScriptKey?: string;
}
