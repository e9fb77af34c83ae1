// The OFAC remarks mini-language → structured facts. Pure: text in, facts out.
// A remarks field is a "; "-separated list of "<Key> <value>" segments ending with "."; a repeated key is
// written "alt. <Key> <value>" (OFAC SDN data specification, dat_spec.txt; FAQ 123 on weak aliases).
// Grammar handled, by segment:
//   a.k.a. 'X' | f.k.a. 'X'           → weak alias (OFAC FAQ 123: quoted aliases in remarks are weak AKAs)
//   DOB <date|circa date|range>       → birth dates (see remark-dates.ts)
//   POB <place>                       → birth place
//   nationality <country> | citizen <country> | Nationality of Registration <country> → country claims
//   Gender Male|Female                → gender
//   Linked To: <name>                 → relation {kind other, role related}
//   Listing Date (<program>)[:] <date> → listing dates (the designation date on the non-SDN lists)
//   <identifier label> <value> [(Country)] [issued …] [expires …]   → identifier (see remark-identifiers.ts)
//   Organization Established Date, Aircraft Manufacture Date, Email Address, Website, Phone Number,
//   Aircraft Model, Aircraft Operator, Equity Ticker, Organization Type:, Vessel Type, Former Vessel Flag → properties
// Anything else (programme notes, positions, sanctions-risk notices) is returned in `unparsed`.
import type {
  CountryClaim,
  CountryRole,
  Gender,
  Identifier,
  NameKind,
  RelationClaim,
} from '../../domain/entity.ts';
import type { IsoDate } from '../../domain/ids.ts';
import { ofacCountry } from './ofac-countries.ts';
import { parseOfacDateSpan } from './remark-dates.ts';
import { parseIdentifierRemark } from './remark-identifiers.ts';

/** Facts read from one remarks text. */
export interface OfacRemarkFacts {
  names: { value: string; kind: NameKind }[];
  birthDates: IsoDate[];
  birthPlaces: string[];
  countries: CountryClaim[];
  gender?: Gender;
  identifiers: Identifier[];
  relations: RelationClaim[];
  /** "Listing Date (CMIC) 03 Jun 2021", "Listing Date (EO 14024 Directive 3): 24 Feb 2022". */
  listingDates: IsoDate[];
  /** FtM property name → values (email, website, phone, incorporationDate, buildDate, …). */
  properties: Record<string, string[]>;
  /** Segments whose key is known but whose value could not be read: worth telling the user. */
  problems: string[];
  /** Segments with no key this parser knows; they stay in the full remarks text. */
  unparsed: string[];
}

/** Splits a remarks text into its segments, without the "alt. " prefix and the final full stop. */
export function splitRemarks(text: string): string[] {
  const body = text.trim().replace(/\.$/, '');
  return body
    .split(/;\s*/)
    .map((s) => s.trim().replace(/^alt\.\s+/i, ''))
    .filter((s) => s !== '');
}

/** Parses an OFAC remarks text (primary remarks + overflow from the comments file). */
export function parseOfacRemarks(text: string): OfacRemarkFacts {
  const facts: OfacRemarkFacts = {
    names: [],
    birthDates: [],
    birthPlaces: [],
    countries: [],
    identifiers: [],
    relations: [],
    listingDates: [],
    properties: {},
    problems: [],
    unparsed: [],
  };
  for (const segment of splitRemarks(text)) {
    if (!readSegment(segment, facts)) facts.unparsed.push(segment);
  }
  return facts;
}

/** Tries each reader in turn; true when one of them took the segment (as a fact or as a problem). */
function readSegment(segment: string, facts: OfacRemarkFacts): boolean {
  return READERS.some((read) => read(segment, facts));
}

type Reader = (segment: string, facts: OfacRemarkFacts) => boolean;

