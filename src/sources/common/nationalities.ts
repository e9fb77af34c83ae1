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
  'southern lebanon': 'lb', 'united republic of tanzania': 'tz',
};

/** Words that hedge a value without changing the country ("allegedly Russian"). */
const HEDGES = /^(allegedly|possibly|reportedly|probably|presumably)\s+/i;

export interface CountryParse {
  codes: CountryCode[];
  /** Parts that are neither a country name nor a known adjective, for a note. */
  unknown: string[];
}

/** Looks up one value: a known adjective/spelling, else a country name or code. */
export function countryFromNationality(value: string): CountryCode | undefined {
  const key = value.trim().replace(/\.$/, '').replace(HEDGES, '').trim();
  if (key === '') return undefined;
  const demonym = DEMONYMS[key.toLowerCase()];
  if (demonym !== undefined) return demonym as CountryCode;
  return countryFromName(key) ?? countryFromName(key.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
}

/** Splits a cell into values and resolves each; order kept, duplicates dropped. */
export function countriesFromText(text: string): CountryParse {
  const result: CountryParse = { codes: [], unknown: [] };
  const whole = countryFromNationality(text);
  const parts = whole !== undefined ? [text] : splitValues(text);
  for (const part of parts) {
    const code = countryFromNationality(part);
    if (code === undefined) result.unknown.push(part);
    else if (!result.codes.includes(code)) result.codes.push(code);
  }
  return result;
}

/** "(1) Russia. (2) Syria" / "Ukrainian, Russian (aside)" / "a and/or b" → trimmed values. */
function splitValues(text: string): string[] {
  return text
    .replace(/\(\d+\)/g, ';')
    .replace(/\([^)]*\)/g, ' ')
    .split(/;|,|\s+and\/or\s+|\s+and\s+|\s+or\s+/i)
    .map((p) => p.trim().replace(/\.$/, '').trim())
    .filter((p) => p !== '');
}
