// Adding OFAC facts to an entity, shared by the classic XML and the advanced XML mappers. Both formats carry
// the same vocabulary as the legacy CSV remarks ("Passport A123 (Egypt)", "DOB 12 Jan 1960", "Website x"),
// so their typed fields are read through the CSV format's remark parser (src/sources/ofac-csv): one grammar,
// one table of identifier labels and OFAC country spellings for every OFAC format.
import { addIdentifier, addName, addUnique, clean } from '../../domain/entity-builder.ts';
import type { CountryClaim, CountryRole, Entity } from '../../domain/entity.ts';
import type { CountryCode } from '../../domain/ids.ts';
import { ofacCountry } from '../ofac-csv/ofac-countries.ts';
import { parseOfacRemarks, type OfacRemarkFacts } from '../ofac-csv/index.ts';

export { parseOfacRemarks };

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

/** Claims a country by its OFAC name in the given role. */
export function claimCountry(entity: Entity, name: string, role: CountryRole, notes: string[]): void {
  const code = ofacCountryCode(name, role, notes);
  if (code !== undefined) addCountry(entity, { code, role });
}

/** Adds the facts read from a remark-like text; true when anything was understood. */
export function applyFacts(entity: Entity, facts: OfacRemarkFacts, notes: string[]): boolean {
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
  // A party listed under several programs carries several listing dates; the listing starts with the first.
  const start = [
    ...facts.listingDates,
    ...(entity.listing.start === undefined ? [] : [entity.listing.start]),
  ].sort()[0];
  if (start !== undefined) entity.listing.start = start;
  for (const [property, values] of Object.entries(facts.properties)) {
    for (const value of values) setProperty(entity, property, value);
  }
  for (const problem of facts.problems) notes.push(`value not understood: "${problem}"`);
  return facts.unparsed.length === 0;
}
