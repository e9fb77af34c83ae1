// Organisation words: legal forms → canonical token, org symbols → group key, one left-to-right pass.
import { legalFormTable } from './legal-forms.ts';
import { orgSymbolTable } from './org-symbols.ts';
import type { PhraseMatch, PhraseTable } from './phrase-table.ts';
import { ARABIC_ARTICLES } from './stopwords.ts';

/** Tokens after folding, which of them are legal forms, and whether any org word was seen. */
export interface FoldedOrgWords {
  readonly tokens: string[];
  readonly isLegalForm: boolean[];
  readonly legalForms: string[];
  /** True when a legal form or org symbol was found: evidence the name is an organisation's. */
  readonly orgEvidence: boolean;
}

/**
 * Short forms (≤ 3 letters: AG, SA, AS, KG, OOO …) are also ordinary words and Arabic articles, so
 * they count as legal forms only at the edges of a name, or next to another legal form
 * ("Acme GmbH & Co KG"); longer forms count anywhere ("Public Joint Stock Company Aeroflot").
 */
function acceptLegal(words: readonly string[], i: number, m: PhraseMatch, prevLegal: boolean, legal: PhraseTable): boolean {
  let letters = 0;
  for (let k = i; k < i + m.length; k++) letters += (words[k] as string).length;
  if (letters > 3) return true;
  const end = i + m.length;
  if (end === words.length || prevLegal) return true;
  if (i === 0) return !ARABIC_ARTICLES.has(words[0] as string);
  return legal.longestAt(words, end) !== undefined;
}

/** Replace legal-form phrases and org-symbol phrases, longest match first, legal forms before symbols. */
export function foldOrgWords(words: readonly string[]): FoldedOrgWords {
  const legal = legalFormTable();
  const symbols = orgSymbolTable();
  const tokens: string[] = [];
  const isLegalForm: boolean[] = [];
  const legalForms: string[] = [];
  let orgEvidence = false;
  for (let i = 0; i < words.length; ) {
    const m = legal.longestAt(words, i);
    if (m !== undefined && acceptLegal(words, i, m, isLegalForm[isLegalForm.length - 1] === true, legal)) {
      tokens.push(m.value);
      isLegalForm.push(true);
      legalForms.push(m.value);
      orgEvidence = true;
      i += m.length;
      continue;
    }
    const s = symbols.longestAt(words, i);
    tokens.push(s === undefined ? (words[i] as string) : s.value);
    isLegalForm.push(false);
    orgEvidence ||= s !== undefined;
    i += s === undefined ? 1 : s.length;
  }
  return { tokens, isLegalForm, legalForms, orgEvidence };
}
