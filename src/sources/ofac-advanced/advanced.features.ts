// SDN_ADVANCED features → entity fields, by feature type name (FeatureTypeValues). Named types are read
// here; any other TEXT/LOOKUP feature goes through the OFAC remark grammar as "<type> <value>" (SWIFT/BIC,
// BIK (RU), Website, Email Address, Vessel Call Sign, Phone Number …), and what that does not know is kept
// as a remark "<type> <value>" (e.g. "Executive Order 13662 Directive Determination - Subject to Directive 1").
import { addUnique, clean } from '../../domain/entity-builder.ts';
import type { CountryRole, Entity } from '../../domain/entity.ts';
import { countryCode, type CountryCode } from '../../domain/ids.ts';
import {
  addAddress,
  addCountry,
  applyFacts,
  ofacCountryCode,
  parseOfacRemarks,
  setProperty,
} from '../ofac-csv/index.ts';
import { periodDates } from './advanced.dates.ts';
import type { ResolvedCountry, ResolvedLocation } from './advanced.resolve.ts';
import type { AdvancedFeature } from './ofac-advanced.parse.ts';

type Handler = (entity: Entity, feature: AdvancedFeature, notes: string[]) => void;

/** ISO code of a resolved country: the file's ISO2 when given, else its name through OFAC's spellings. */
export function countryOf(country: ResolvedCountry, notes: string[]): CountryCode | undefined {
  if (country.iso2 !== undefined && /^[A-Za-z]{2}$/.test(country.iso2)) return countryCode(country.iso2);
  return ofacCountryCode(country.name, 'country', notes);
}

/**
 * Country features point to a location that holds either a LocationCountry or, as in the bundled file, only
 * a part of type "Unknown" whose value is the country name ("Russia", "Switzerland").
 */
const countryClaim =
  (role: CountryRole): Handler =>
  (entity, feature, notes) => {
    for (const location of feature.locations) {
      const codes =
        location.country !== undefined
          ? [countryOf(location.country, notes)]
          : location.parts.map((p) => ofacCountryCode(p.value, role, notes));
      for (const code of codes) if (code !== undefined) addCountry(entity, { code, role });
    }
  };

const property =
  (name: string): Handler =>
  (entity, feature) => {
    for (const text of feature.texts) setProperty(entity, name, text);
  };

const datesProperty =
  (name: string): Handler =>
  (entity, feature) => {
    for (const period of feature.periods)
      for (const date of periodDates(period)) setProperty(entity, name, date);
  };

const HANDLERS: Readonly<Record<string, Handler>> = {
  birthdate: (entity, feature, notes) => {
    for (const period of feature.periods) {
      const dates = periodDates(period);
      if (dates.length === 0) notes.push(`birth date ${period.from}…${period.to} is not a calendar date`);
      for (const date of dates) addUnique(entity.birthDates, date);
    }
  },
  'place of birth': (entity, feature) => {
    for (const text of feature.texts) addUnique(entity.birthPlaces, clean(text));
  },
  'nationality country': countryClaim('nationality'),
  'citizenship country': countryClaim('citizenship'),
  'nationality of registration': countryClaim('jurisdiction'),
  'vessel flag': countryClaim('flag'),
  location: (entity, feature, notes) => {
    for (const location of feature.locations) mapAddress(entity, location, notes);
  },
  gender: (entity, feature) => {
    const value = feature.references[0]?.toLowerCase();
    if (value === 'male' || value === 'female') entity.gender = value;
  },
  'vessel owner': (entity, feature) => {
    // Named, not referenced: matching links it to a listed party, if any.
    for (const owner of feature.texts)
      entity.relations.push({
        kind: 'ownership',
        role: 'owner',
        other: { name: clean(owner) },
        note: `Vessel Owner: ${clean(owner)}`,
      });
  },
  'vessel type': property('type'),
  'vessel tonnage': property('tonnage'),
  'vessel gross registered tonnage': property('grossRegisteredTonnage'),
  'organization established date': datesProperty('incorporationDate'),
  'vessel year of build': datesProperty('buildDate'),
  'aircraft manufacture date': datesProperty('buildDate'),
};

/** Adds one feature's values to the entity. */
export function mapFeature(entity: Entity, feature: AdvancedFeature, notes: string[]): void {
  const handler = HANDLERS[feature.type.toLowerCase()];
  if (handler !== undefined) return handler(entity, feature, notes);
  for (const value of [...feature.texts, ...feature.references]) {
    const segment = clean(`${feature.type} ${value}`);
    if (!applyFacts(entity, parseOfacRemarks(segment), notes)) addUnique(entity.remarks, segment);
  }
  for (const period of feature.periods)
    addUnique(entity.remarks, `${feature.type} ${periodDates(period).join(' / ')}`);
}

const STREET = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3'];

/** A location → an address (and a `country` claim); a location with no part and no country gives nothing. */
function mapAddress(entity: Entity, location: ResolvedLocation, notes: string[]): void {
  const part = (type: string): string =>
    clean(
      location.parts
        .filter((p) => p.type === type)
        .map((p) => p.value)
        .join(', '),
    );
  const street = clean(
    STREET.map(part)
      .filter((p) => p !== '')
      .join(', '),
  );
  const [city, region, postalCode] = [
    part('CITY'),
    part('STATE/PROVINCE') || part('REGION'),
    part('POSTAL CODE'),
  ];
  const code = location.country === undefined ? undefined : countryOf(location.country, notes);
  const countryName = code === undefined ? '' : (location.country?.name ?? '');
  addAddress(entity, { street, city, region, postalCode, countryName, code });
}
