// prepareName: the one pipeline that turns a raw name into tokens, for the index and for queries.
import { latinForm } from './normalise.ts';
import { foldOrgWords, type FoldedOrgWords } from './org-words.ts';
import { detectScript } from './script.ts';
import { honorificTable, orgNamePrefixes, PARTICLES } from './stopwords.ts';
import type { NameKindHint, NormalisedText, PreparedName } from './types.ts';

const SPACE_PUNCT_SYMBOL = /[\s\p{P}\p{S}]+/gu;

/** Where honorifics may stand: the start, and the start of the part after "LAST," (SMITH, Dr John). */
function honorificSlots(raw: string, hint: NameKindHint): number[] {
  const comma = raw.indexOf(',');
  if (comma < 0) return [0];
  const before = latinForm(raw.slice(0, comma), hint);
  return before === '' ? [0] : [0, before.split(' ').length];
}

/** Drop honorific phrases at the given token positions (each slot may hold several: "Prof. Dr"). */
function dropHonorifics(tokens: readonly string[], drop: boolean[], slots: readonly number[]): void {
  const table = honorificTable();
  for (const slot of slots) {
    let i = slot;
    for (let m = table.longestAt(tokens, i); m !== undefined; m = table.longestAt(tokens, i)) {
      for (let k = i; k < i + m.length; k++) drop[k] = true;
      i += m.length;
    }
  }
}

function nameTokensOf(raw: string, hint: NameKindHint, folded: FoldedOrgWords): string[] {
  const { tokens, isLegalForm, orgEvidence } = folded;
  const drop = [...isLegalForm];
  if (hint === 'person' || (hint === 'any' && !orgEvidence)) dropHonorifics(tokens, drop, honorificSlots(raw, hint));
  if (hint !== 'person') {
    const prefixes = orgNamePrefixes();
    for (let i = 0; i < tokens.length && prefixes.has(tokens[i] as string) && (hint === 'organization' || tokens[i] === 'the'); i++) drop[i] = true;
  }
  const kept = tokens.filter((_, i) => drop[i] !== true);
  // A name that is nothing but stopwords ("The Company", "AG") keeps its tokens: it must stay findable.
  return kept.length > 0 ? kept : [...tokens];
}

/** Prepare a name for matching; the same (raw, hint) always gives the same result. */
export function prepareName(raw: string, hint: NameKindHint): PreparedName {
  const script = detectScript(raw);
  const latin = latinForm(raw, hint);
  const words = latin === '' ? [] : latin.split(' ');
  const folded: FoldedOrgWords =
    hint === 'person' ? { tokens: words, isLegalForm: words.map(() => false), legalForms: [], orgEvidence: false } : foldOrgWords(words);
  const nameTokens = nameTokensOf(raw, hint, folded) as NormalisedText[];
  const prepared: PreparedName = {
    original: raw,
    script,
    latin,
    tokens: folded.tokens as NormalisedText[],
    nameTokens,
    legalForms: folded.legalForms,
    particles: nameTokens.filter((t) => PARTICLES.has(t)),
  };
  if (script !== 'latin') prepared.originalScriptKey = raw.normalize('NFKC').toLowerCase().replace(SPACE_PUNCT_SYMBOL, '');
  return prepared;
}
