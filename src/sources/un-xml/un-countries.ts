// Country names in the UN consolidated list that the shared country table does not know. The UN prints the
// official UN names (UN Terminology Bulletin "Country Names"), e.g. "United Kingdom of Great Britain and
// Northern Ireland". Historical states without an ISO 3166-1 code ("former Soviet Union") stay unmapped.
import type { CountryCode } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';

const UN_NAMES: Readonly<Record<string, string>> = {
  'united kingdom of great britain and northern ireland': 'gb',
  'china, hong kong special administrative region': 'hk',
  'china, macao special administrative region': 'mo',
  'british virgin islands': 'vg',
};

/** ISO code for a country name as the UN prints it; undefined when not recognised. */
export function unCountryCode(name: string): CountryCode | undefined {
  const alias = UN_NAMES[name.replace(/\s+/g, ' ').trim().toLowerCase()];
  return alias === undefined ? countryFromName(name) : (alias as CountryCode);
}
