// Senzing attributes → entity fields (Senzing Generic Entity Specification, "Features and attributes").
// A record's features are its top-level attributes plus every object in its lists; each feature object is
// read on its own (a NAMES entry, a DATES entry …). Attributes not listed here stay in `raw` and are reported
// once per file by the reader. Usage-type prefixes (HOME_ADDR_FULL, PRIMARY_NAME_ORG) are not read.
import { addIdentifier, addName, addUnique, clean } from '../../domain/entity-builder.ts';
import type { Address, CountryRole, Entity, IdentifierType } from '../../domain/entity.ts';
import { countryFromName } from '../common/countries.ts';
import { addProperty } from '../common/entity-props.ts';
import { anyListDate } from '../common/list-dates.ts';

export type Feature = Record<string, string>;

/** Attributes of the record itself or of relationships, read elsewhere. */
const RECORD_ATTRIBUTES = [
  'DATA_SOURCE',
  'RECORD_ID',
  'RECORD_TYPE',
  'REL_ANCHOR_DOMAIN',
  'REL_ANCHOR_KEY',
  'REL_POINTER_DOMAIN',
  'REL_POINTER_KEY',
  'REL_POINTER_ROLE',
];

const COUNTRY_ROLES: Readonly<Record<string, CountryRole>> = {
  NATIONALITY: 'nationality',
  CITIZENSHIP: 'citizenship',
  REGISTRATION_COUNTRY: 'jurisdiction',
  COUNTRY_OF_ASSOCIATION: 'country',
};

/** NUMBER attribute → identifier type; its COUNTRY attribute (when any) is the issuer. */
const ID_ATTRIBUTES: readonly (readonly [
  number: string,
  country: string | undefined,
  type: IdentifierType,
])[] = [
  ['PASSPORT_NUMBER', 'PASSPORT_COUNTRY', 'passport'],
  ['NATIONAL_ID_NUMBER', 'NATIONAL_ID_COUNTRY', 'national_id'],
  ['TAX_ID_NUMBER', 'TAX_ID_COUNTRY', 'tax'],
  ['LEI_NUMBER', undefined, 'lei'],
  ['DUNS_NUMBER', undefined, 'duns'],
  ['OTHER_ID_NUMBER', 'OTHER_ID_COUNTRY', 'other'],
];

const PROPERTIES: Readonly<Record<string, string>> = {
  PHONE_NUMBER: 'phone',
  EMAIL_ADDRESS: 'email',
  WEBSITE_ADDRESS: 'website',
  DATE_OF_DEATH: 'deathDate',
  REGISTRATION_DATE: 'incorporationDate',
  URL: 'sourceUrl',
  LAST_CHANGE: 'modifiedAt',
};

/** Attributes this module reads (for the "not mapped" note). */
export const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...RECORD_ATTRIBUTES,
  ...Object.keys(COUNTRY_ROLES),
  ...Object.keys(PROPERTIES),
  ...ID_ATTRIBUTES.flatMap(([n, c]) => (c === undefined ? [n] : [n, c])),
  'OTHER_ID_TYPE',
  'TRUSTED_ID_TYPE',
  'TRUSTED_ID_NUMBER',
  'NAME_TYPE',
  'NAME_FULL',
  'NAME_ORG',
  'NAME_PREFIX',
  'NAME_FIRST',
  'NAME_MIDDLE',
  'NAME_LAST',
  'NAME_SUFFIX',
  'DATE_OF_BIRTH',
  'PLACE_OF_BIRTH',
  'GENDER',
  'TOPIC',
  'ADDR_TYPE',
  'ADDR_FULL',
  'ADDR_LINE1',
  'ADDR_LINE2',
  'ADDR_LINE3',
  'ADDR_CITY',
  'ADDR_STATE',
  'ADDR_POSTAL_CODE',
  'ADDR_COUNTRY',
]);

/** The name of a NAMES entry: NAME_FULL, NAME_ORG, or the parts in reading order. */
export function featureName(f: Feature): string {
  return clean(
    f['NAME_FULL'] ||
      f['NAME_ORG'] ||
      ['NAME_PREFIX', 'NAME_FIRST', 'NAME_MIDDLE', 'NAME_LAST', 'NAME_SUFFIX']
        .map((k) => f[k] ?? '')
        .join(' '),
  );
}

