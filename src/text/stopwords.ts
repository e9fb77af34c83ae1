// Words that are not part of the name proper: honorifics (stopwords.yml PERSON_NAME_PREFIXES),
// leading articles of organisation names (ORG_NAME_PREFIXES), and the particles we flag.
import { aliasTokens } from './legal-forms.ts';
import { PhraseTable } from './phrase-table.ts';
import { loadStopwords } from './resources.ts';

let honorifics: PhraseTable | undefined;
let orgPrefixes: ReadonlySet<string> | undefined;

/** "Mr", "Dr.", "Prof. Dr", "His Excellency" … ("each prefix will match as-is or with a trailing dot"). */
export function honorificTable(): PhraseTable {
  if (honorifics === undefined) {
    honorifics = new PhraseTable();
    for (const p of loadStopwords().PERSON_NAME_PREFIXES) honorifics.add(aliasTokens(String(p)), 'honorific');
  }
  return honorifics;
}

/** "the", "le", "la" at the start of an organisation name. */
export function orgNamePrefixes(): ReadonlySet<string> {
  orgPrefixes ??= new Set(loadStopwords().ORG_NAME_PREFIXES.flatMap((p) => aliasTokens(String(p))));
  return orgPrefixes;
}

/**
 * Name particles: Arabic article and its assimilated forms, filiation words (symbols.yml
 * person_symbols bin/bint/ould), Dutch/German/Romance nobiliary and locative particles. They stay
 * in nameTokens (al-Qaida needs its "al") but are flagged, so scorers can weigh them down.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath',
  'bin', 'ibn', 'ben', 'bint', 'binti', 'ould', 'wuld',
  'van', 'von', 'der', 'den', 'ter', 'ten', 'zu', 'vom',
  'de', 'del', 'della', 'dela', 'di', 'da', 'du', 'dos', 'das', 'la', 'le', 'y',
]);

/** Arabic article forms: never read as a leading legal form ("As-Sahab" is not a Norwegian AS). */
export const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath']);
