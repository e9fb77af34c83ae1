// Country names as lists print them → ISO 3166-1 alpha-2 (lower case, FtM convention).
// i18n-iso-countries holds the official and common English names; the aliases below are the spellings
// found in OFAC, UN, CSL, UK and BIS files that it does not know.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { CountryCode } from '../../domain/ids.ts';

countries.registerLocale(en);

const ALIASES: Readonly<Record<string, string>> = {
  burma: 'mm',
  'korea, north': 'kp',
  'north korea': 'kp',
  'korea, south': 'kr',
  'south korea': 'kr',
  "democratic people's republic of korea": 'kp',
  dprk: 'kp',
  'korea, republic of': 'kr',
  russia: 'ru',
  'russian federation': 'ru',
  iran: 'ir',
  'iran (islamic republic of)': 'ir',
  syria: 'sy',
  'syrian arab republic': 'sy',
  'the gambia': 'gm',
  'west bank': 'ps',
  'gaza strip': 'ps',
  'palestinian territories': 'ps',
  'occupied palestinian territory': 'ps',
  palestine: 'ps',
  kosovo: 'xk',
  'czech republic': 'cz',
  'macedonia, the former yugoslav republic of': 'mk',
  macedonia: 'mk',
  'congo, democratic republic of the': 'cd',
  'democratic republic of the congo': 'cd',
  'congo, republic of the': 'cg',
  'republic of the congo': 'cg',
  'cote d ivoire': 'ci',
  "cote d'ivoire": 'ci',
  'ivory coast': 'ci',
  'bosnia-herzegovina': 'ba',
  'bosnia and herzegovina': 'ba',
  'united kingdom': 'gb',
  uk: 'gb',
  'great britain': 'gb',
  'united states': 'us',
  usa: 'us',
  'united states of america': 'us',
  'hong kong': 'hk',
  'hong kong sar': 'hk',
  'hong kong, china': 'hk',
  macau: 'mo',
  macao: 'mo',
  taiwan: 'tw',
  'taiwan, province of china': 'tw',
  vietnam: 'vn',
  'viet nam': 'vn',
  laos: 'la',
  "lao people's democratic republic": 'la',
  'the netherlands': 'nl',
  netherlands: 'nl',
  'bolivia (plurinational state of)': 'bo',
  venezuela: 've',
  'venezuela (bolivarian republic of)': 've',
  'tanzania, united republic of': 'tz',
  tanzania: 'tz',
  moldova: 'md',
  'republic of moldova': 'md',
  'the bahamas': 'bs',
  'turkiye': 'tr',
  türkiye: 'tr',
  'region: crimea': 'ua',
  crimea: 'ua',
  'region: gaza': 'ps',
  'region: northern mali': 'ml',
  'region: kurdistan region': 'iq',
  'sudan, north': 'sd',
  'eswatini': 'sz',
  swaziland: 'sz',
  'cabo verde': 'cv',
  'cape verde': 'cv',
  'brunei darussalam': 'bn',
  'micronesia, federated states of': 'fm',
  'st. kitts and nevis': 'kn',
  'saint kitts and nevis': 'kn',
  'st. vincent and the grenadines': 'vc',
  'st. lucia': 'lc',
  'united arab emirates': 'ae',
  uae: 'ae',
  'timor-leste': 'tl',
  'east timor': 'tl',
};

/** Normalises spacing, case and accents so "Côte d’Ivoire" and "COTE D'IVOIRE" meet. */
function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// Lists repeat the same few hundred country spellings thousands of times, and the library's name lookup is a
// linear scan: memoise. Bounded so a hostile file of random strings cannot grow it without limit.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, CountryCode | undefined>();

/** ISO code for a country name, an alpha-2 or an alpha-3 code; undefined when not recognised. */
export function countryFromName(name: string): CountryCode | undefined {
  if (memo.has(name)) return memo.get(name);
  const code = lookup(name);
  if (memo.size < MEMO_LIMIT) memo.set(name, code);
  return code;
}

function lookup(name: string): CountryCode | undefined {
  const k = key(name);
  if (k === '') return undefined;
  const alias = ALIASES[k];
  if (alias !== undefined) return alias as CountryCode;
  if (/^[a-z]{2}$/.test(k) && countries.isValid(k.toUpperCase())) return k as CountryCode;
  if (/^[a-z]{3}$/.test(k)) {
    const a2 = countries.alpha3ToAlpha2(k.toUpperCase());
    if (a2 !== undefined) return a2.toLowerCase() as CountryCode;
  }
  const code = countries.getAlpha2Code(k, 'en');
  return code === undefined ? undefined : (code.toLowerCase() as CountryCode);
}
