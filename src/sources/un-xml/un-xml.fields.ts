// Field mappers for UN consolidated list entries: names, dates and places of birth, documents, addresses.
// Element names and meanings: https://www.un.org/sc/resources/sc-sanctions.xsd and the list's explanatory notes.
import type { Address, Entity, IdentifierType, NameKind } from '../../domain/entity.ts';
import { addIdentifier, addName, addUnique, clean } from '../../domain/entity-builder.ts';
import { isIsoDate, type CountryCode, type IsoDate } from '../../domain/ids.ts';
import { unCountryCode } from './un-countries.ts';
import { childObjects, childText, childTexts, type XmlObject } from '../common/xml-object.ts';

/** Collects notes (non-fatal oddities) while one entry is mapped. */
export interface MapContext {
  entity: Entity;
  notes: string[];
}

/**
 * Alias QUALITY → name kind. The UN marks as "Low" the aliases it judges insufficient to identify the party on
 * their own (short names, nicknames, noms de guerre, partial names): they are kept as `weak` names — screened
 * with less weight, like OFAC's "weak a.k.a." — rather than dropped. "Good" and "a.k.a." are full aliases.
 */
const ALIAS_KIND: Readonly<Record<string, NameKind>> = {
  good: 'aka',
  'a.k.a.': 'aka',
  'f.k.a.': 'fka',
  low: 'weak',
};

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

/** FIRST…FOURTH_NAME joined is the primary name; NAME_ORIGINAL_SCRIPT is the name in its own script. */
export function mapNames(ctx: MapContext, data: XmlObject, aliasTag: string): void {
  const primary = NAME_PARTS.map((tag) => clean(childText(data, tag))).filter((part) => part !== '');
  addName(ctx.entity, primary.join(' '), 'primary');
  for (const original of childTexts(data, 'NAME_ORIGINAL_SCRIPT')) addName(ctx.entity, original, 'original');
  for (const alias of childObjects(data, aliasTag)) {
    const name = childText(alias, 'ALIAS_NAME');
    if (clean(name) === '') continue;
    const quality = clean(childText(alias, 'QUALITY')).toLowerCase();
    const kind = ALIAS_KIND[quality];
    if (kind === undefined && quality !== '')
      ctx.notes.push(`unknown alias QUALITY "${quality}", read as a.k.a.`);
    addName(ctx.entity, name, kind ?? 'aka');
    // Some aliases carry the birth data that goes with that identity (DPRK, Libya entries).
    addDate(ctx, childText(alias, 'DATE_OF_BIRTH'), 'alias DATE_OF_BIRTH');
    const place = [childText(alias, 'CITY_OF_BIRTH'), childText(alias, 'COUNTRY_OF_BIRTH')]
      .map(clean)
      .filter(Boolean);
    addUnique(ctx.entity.birthPlaces, place.join(', ') || undefined);
  }
}

/** The ISO date at the start of a UN date value ("2015-04-07-04:00" carries a time-zone offset). */
export function unDate(value: string): IsoDate | undefined {
  const match = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(clean(value));
  return match !== null && isIsoDate(match[0]) ? (match[0] as IsoDate) : undefined;
}

function addDate(ctx: MapContext, value: string, field: string): void {
  if (clean(value) === '') return;
  const date = unDate(value);
  if (date === undefined) ctx.notes.push(`${field} "${clean(value)}" is not a date`);
  addUnique(ctx.entity.birthDates, date);
}

/** Widest BETWEEN range expanded year by year; wider ranges keep only their end points. */
const MAX_YEAR_RANGE = 10;

