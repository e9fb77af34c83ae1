// Country names as OFAC prints them, on top of the shared countryFromName: OFAC writes some places its own way
// ("Palestinian" as a country, "Bahamas, The", "Man, Isle of", demonyms after "nationality") and uses
// placeholders that mean "no country" ("undetermined", "None Identified").
import type { CountryCode } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';

const OFAC_NAMES: Readonly<Record<string, string>> = {
  palestinian: 'ps',
  'bahamas, the': 'bs',
  'man, isle of': 'im',
  'st. kitts & nevis': 'kn',
  brunei: 'bn',
  eritrean: 'er',
};

/**
 * Not countries, said as such on purpose: no claim and no warning. "Region: Kafia Kingi" is an area disputed
 * between Sudan and South Sudan with no ISO code; "Netherlands Antilles" was dissolved in 2010 (ISO code AN
 * withdrawn) and cannot be placed in one of its successors.
 */
const NOT_A_COUNTRY = new Set([
  'undetermined',
  'none identified',
  'region: kafia kingi',
  'netherlands antilles',
]);

export type OfacCountry = { code: CountryCode } | 'none' | 'unknown';

/** An OFAC country name → its ISO code, 'none' for a deliberate non-country, 'unknown' otherwise. */
export function ofacCountry(name: string): OfacCountry {
  // "Cabo Verde. Previously Cape Verde." → the current name.
  const text = name
    .trim()
    .replace(/\.\s*Previously\s.*$/i, '')
    .replace(/\.$/, '');
  const key = text.toLowerCase().replace(/\s+/g, ' ');
  if (key === '' || NOT_A_COUNTRY.has(key)) return 'none';
  const code = (OFAC_NAMES[key] as CountryCode | undefined) ?? countryFromName(text);
  return code === undefined ? 'unknown' : { code };
}
