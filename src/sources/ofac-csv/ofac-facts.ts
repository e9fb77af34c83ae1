// Adding OFAC facts to an entity, shared by every OFAC format (exported by this folder's index.ts). The classic
// and advanced XML carry the same vocabulary as the legacy CSV remarks ("Passport A123 (Egypt)", "DOB 12 Jan
// 1960", "Website x"), so their typed fields are read through this format's remark parser (remarks.ts): one
// grammar, one table of identifier labels and OFAC country spellings for every OFAC format.
import { addIdentifier, addName, addUnique, clean } from '../../domain/entity-builder.ts';
import type { Address, CountryClaim, CountryRole, Entity } from '../../domain/entity.ts';
import type { CountryCode } from '../../domain/ids.ts';
import { ofacCountry } from './ofac-countries.ts';
import type { OfacRemarkFacts } from './remarks.ts';

/** Adds a country claim unless the same code and role is held. */
export function addCountry(entity: Entity, claim: CountryClaim): void {
  if (entity.countries.some((c) => c.code === claim.code && c.role === claim.role)) return;
  entity.countries.push(claim);
}

/** Appends a value to an FtM property unless empty or held. */
export function setProperty(entity: Entity, property: string, value: string): void {
  const v = clean(value);
  if (v === '') return;
  addUnique((entity.properties[property] ??= []), v);
}

/**
 * An OFAC country name → code; `undefined` with a note for a name that is not a country, nothing for OFAC's
 * deliberate placeholders ("undetermined", "None Identified").
 */
export function ofacCountryCode(name: string, what: string, notes: string[]): CountryCode | undefined {
  const text = clean(name);
  if (text === '') return undefined;
  const country = ofacCountry(text);
  if (country === 'unknown') notes.push(`${what} "${text}" is not a known country`);
  return typeof country === 'object' ? country.code : undefined;
}

/** The parts of an address as the XML formats give them (cleaned; '' for a missing part). */
export interface AddressParts {
  street: string;
  city: string;
  region: string;
  postalCode: string;
  /** The country as it stands in `full`. */
  countryName: string;
  /** The country's code, when recognised: also claimed as the party's `country`. */
  code: CountryCode | undefined;
}

/** Adds an address of the present parts (nothing when every part is empty). */
export function addAddress(entity: Entity, parts: AddressParts): void {
  const { street, city, region, postalCode, countryName, code } = parts;
  const full = [street, city, region, postalCode, countryName].filter((p) => p !== '').join(', ');
  if (full === '') return;
  const address: Address = { full };
  if (street !== '') address.street = street;
  if (city !== '') address.city = city;
  if (region !== '') address.region = region;
  if (postalCode !== '') address.postalCode = postalCode;
  if (code !== undefined) {
    address.country = code;
    addCountry(entity, { code, role: 'country' });
  }
  entity.addresses.push(address);
}

/** Claims a country by its OFAC name in the given role. */
export function claimCountry(entity: Entity, name: string, role: CountryRole, notes: string[]): void {
  const code = ofacCountryCode(name, role, notes);
  if (code !== undefined) addCountry(entity, { code, role });
}

/**
 * Adds the facts read from a remark-like text; true when all of it was understood. `text` names what was read in
 * the notes about values not understood: a CSV `remark`, or a typed XML `value`.
 */
export function applyFacts(
  entity: Entity,
  facts: OfacRemarkFacts,
  notes: string[],
  text: 'remark' | 'value' = 'value',
): boolean {
  for (const n of facts.names) addName(entity, n.value, n.kind);
  for (const d of facts.birthDates) addUnique(entity.birthDates, d);
  for (const p of facts.birthPlaces) addUnique(entity.birthPlaces, p);
  for (const c of facts.countries) addCountry(entity, c);
  if (facts.gender !== undefined) entity.gender = facts.gender;
  for (const id of facts.identifiers) addIdentifier(entity, id);
  for (const r of facts.relations) {
    const name = 'name' in r.other ? r.other.name : '';
    if (!entity.relations.some((x) => x.kind === r.kind && 'name' in x.other && x.other.name === name))
      entity.relations.push(r);
  }
  // A party listed under several programs or directives carries several listing dates; the listing starts with
  // the first.
  const start = [
    ...facts.listingDates,
    ...(entity.listing.start === undefined ? [] : [entity.listing.start]),
  ].sort()[0];
  if (start !== undefined) entity.listing.start = start;
  for (const [property, values] of Object.entries(facts.properties)) {
    for (const value of values) setProperty(entity, property, value);
  }
  for (const problem of facts.problems) notes.push(`${text} not understood: "${problem}"`);
  return facts.unparsed.length === 0;
}
