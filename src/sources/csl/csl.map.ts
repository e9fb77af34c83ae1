// One CSL record (from the CSV or the JSON form) → Entity.
import type { Address, CountryRole, Entity, Gender, PartySchema } from '../../domain/entity.ts';
import {
  addIdentifier,
  addName,
  addUnique,
  applyEndDate,
  clean,
  newEntity,
} from '../../domain/entity-builder.ts';
import { isIsoDate, sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';
import { citations } from '../common/fr-citations.ts';
import { cslDate } from './csl-dates.ts';
import { idRule } from './csl-ids.ts';
import { parseCslName } from './csl-names.ts';
import type { CslItem, CslRecord } from './csl-record.ts';
import { cslSubList } from './csl-sources.ts';

export type CslMapResult = { ok: true; entity: Entity; notes: string[] } | { ok: false; reason: string };

interface Ctx {
  entity: Entity;
  notes: string[];
}

/**
 * CSL `type` → schema. BIS and State rows leave `type` empty (they list people and firms alike), so an empty or
 * unknown type is LegalEntity, FtM's schema for "a person or an organisation".
 */
const SCHEMA: Readonly<Record<string, PartySchema>> = {
  individual: 'Person',
  entity: 'LegalEntity',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

/** Longest id `sourceId()` accepts; a longer `_id` is a damaged row, not a reason to stop the import. */
const MAX_ID_LENGTH = 200;

const GENDER: Readonly<Record<string, Gender>> = { male: 'male', female: 'female' };

/**
 * Treasury rows use OFAC's entity number as `_id`, and a party on two OFAC lists appears once per list with the
 * same `_id` (csl.csv: 7 such pairs, e.g. 17014 on SSI and NS-MBS, 9647 on SDN and PLC). To keep ids unique and
 * independent of row order, rows of the non-SDN Treasury lists get the sub-list code as a suffix ("17014-SSI");
 * SDN rows and the other agencies' rows (unique hashes) keep the bare `_id`.
 */
const SUFFIXED_SUB_LISTS: ReadonlySet<string> = new Set(['SSI', 'FSE', 'PLC', 'CMIC', 'MBS', 'CAP']);

export function cslSourceId(id: string, subList: string | undefined): string {
  return subList !== undefined && SUFFIXED_SUB_LISTS.has(subList) ? `${id}-${subList}` : id;
}

/** Maps one record; a record without `_id` or name is a bad record. */
export function mapCslRecord(item: CslItem, list: ListId, today: string): CslMapResult {
  const { record } = item;
  if (record.id === '') return { ok: false, reason: 'record without _id' };
  if (record.id.length > MAX_ID_LENGTH)
    return { ok: false, reason: `_id longer than ${MAX_ID_LENGTH} characters` };
  if (clean(record.name) === '') return { ok: false, reason: `record ${record.id} has no name` };
  const schema = SCHEMA[record.type.toLowerCase()] ?? 'LegalEntity';
  const id = cslSourceId(record.id, cslSubList(record.source));
  const ctx: Ctx = { entity: newEntity(list, sourceId(id), schema, item.raw), notes: [] };
  mapNames(ctx, record);
  mapListing(ctx, record, today);
  mapPlaces(ctx, record);
  mapBirth(ctx, record);
  mapIds(ctx, record);
  mapVessel(ctx, record);
  mapProperties(ctx.entity, record);
  return { ok: true, entity: ctx.entity, notes: ctx.notes };
}

function mapNames(ctx: Ctx, record: CslRecord): void {
  const { entity } = ctx;
  const name = parseCslName(record.name);
  addName(entity, name.primary, 'primary');
  for (const alias of name.aliases) addName(entity, alias.value, alias.kind);
  for (const alt of record.altNames) addName(entity, alt, 'aka');
  if (name.rewritten) entity.remarks.push(`Listed as "${clean(record.name)}"`);
  if (name.parent !== undefined) {
    entity.relations.push({
      kind: 'ownership',
      role: 'owner',
      other: { name: name.parent },
      note: `Parent Organization: ${name.parent}`,
    });
  }
}

function addProperty(entity: Entity, name: string, value: string): void {
  const v = clean(value);
  if (v === '') return;
  const values = (entity.properties[name] ??= []);
  addUnique(values, v);
}

function listingDate(ctx: Ctx, value: string, field: string): IsoDate | undefined {
  if (value === '') return undefined;
  if (isIsoDate(value)) return value as IsoDate;
  ctx.notes.push(`${field} "${value}" is not a date`);
  return undefined;
}

/** source → sub-list; start/end dates; Federal Register citations; BIS licence requirement and policy. */
function mapListing(ctx: Ctx, record: CslRecord, today: string): void {
  const { entity } = ctx;
  const subList = cslSubList(record.source);
  if (subList !== undefined) entity.listing.subList = subList;
  else ctx.notes.push(`source "${record.source}" is not a known CSL source list`);
  for (const program of record.programs) addUnique(entity.programs, program);
  const start = listingDate(ctx, record.startDate, 'start_date');
  if (start !== undefined) entity.listing.start = start;
  applyEndDate(entity, listingDate(ctx, record.endDate, 'end_date'), today);
  for (const citation of citations(record.federalRegisterNotice))
    addUnique(entity.listing.citations, citation);
  if (record.licenseRequirement !== '') entity.listing.licenseRequirement = record.licenseRequirement;
  if (record.licensePolicy !== '') entity.listing.licensePolicy = record.licensePolicy;
  addUnique(entity.remarks, clean(record.remarks) || undefined);
}

function addCountry(ctx: Ctx, value: string, role: CountryRole, field: string): void {
  const v = clean(value);
  if (v === '') return;
  const code = countryFromName(v);
  if (code === undefined) {
    ctx.notes.push(`${field} "${v}" is not a recognised country`);
    return;
  }
  if (!ctx.entity.countries.some((c) => c.code === code && c.role === role))
    ctx.entity.countries.push({ code, role });
}

/** Addresses (their country also as a `country` claim), citizenships and nationalities. */
function mapPlaces(ctx: Ctx, record: CslRecord): void {
  for (const a of record.addresses) {
    const address: Address = { full: clean(a.full) };
    if (a.address !== undefined) address.street = a.address;
    if (a.city !== undefined) address.city = a.city;
    if (a.state !== undefined) address.region = a.state;
    if (a.postalCode !== undefined) address.postalCode = a.postalCode;
    // The CSV's last address part is usually the country code; when it is a postal code or a city, no country.
    const country = a.country === undefined ? undefined : countryFromName(a.country);
    if (country !== undefined) {
      address.country = country;
      addCountry(ctx, country, 'country', 'addresses');
    }
    ctx.entity.addresses.push(address);
  }
  for (const c of record.citizenships) addCountry(ctx, c, 'citizenship', 'citizenships');
  for (const c of record.nationalities) addCountry(ctx, c, 'nationality', 'nationalities');
}

function mapBirth(ctx: Ctx, record: CslRecord): void {
  for (const text of record.datesOfBirth) {
    const date = cslDate(text);
    if (date === undefined) ctx.notes.push(`dates_of_birth "${text}" is not a date`);
    addUnique(ctx.entity.birthDates, date);
  }
  for (const place of record.placesOfBirth) addUnique(ctx.entity.birthPlaces, clean(place) || undefined);
}

/** `ids` entries: identifiers, or facts and statements according to their type (csl-ids.ts). */
function mapIds(ctx: Ctx, record: CslRecord): void {
  const { entity } = ctx;
  for (const id of record.ids) {
    const rule = idRule(id.type);
    if (rule.kind === 'identifier') {
      const country = id.country === undefined ? undefined : countryFromName(id.country);
      addIdentifier(entity, {
        type: rule.type,
        value: id.number,
        label: id.type,
        ...(country ? { country } : {}),
      });
    } else if (rule.kind === 'property') addProperty(entity, rule.name, id.number);
    else if (rule.kind === 'name') addName(entity, id.number, 'aka');
    else if (rule.kind === 'country') addCountry(ctx, id.number, rule.role, `ids ${id.type}`);
    else if (rule.kind === 'note') addProperty(entity, 'notes', `${id.type} ${id.number}`);
    else {
      const gender = GENDER[id.number.toLowerCase()];
      if (gender !== undefined) entity.gender = gender;
    }
  }
}

/** OFAC vessel columns: call sign (identifier), flag (country), type and tonnage, owner (a relation). */
function mapVessel(ctx: Ctx, record: CslRecord): void {
  const { entity } = ctx;
  addIdentifier(entity, { type: 'call_sign', value: record.callSign, label: 'call_sign' });
  addCountry(ctx, record.vesselFlag, 'flag', 'vessel_flag');
  addProperty(entity, 'type', record.vesselType);
  addProperty(entity, 'tonnage', record.grossTonnage);
  addProperty(entity, 'grossRegisteredTonnage', record.grossRegisteredTonnage);
  const owner = clean(record.vesselOwner);
  if (owner !== '') {
    entity.relations.push({
      kind: 'ownership',
      role: 'owner',
      other: { name: owner },
      note: `Vessel owner: ${owner}`,
    });
  }
}

/** Columns kept as properties: title (a position, e.g. "Director of …"), OFAC entity number, order, URLs. */
function mapProperties(entity: Entity, record: CslRecord): void {
  addProperty(entity, 'position', record.title);
  addProperty(entity, 'entityNumber', record.entityNumber);
  addProperty(entity, 'standardOrder', record.standardOrder);
  addProperty(entity, 'sourceUrl', record.sourceInformationUrl);
  addProperty(entity, 'sourceUrl', record.sourceListUrl);
}
