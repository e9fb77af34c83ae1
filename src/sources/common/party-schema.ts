// Person or organisation, for lists that do not say (BIS Denied Persons List, State ISN and ITAR debarred
// parties). The heuristic, in order:
//   1. a date of birth is printed                          → Person
//   2. the name holds an organisation word (Inc, Ltd, Co., Corporation, Trading, Bank, Ministry …),
//      a digit, "&", " and " joining two parties, or, in a mixed-case name, an acronym ("GE Plan") → LegalEntity
//   3. the name is 2 to 6 words of letters (initials, hyphens, apostrophes, "Jr", "III" allowed), or
//      "Last, First" with such words on each side           → Person
//   4. anything else (one word, unusual punctuation)       → LegalEntity
// LegalEntity is the safe default: it is screened against both persons and organisations.
import type { Schema } from '../../domain/entity.ts';

// prettier-ignore
const ORGANISATION_WORDS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company',
  'companies', 'gmbh', 'ag', 'sa', 'sarl', 'srl', 'spa', 'bv', 'nv', 'as', 'oy', 'pte', 'pty', 'sdn',
  'bhd', 'kft', 'ooo', 'oao', 'zao', 'pao', 'jsc', 'ojsc', 'cjsc', 'fze', 'fzco', 'fzc', 'fzllc', 'est',
  'establishment', 'group', 'holding', 'holdings', 'trading', 'trade', 'traders', 'international', 'intl',
  'industries', 'industrial', 'industry', 'enterprise', 'enterprises', 'technology', 'technologies', 'tech',
  'systems', 'services', 'service', 'electronics', 'electronic', 'aviation', 'aerospace', 'air', 'airlines',
  'airways', 'engineering', 'manufacturing', 'import', 'export', 'imports', 'exports', 'supply', 'supplies',
  'associates', 'partners', 'laboratories', 'laboratory', 'labs', 'solutions', 'logistics', 'shipping',
  'marine', 'bank', 'institute', 'university', 'academy', 'center', 'centre', 'agency', 'ministry',
  'department', 'bureau', 'directorate', 'organization', 'organisation', 'office', 'factory', 'plant',
  'works', 'corps', 'army', 'force', 'forces', 'committee', 'council', 'foundation', 'association',
  'society', 'network', 'products', 'equipment', 'machinery', 'chemical', 'chemicals', 'metals', 'steel',
  'energy', 'petroleum', 'oil', 'gas', 'power', 'defense', 'defence', 'military', 'security', 'research',
  'development', 'design', 'science', 'sciences', 'scientific', 'instruments', 'components', 'parts',
  'surplus', 'materials', 'marketing', 'consulting', 'management', 'investments', 'capital', 'resources',
  'global', 'worldwide', 'overseas', 'general', 'national', 'federal', 'state', 'republic', 'government',
  'firm', 'store', 'shop', 'sales', 'distribution', 'distributors', 'computer', 'computers', 'software',
  'communications', 'telecom', 'navigation', 'transport', 'express', 'cargo', 'freight', 'motors',
  'automotive', 'armaments', 'arms', 'weapons', 'ordnance', 'munitions', 'repair', 'manufacturers',
  'pjsc', 'sl', 'anstalt', 'handel', 'vertrieb', 'vertriebs', 'commercio', 'comercio', 'comercial', 'results',
  'contracting', 'complex', 'chemie', 'technic', 'technik', 'hizballah', 'hezbollah', 'century', 'part', 'plan',
]);

/** Name words, lower case, dots dropped so "S.A." and "F.Z.E." read as "sa" and "fze". */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
}

/** One personal-name word: letters with inner hyphens/apostrophes/dots ("O'Neil", "Al-Hassan", "J."). */
const PERSONAL_WORD = /^\p{L}[\p{L}'’.-]*$/u;

/** The schema for a party of a list that does not say whether it is a person (see the rules above). */
export function guessPartySchema(name: string, options: { birthDate?: boolean } = {}): Schema {
  if (options.birthDate === true) return 'Person';
  if (/\d|&|\band\b/i.test(name) || words(name).some((w) => ORGANISATION_WORDS.has(w)) || hasAcronym(name))
    return 'LegalEntity';
  const sides = name.trim().split(',');
  if (sides.length === 2)
    return tokens(sides[0]!, 1, 4) && tokens(sides[1]!, 1, 4) ? 'Person' : 'LegalEntity';
  return sides.length === 1 && tokens(name, 2, 6) ? 'Person' : 'LegalEntity';
}

/** An all-capitals word of 2+ letters in a name that also has lower case, other than Roman numerals, Jr, Sr. */
function hasAcronym(name: string): boolean {
  if (!/\p{Ll}/u.test(name)) return false;
  return name
    .split(/[\s,]+/)
    .some((t) => /^\p{Lu}{2,}$/u.test(t) && !/^(?:I{2,3}|IV|VI{0,3}|JR|SR)$/.test(t));
}

/** True when `part` is `min`…`max` personal-name words. */
function tokens(part: string, min: number, max: number): boolean {
  const list = part
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  return list.length >= min && list.length <= max && list.every((t) => PERSONAL_WORD.test(t));
}
