// Nationality and country cells as list transcriptions print them → ISO codes. Cells hold adjectives
// ("Russian"), several values ("Ukrainian, Russian", "(1) Malaysia (2) Indonesia", "Ukrainian and/or
// Russian"), hedges ("allegedly Russian") and asides in parentheses. Names go through countryFromName;
// the adjectives and spellings below are the ones found in the EU annex, UK and State Department files.
import type { CountryCode } from '../../domain/ids.ts';
import { countryFromName } from './countries.ts';

const DEMONYMS: Readonly<Record<string, string>> = {
  afghan: 'af', algerian: 'dz', american: 'us', armenian: 'am', azerbaijani: 'az', belarusian: 'by',
  belarussian: 'by', belgian: 'be', british: 'gb', canadian: 'ca', chinese: 'cn', croatian: 'hr', cypriot: 'cy',
  egyptian: 'eg', emirati: 'ae', finnish: 'fi', french: 'fr', georgian: 'ge', german: 'de', indian: 'in',
  indonesian: 'id', iranian: 'ir', iraqi: 'iq', israeli: 'il', jordanian: 'jo', kazakh: 'kz', kuwaiti: 'kw',
  lebanese: 'lb', libyan: 'ly', malaysian: 'my', malian: 'ml', moldovan: 'md', 'north korean': 'kp',
  pakistani: 'pk', palestinian: 'ps', russian: 'ru', saudi: 'sa', serbian: 'rs', somali: 'so',
  'south sudanese': 'ss', sudanese: 'sd', swiss: 'ch', syrian: 'sy', turkish: 'tr', ukrainian: 'ua',
  uzbek: 'uz', uzbekistani: 'uz', venezuelan: 've', yemeni: 'ye',
  // Spellings countryFromName does not know.
  rok: 'kr', 'myanmar/burma': 'mm', 'congo (democratic republic)': 'cd', 'guinea bissau': 'gw',
  'southern lebanon': 'lb', 'united republic of tanzania': 'tz', 'occupied palestinian territories': 'ps',
  gaza: 'ps', britain: 'gb',
};

/** Words that hedge a value without changing the country ("allegedly Russian"). */
const HEDGES = /^(allegedly|possibly|reportedly|probably|presumably)\s+/i;

export interface CountryParse {
  codes: CountryCode[];
  /** Parts that are neither a country name nor a known adjective, for a note. */
  unknown: string[];
}

// Lists repeat a few hundred distinct values thousands of times, and a name lookup scans every country
// name; remembering answers (capped, so a server's memory stays bounded) makes a UK import ~1 s faster.
const MEMO = new Map<string, CountryCode | undefined>();
const MEMO_LIMIT = 5000;

/** Looks up one value: a known adjective/spelling, else a country name or code. */
export function countryFromNationality(value: string): CountryCode | undefined {
  if (MEMO.has(value)) return MEMO.get(value);
  const code = lookup(value);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(value, code);
  return code;
}

function lookup(value: string): CountryCode | undefined {
  const key = value.trim().replace(/\.$/, '').replace(HEDGES, '').trim();
  if (key === '') return undefined;
  const demonym = DEMONYMS[key.toLowerCase()];
  if (demonym !== undefined) return demonym as CountryCode;
  return countryFromName(key) ?? countryFromName(key.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
}

/** Splits a cell into values and resolves each; order kept, duplicates dropped. */
export function countriesFromText(text: string): CountryParse {
  const result: CountryParse = { codes: [], unknown: [] };
  for (const part of splitValues(text)) {
    const code = countryFromNationality(part);
    if (code === undefined) result.unknown.push(part);
    else if (!result.codes.includes(code)) result.codes.push(code);
  }
  return result;
}

/**
 * "(1) Russia. (2) Syria" / "Ukrainian, Russian (aside)" / "Germany. Russia" / "a and/or b" → values. A
 * part that is itself a country name is kept whole ("Trinidad and Tobago", "Bosnia and Herzegovina").
 */
function splitValues(text: string): string[] {
  if (countryFromNationality(text) !== undefined) return [text.trim()];
  const parts = text
    .replace(/\(\d+\)/g, ';')
    .replace(/\([^)]*\)/g, ' ')
    .split(/;|,|\.\s+(?=\p{Lu})/u)
    .map((p) => p.trim().replace(/\.$/, '').trim())
    .filter((p) => p !== '');
  return parts.flatMap((p) =>
    countryFromNationality(p) !== undefined ? [p] : p.split(/\s+and\/or\s+|\s+and\s+|\s+or\s+/i).map((x) => x.trim()).filter((x) => x !== ''),
  );
}
