// Raw FSF entries → entities, one per <sanctionEntity>; source id = its logicalId (the Commission's id of the
// entry, stable across files). subjectType code person → Person, enterprise → Organization. The first strong
// name is the primary name; nameAlias strong="false" → weak. The listing starts at designationDate; when
// that is absent, at the earliest entryIntoForceDate of the entity's regulations.
import { addIdentifier, addName, addUnique, newEntity } from '../../domain/entity-builder.ts';
import type { Address, Entity, IdentifierType, PartySchema } from '../../domain/entity.ts';
import { countryCode, sourceId, type CountryCode, type IsoDate, type ListId } from '../../domain/ids.ts';
import { addProperty } from '../common/entity-props.ts';
import { isoLikeDate, makeDate } from '../common/list-dates.ts';
import { countryFromNationality } from '../common/nationalities.ts';
import type { ImportWarning } from '../types.ts';
import type { Attrs, FsfEntry } from './eu-fsf.parse.ts';

const SCHEMA: Readonly<Record<string, PartySchema>> = { person: 'Person', enterprise: 'Organization' };
/** identificationTypeCode → identifier type (codes as used in the published file; others → national_id/other). */
const ID_TYPE: Readonly<Record<string, IdentifierType>> = {
  passport: 'passport', id: 'national_id', nationcert: 'national_id', ssn: 'national_id', regnumber: 'registration',
  fiscalcode: 'tax', swiftbic: 'swift_bic', imo: 'imo',
};

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

/** Maps one <sanctionEntity>. */
export function mapEuFsf(entry: FsfEntry, list: ListId): MapResult {
  const bad = (reason: string): MapResult => ({ warnings: [{ file: entry.file, line: entry.line, reason, severity: 'bad_record' }] });
  const logicalId = entry.attrs['logicalId'] ?? '';
  if (logicalId === '') return bad('sanctionEntity has no logicalId; skipped');
  const schema = SCHEMA[entry.subjectType ?? ''];
  if (schema === undefined) return bad(`sanctionEntity ${logicalId}: subjectType "${entry.subjectType ?? ''}" is not person or enterprise; skipped`);
  const entity = newEntity(list, sourceId(logicalId), schema, entry);
  addNames(entity, entry.names);
  if (entity.names.length === 0) return bad(`sanctionEntity ${logicalId} has no name; skipped`);
  for (const birth of entry.birthdates) addBirth(entity, birth);
  for (const c of entry.citizenships) addCountry(entity, c, 'nationality');
  for (const a of entry.addresses) addAddress(entity, a);
  for (const id of entry.identifications) addId(entity, id);
  addListing(entity, entry);
  return { entity, warnings: [] };
}

function addNames(entity: Entity, names: readonly Attrs[]): void {
  const whole = (n: Attrs): string => n['wholeName'] || [n['firstName'], n['middleName'], n['lastName']].filter((v) => v).join(' ');
  const strong = (n: Attrs): boolean => n['strong'] !== 'false';
  const primary = names.find((n) => strong(n) && whole(n) !== '');
  if (primary !== undefined) addName(entity, whole(primary), 'primary', lang(primary));
  for (const n of names) {
    addName(entity, whole(n), strong(n) ? 'aka' : 'weak', lang(n));
    addProperty(entity, 'title', n['title']);
    addProperty(entity, entity.schema === 'Person' ? 'position' : 'notes', n['function']);
    if (n['gender'] === 'M') entity.gender = 'male';
    if (n['gender'] === 'F') entity.gender = 'female';
  }
}

function lang(name: Attrs): string | undefined {
  const code = (name['nameLanguage'] ?? '').toLowerCase();
  return /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

/** countryIso2Code unless empty or the file's "00" (unknown), else countryDescription. */
function country(attrs: Attrs): CountryCode | undefined {
  const iso = attrs['countryIso2Code'] ?? '';
  if (/^[A-Za-z]{2}$/.test(iso) && iso !== '00') return countryCode(iso === 'CS' ? 'RS' : iso);
  const description = attrs['countryDescription'] ?? '';
  return description === '' || description === 'UNKNOWN' ? undefined : countryFromNationality(description);
}

function addCountry(entity: Entity, attrs: Attrs, role: 'nationality' | 'country'): void {
  const code = country(attrs);
  if (code !== undefined && !entity.countries.some((c) => c.code === code && c.role === role)) entity.countries.push({ code, role });
}

function addBirth(entity: Entity, b: Attrs): void {
  const num = (k: string): number | undefined => (b[k] ? Number(b[k]) : undefined);
  const year = num('year');
  const date = isoLikeDate(b['birthdate'] ?? '') ?? (year === undefined ? undefined : makeDate(year, num('monthOfYear'), num('dayOfMonth')));
  if (date !== undefined) addUnique(entity.birthDates, date);
  const description = b['countryDescription'] === 'UNKNOWN' ? undefined : b['countryDescription'];
  const place = [b['place'], b['city'], b['region'], description].filter((v) => v).join(', ');
  addUnique(entity.birthPlaces, place || undefined);
}

function addAddress(entity: Entity, a: Attrs): void {
  const code = country(a);
  const parts = [a['street'], a['poBox'], a['zipCode'], a['city'], a['place'], a['region'], a['countryDescription'] === 'UNKNOWN' ? '' : a['countryDescription']];
  const full = parts.filter((v) => v).join(', ');
  if (full === '' || entity.addresses.some((x) => x.full === full)) return;
  const address: Address = { full };
  if (a['street']) address.street = a['street'];
  if (a['city']) address.city = a['city'];
  if (a['region']) address.region = a['region'];
  if (a['zipCode']) address.postalCode = a['zipCode'];
  if (code !== undefined) address.country = code;
  entity.addresses.push(address);
  addCountry(entity, a, 'country');
}

function addId(entity: Entity, id: Attrs): void {
  const value = id['number'] || id['latinNumber'] || '';
  const type = ID_TYPE[id['identificationTypeCode'] ?? ''] ?? 'other';
  const code = country(id);
  const label = id['identificationTypeDescription'] || id['identificationTypeCode'];
  addIdentifier(entity, { type, value, ...(label ? { label } : {}), ...(code === undefined ? {} : { country: code }) });
}

function addListing(entity: Entity, entry: FsfEntry): void {
  const inForce: IsoDate[] = [];
  for (const r of entry.regulations) {
    addUnique(entity.programs, r['programme'] || undefined);
    addUnique(entity.listing.citations, r['numberTitle'] || undefined);
    addProperty(entity, 'sourceUrl', r['publicationUrl']);
    const date = isoLikeDate(r['entryIntoForceDate'] ?? '');
    if (date !== undefined) inForce.push(date);
  }
  const start = isoLikeDate(entry.attrs['designationDate'] ?? '') ?? inForce.sort()[0];
  if (start !== undefined) entity.listing.start = start;
  addProperty(entity, 'euReferenceNumber', entry.attrs['euReferenceNumber']);
  addProperty(entity, 'unscId', entry.attrs['unitedNationId']);
  addUnique(entity.remarks, entry.attrs['designationDetails'] || undefined);
  for (const remark of entry.remarks) addUnique(entity.remarks, remark);
}