/** INDIVIDUAL_DATE_OF_BIRTH: DATE or YEAR (EXACT / APPROXIMATELY), or FROM_YEAR…TO_YEAR (BETWEEN). */
export function mapBirthDates(ctx: MapContext, data: XmlObject): void {
  for (const dob of childObjects(data, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    addDate(ctx, childText(dob, 'DATE'), 'DATE_OF_BIRTH DATE');
    addDate(ctx, childText(dob, 'YEAR'), 'DATE_OF_BIRTH YEAR');
    const from = Number(childText(dob, 'FROM_YEAR'));
    const to = Number(childText(dob, 'TO_YEAR'));
    if (!Number.isInteger(from) || !Number.isInteger(to) || from <= 0 || to < from) continue;
    // A range stands for "one of these years": each year is a candidate birth date for matching.
    const years =
      to - from <= MAX_YEAR_RANGE ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [from, to];
    for (const year of years) addUnique(ctx.entity.birthDates, String(year) as IsoDate);
  }
}

/** A country name as the UN prints it → ISO code, with a note when it is not recognised. */
export function unCountry(ctx: MapContext, name: string, field: string): CountryCode | undefined {
  const value = clean(name);
  if (value === '') return undefined;
  const code = unCountryCode(value);
  if (code === undefined) ctx.notes.push(`${field} "${value}" is not a recognised country`);
  return code;
}

const PLACE_PARTS = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'] as const;

/** INDIVIDUAL_PLACE_OF_BIRTH → "city, province, country" as printed. */
export function mapBirthPlaces(ctx: MapContext, data: XmlObject): void {
  for (const pob of childObjects(data, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const parts = PLACE_PARTS.map((tag) => clean(childText(pob, tag))).filter(Boolean);
    addUnique(ctx.entity.birthPlaces, parts.join(', ') || undefined);
  }
}

/** INDIVIDUAL_ADDRESS / ENTITY_ADDRESS → Address (a NOTE such as "as of June 2016" stays in `raw` only). */
export function mapAddresses(ctx: MapContext, data: XmlObject, tag: string): void {
  for (const node of childObjects(data, tag)) {
    const street = clean(childText(node, 'STREET'));
    const city = clean(childText(node, 'CITY'));
    const region = clean(childText(node, 'STATE_PROVINCE'));
    const postalCode = clean(childText(node, 'ZIP_CODE'));
    const countryName = clean(childText(node, 'COUNTRY'));
    const full = [street, city, region, postalCode, countryName].filter(Boolean).join(', ');
    if (full === '') continue;
    const address: Address = { full };
    if (street !== '') address.street = street;
    if (city !== '') address.city = city;
    if (region !== '') address.region = region;
    if (postalCode !== '') address.postalCode = postalCode;
    const country = unCountry(ctx, countryName, `${tag} COUNTRY`);
    if (country !== undefined) {
      address.country = country;
      addCountry(ctx, country, 'country');
    }
    ctx.entity.addresses.push(address);
  }
}

export function addCountry(ctx: MapContext, code: CountryCode, role: 'country' | 'nationality'): void {
  if (ctx.entity.countries.some((c) => c.code === code && c.role === role)) return;
  ctx.entity.countries.push({ code, role });
}

/** TYPE_OF_DOCUMENT → identifier type; the list also prints the passport label in Spanish and French. */
function documentType(label: string): IdentifierType {
  const l = label.toLowerCase();
  if (/passport|pasaporte|passeport/.test(l)) return 'passport';
  if (/national identification|identity card|identification card|national id/.test(l)) return 'national_id';
  return 'other';
}

/** INDIVIDUAL_DOCUMENT → identifier (documents without a NUMBER carry nothing to match and are skipped). */
export function mapDocuments(ctx: MapContext, data: XmlObject): void {
  for (const doc of childObjects(data, 'INDIVIDUAL_DOCUMENT')) {
    const value = clean(childText(doc, 'NUMBER'));
    if (value === '') continue;
    const type1 = clean(childText(doc, 'TYPE_OF_DOCUMENT'));
    const type2 = clean(childText(doc, 'TYPE_OF_DOCUMENT2'));
    const type = documentType(type1) === 'other' ? documentType(type2) : documentType(type1);
    const label = [type1, type2].filter(Boolean).join(' / ');
    const issuer = childText(doc, 'ISSUING_COUNTRY') || childText(doc, 'COUNTRY_OF_ISSUE');
    const country = unCountry(ctx, issuer, 'INDIVIDUAL_DOCUMENT ISSUING_COUNTRY');
    addIdentifier(ctx.entity, {
      type,
      value,
      ...(country === undefined ? {} : { country }),
      ...(label === '' ? {} : { label }),
    });
  }
}
