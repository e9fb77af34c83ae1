// An entity as a trade.gov CSL API result (fields of the CSL search API / bulk JSON: id, source, entity_number,
// type, programs, name, title, addresses[{address, city, state, postal_code, country}], federal_register_notice,
// start_date, end_date, standard_order, license_requirement, license_policy, call_sign, vessel_type,
// gross_tonnage, gross_registered_tonnage, vessel_flag, vessel_owner, remarks, source_list_url, alt_names,
// citizenships, dates_of_birth, nationalities, places_of_birth, source_information_url, ids[{type, number,
// country, issue_date, expiration_date}]). CSL records keep their own values from the raw row.
import { caption, type Address, type Entity } from '../../domain/entity.ts';
import { countryFromName } from '../../sources/common/countries.ts';
import { cslCodesOf, cslSource } from './sources.ts';

export type CslType = 'Entity' | 'Individual' | 'Vessel' | 'Aircraft';

const TYPE: Readonly<Record<string, CslType>> = { Person: 'Individual', Vessel: 'Vessel', Airplane: 'Aircraft' };

/** The CSL `type` of an entity (BIS and State rows leave it empty in the CSL; we say Entity or Individual). */
export function cslType(schema: string): CslType {
  return TYPE[schema] ?? 'Entity';
}

function rawField(entity: Entity, ...names: string[]): string | null {
  const raw = entity.raw;
  if (typeof raw !== 'object' || raw === null) return null;
  for (const name of names) {
    const value = (raw as Record<string, unknown>)[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function first(values: readonly string[] | undefined): string | null {
  return values?.[0] ?? null;
}

function countriesWith(entity: Entity, role: string): string[] {
  return entity.countries.filter((c) => c.role === role).map((c) => c.code.toUpperCase());
}

function identifier(entity: Entity, type: string): string | null {
  return entity.identifiers.find((i) => i.type === type)?.value ?? null;
}

/**
 * A CSL row's address is one string ("555, Qianmo Road, …, Hangzhou, 310051, CN"), stored as `full` with only its
 * country split off: that string is the CSL's `address` (it was dropped, leaving `{"address": null, …}`), unless
 * it is nothing but a country ("Spain", "TR"), which the CSL gives as `country` alone.
 */
function cslAddress(a: Address) {
  const onlyCountry = countryFromName(a.full);
  const address =
    a.street ??
    (a.city === undefined && a.postalCode === undefined && onlyCountry === undefined ? a.full : null);
  return {
    address,
    city: a.city ?? null,
    state: a.region ?? null,
    postal_code: a.postalCode ?? null,
    country: (a.country ?? onlyCountry)?.toUpperCase() ?? null,
  };
}

export function cslResult(entity: Entity) {
  const isCsl = entity.listId === 'us_trade_csl';
  const code = cslCodesOf({ listId: entity.listId, subList: entity.listing.subList, programs: entity.programs })[0];
  const primary = caption(entity);
  const p = entity.properties;
  return {
    id: (isCsl ? rawField(entity, '_id', 'id') : null) ?? (entity.id as string),
    source: (isCsl ? rawField(entity, 'source') : null) ?? (code === undefined ? entity.listId : (cslSource(code)?.name ?? entity.listId)),
    entity_number: (isCsl ? rawField(entity, 'entity_number') : null) ?? (entity.listId.startsWith('us_ofac') ? (entity.sourceId as string) : null),
    type: cslType(entity.schema),
    programs: entity.programs,
    name: primary,
    title: rawField(entity, 'title') ?? first(p['position']),
    addresses: entity.addresses.map(cslAddress),
    federal_register_notice: entity.listing.citations.length > 0 ? entity.listing.citations.join('; ') : null,
    start_date: entity.listing.start ?? null,
    end_date: entity.listing.end ?? null,
    standard_order: rawField(entity, 'standard_order'),
    license_requirement: entity.listing.licenseRequirement ?? null,
    license_policy: entity.listing.licensePolicy ?? null,
    call_sign: identifier(entity, 'call_sign') ?? rawField(entity, 'call_sign'),
    vessel_type: rawField(entity, 'vessel_type') ?? first(p['type']),
    gross_tonnage: rawField(entity, 'gross_tonnage') ?? first(p['tonnage']),
    gross_registered_tonnage: rawField(entity, 'gross_registered_tonnage') ?? first(p['grossRegisteredTonnage']),
    vessel_flag: rawField(entity, 'vessel_flag') ?? (countriesWith(entity, 'flag')[0] ?? null),
    vessel_owner: rawField(entity, 'vessel_owner') ?? first(p['owner']),
    remarks: entity.remarks.length > 0 ? entity.remarks.join(' ') : null,
    source_list_url: rawField(entity, 'source_list_url'),
    alt_names: entity.names.filter((n) => n.value !== primary).map((n) => n.value),
    citizenships: countriesWith(entity, 'citizenship'),
    dates_of_birth: entity.birthDates,
    nationalities: countriesWith(entity, 'nationality'),
    places_of_birth: entity.birthPlaces,
    source_information_url: rawField(entity, 'source_information_url'),
    ids: entity.identifiers.map((i) => ({ type: i.label ?? i.type, number: i.value, country: i.country?.toUpperCase() ?? null, issue_date: null, expiration_date: null })),
  };
}

export type CslResult = ReturnType<typeof cslResult>;