const ALIAS = /^([afn])\.k\.a\.\s+['"](.+)['"]$/i;
const readAlias: Reader = (segment, facts) => {
  const m = ALIAS.exec(segment);
  if (m === null) return false;
  // Every quoted alias in remarks is a weak AKA (FAQ 123), whether written a.k.a. or f.k.a.
  facts.names.push({ value: m[2].trim(), kind: 'weak' });
  return true;
};

const readBirthDate: Reader = (segment, facts) => {
  const m = /^DOB:?\s+(.+)$/.exec(segment);
  if (m === null) return false;
  const dates = parseOfacDateSpan(m[1]);
  if (dates === undefined) facts.problems.push(segment);
  else facts.birthDates.push(...dates);
  return true;
};

const readBirthPlace: Reader = (segment, facts) => {
  const m = /^POB:?\s+(.+)$/.exec(segment);
  if (m === null) return false;
  facts.birthPlaces.push(m[1].trim());
  return true;
};

const COUNTRY_KEYS: readonly (readonly [RegExp, CountryRole])[] = [
  // Printed for companies registered in a country: their jurisdiction (FtM `jurisdiction`).
  [/^Nationality of Registration\s+(.+)$/, 'jurisdiction'],
  [/^nationality:?\s+(.+)$/i, 'nationality'],
  [/^citizen\s+(.+)$/, 'citizenship'],
  [/^Vessel Flag\s+(.+)$/, 'flag'],
];
const readCountry: Reader = (segment, facts) => {
  for (const [pattern, role] of COUNTRY_KEYS) {
    const m = pattern.exec(segment);
    if (m === null) continue;
    // "nationality possibly Palestinian": an uncertain claim stays in the remarks text only.
    if (/^possibly\s/i.test(m[1])) return false;
    const country = ofacCountry(m[1]);
    if (country === 'unknown') facts.problems.push(segment);
    else if (country !== 'none') facts.countries.push({ code: country.code, role });
    return true;
  }
  return false;
};

const readGender: Reader = (segment, facts) => {
  const m = /^Gender\s+(Male|Female)$/i.exec(segment);
  if (m === null) return false;
  facts.gender = m[1].toLowerCase() === 'male' ? 'male' : 'female';
  return true;
};

const readLink: Reader = (segment, facts) => {
  const m = /^Linked To:\s+(.+)$/.exec(segment);
  if (m === null) return false;
  facts.relations.push({ kind: 'other', role: 'related', other: { name: m[1].trim() }, note: segment });
  return true;
};

const readListingDate: Reader = (segment, facts) => {
  const m = /^Listing Date \([^)]*\):?\s+(.+)$/.exec(segment);
  if (m === null) return false;
  const dates = parseOfacDateSpan(m[1]);
  if (dates === undefined) facts.problems.push(segment);
  else facts.listingDates.push(...dates);
  return true;
};

const readIdentifier: Reader = (segment, facts) => {
  const identifier = parseIdentifierRemark(segment);
  if (identifier === undefined) return false;
  facts.identifiers.push(identifier);
  return true;
};

/** Remark key → FtM property; `date` values become ISO dates, `country` values ISO codes (FtM types). */
const PROPERTY_KEYS: readonly { key: string; property: string; as?: 'date' | 'country' }[] = [
  { key: 'Organization Established Date', property: 'incorporationDate', as: 'date' },
  { key: 'Aircraft Manufacture Date', property: 'buildDate', as: 'date' },
  { key: 'Vessel Year of Build', property: 'buildDate', as: 'date' },
  { key: 'Email Address', property: 'email' },
  { key: 'Email', property: 'email' },
  { key: 'Website', property: 'website' },
  { key: 'Phone Number', property: 'phone' },
  { key: 'Telephone', property: 'phone' },
  { key: 'Telephone:', property: 'phone' },
  { key: 'Telephone No.', property: 'phone' },
  { key: 'Aircraft Model', property: 'model' },
  { key: 'Aircraft Operator', property: 'operator' },
  { key: 'Equity Ticker', property: 'ticker' },
  { key: 'Organization Type:', property: 'sector' },
  { key: 'Vessel Type', property: 'type' },
  { key: 'Former Vessel Flag', property: 'pastFlags', as: 'country' },
];
const readProperty: Reader = (segment, facts) => {
  const entry = PROPERTY_KEYS.find((p) => segment.startsWith(`${p.key} `));
  if (entry === undefined) return false;
  const value = segment.slice(entry.key.length + 1).trim();
  const values = propertyValues(value, entry.as);
  if (values === undefined) {
    facts.problems.push(segment);
    return true;
  }
  const held = (facts.properties[entry.property] ??= []);
  for (const v of values) if (!held.includes(v)) held.push(v);
  return true;
};

/** Values to hold; [] for a deliberate "no value" ("Former Vessel Flag None Identified"), undefined if unreadable. */
function propertyValues(value: string, as: 'date' | 'country' | undefined): string[] | undefined {
  if (value === '') return undefined;
  if (as === 'date') return parseOfacDateSpan(value);
  if (as === 'country') {
    const country = ofacCountry(value);
    if (country === 'unknown') return undefined;
    return country === 'none' ? [] : [country.code];
  }
  return [value];
}

// Order matters only where keys overlap: "Vessel Flag" (country) vs "Former Vessel Flag" (property) do not,
// identifiers come before properties so "Identification Number IMO" is never read as something else.
const READERS: readonly Reader[] = [
  readAlias,
  readBirthDate,
  readBirthPlace,
  readCountry,
  readGender,
  readLink,
  readListingDate,
  readIdentifier,
  readProperty,
];