/** Adds one feature object to the entity; returns notes for values that could not be read. */
export function applyFeature(entity: Entity, f: Feature, notes: string[]): void {
  const name = featureName(f);
  // NAME_TYPE PRIMARY (the spec's usage type) is the primary name; any other (ALIAS, …) an a.k.a.
  if (name !== '')
    addName(entity, name, (f['NAME_TYPE'] ?? 'PRIMARY').toUpperCase() === 'PRIMARY' ? 'primary' : 'aka');
  readDates(entity, f, notes);
  for (const [attribute, role] of Object.entries(COUNTRY_ROLES)) {
    if (f[attribute] === undefined) continue;
    const code = countryFromName(f[attribute]);
    if (code === undefined) notes.push(`${attribute} "${f[attribute]}" is not a known country`);
    else if (!entity.countries.some((c) => c.code === code && c.role === role))
      entity.countries.push({ code, role });
  }
  addUnique(entity.birthPlaces, clean(f['PLACE_OF_BIRTH']) || undefined);
  const gender = f['GENDER']?.toUpperCase();
  if (gender === 'M' || gender === 'MALE') entity.gender = 'male';
  else if (gender === 'F' || gender === 'FEMALE') entity.gender = 'female';
  readIdentifiers(entity, f);
  for (const [attribute, property] of Object.entries(PROPERTIES)) addProperty(entity, property, f[attribute]);
  addProperty(entity, 'topics', f['TOPIC']);
  readAddress(entity, f, notes);
}

function readDates(entity: Entity, f: Feature, notes: string[]): void {
  const birth = f['DATE_OF_BIRTH'];
  if (birth === undefined) return;
  const date = anyListDate(birth);
  if (date === undefined) notes.push(`DATE_OF_BIRTH "${birth}" is not a date`);
  addUnique(entity.birthDates, date);
}

function readIdentifiers(entity: Entity, f: Feature): void {
  for (const [numberAttr, countryAttr, type] of ID_ATTRIBUTES) {
    const value = f[numberAttr];
    if (value === undefined) continue;
    const country = countryAttr === undefined ? undefined : countryFromName(f[countryAttr] ?? '');
    const label = type === 'other' ? (f['OTHER_ID_TYPE'] ?? 'OTHER_ID') : numberAttr;
    addIdentifier(entity, country === undefined ? { type, value, label } : { type, value, label, country });
  }
  const trusted = f['TRUSTED_ID_NUMBER'];
  if (trusted === undefined) return;
  // A Wikidata item id is the FtM property wikidataId; other trusted ids are identifiers of their own type.
  if (f['TRUSTED_ID_TYPE'] === 'WIKIDATA') addProperty(entity, 'wikidataId', trusted);
  else addIdentifier(entity, { type: 'other', value: trusted, label: f['TRUSTED_ID_TYPE'] ?? 'TRUSTED_ID' });
}

function readAddress(entity: Entity, f: Feature, notes: string[]): void {
  const street = clean(
    ['ADDR_LINE1', 'ADDR_LINE2', 'ADDR_LINE3']
      .map((k) => f[k] ?? '')
      .filter((p) => p !== '')
      .join(', '),
  );
  const [city, region, postalCode, countryText] = [
    'ADDR_CITY',
    'ADDR_STATE',
    'ADDR_POSTAL_CODE',
    'ADDR_COUNTRY',
  ].map((k) => clean(f[k]));
  const full =
    clean(f['ADDR_FULL']) ||
    [street, city, region, postalCode, countryText].filter((p) => p !== '').join(', ');
  if (full === '') return;
  const address: Address = { full };
  if (street !== '') address.street = street;
  if (city) address.city = city;
  if (region) address.region = region;
  if (postalCode) address.postalCode = postalCode;
  const code = countryText ? countryFromName(countryText) : undefined;
  if (code === undefined && countryText) notes.push(`ADDR_COUNTRY "${countryText}" is not a known country`);
  if (code !== undefined) {
    address.country = code;
    if (!entity.countries.some((c) => c.code === code && c.role === 'country'))
      entity.countries.push({ code, role: 'country' });
  }
  entity.addresses.push(address);
}
