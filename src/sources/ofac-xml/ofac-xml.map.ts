// One classic OFAC XML <sdnEntry> → Entity. Element meanings per OFAC's sdnList.xsd (SDN.XML /
// CONSOLIDATED.XML); typed values ("Passport" + "A0181988", "DOB" text, remarks) go through the remark
// grammar of the legacy CSV format (ofac-csv/ofac-facts.ts), so every OFAC format reads them alike.
import { addIdentifier, addName, addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import type { Entity, NameKind, Schema } from '../../domain/entity.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import { childObjects, childText, childTexts, type XmlObject } from '../common/xml-object.ts';
import {
  addAddress,
  applyFacts,
  claimCountry,
  ofacCountryCode,
  parseOfacRemarks,
  setProperty,
} from '../ofac-csv/index.ts';

export type MappedEntry = { ok: true; entity: Entity; notes: string[] } | { ok: false; reason: string };

/** sdnType (SDN.XML) / nspType (non-SDN entries of CONSOLIDATED.XML) → schema. */
const SCHEMA_BY_TYPE: Readonly<Record<string, Schema>> = {
  individual: 'Person',
  entity: 'LegalEntity',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

/** Items of a wrapped list, e.g. every <aka> of <akaList>. */
function items(data: XmlObject, list: string, item: string): XmlObject[] {
  return childObjects(data, list).flatMap((wrapper) => childObjects(wrapper, item));
}

/** "firstName lastName" as OFAC prints individuals in running text ("Ahmed Nur Ali JIM'ALE"). */
function fullName(data: XmlObject): string {
  return clean([childText(data, 'firstName'), childText(data, 'lastName')].join(' '));
}

/** Maps one entry; an entry without a numeric uid or without a name is a bad record. */
export function mapOfacXmlEntry(data: XmlObject, list: ListId): MappedEntry {
  const uid = childText(data, 'uid');
  if (!/^\d+$/.test(uid)) return { ok: false, reason: `entry has no numeric <uid> ("${uid}"); skipped` };
  const name = fullName(data);
  if (name === '') return { ok: false, reason: `entry ${uid} has no <lastName>; skipped` };
  const notes: string[] = [];
  const type = (childText(data, 'sdnType') || childText(data, 'nspType')).toLowerCase();
  const schema = SCHEMA_BY_TYPE[type] ?? 'LegalEntity';
  if (SCHEMA_BY_TYPE[type] === undefined)
    notes.push(`entry type "${type}" is not Individual/Entity/Vessel/Aircraft; read as an entity`);
  const entity = newEntity(list, sourceId(uid), schema, data);
  addName(entity, name, 'primary');
  setProperty(entity, 'position', childText(data, 'title'));
  for (const wrapper of childObjects(data, 'programList'))
    for (const program of childTexts(wrapper, 'program')) addUnique(entity.programs, clean(program));
  mapAliases(entity, data, notes);
  for (const address of items(data, 'addressList', 'address')) mapAddress(entity, address, notes);
  for (const id of items(data, 'idList', 'id')) mapId(entity, id, notes);
  mapPersonal(entity, data, notes);
  mapVessel(entity, data, notes);
  const remarks = clean(childText(data, 'remarks'));
  if (remarks !== '') {
    entity.remarks.push(remarks);
    // The XML wraps some remarks in parentheses ("(Linked To: FERLAND COMPANY LIMITED)"); the CSV does not.
    applyFacts(entity, parseOfacRemarks(remarks.replace(/^\((.*)\)\.?$/, '$1')), notes);
  }
  return { ok: true, entity, notes };
}

/** <aka>: type a.k.a. / f.k.a. / n.k.a.; category weak → a weak alias (OFAC FAQ 123), strong → a full one. */
function mapAliases(entity: Entity, data: XmlObject, notes: string[]): void {
  for (const aka of items(data, 'akaList', 'aka')) {
    const type = childText(aka, 'type').toLowerCase();
    let kind: NameKind = type === 'f.k.a.' ? 'fka' : 'aka';
    if (!['a.k.a.', 'f.k.a.', 'n.k.a.'].includes(type)) notes.push(`alias type "${type}" read as a.k.a.`);
    if (childText(aka, 'category').toLowerCase() === 'weak') kind = 'weak';
    addName(entity, fullName(aka), kind);
  }
}

function mapAddress(entity: Entity, row: XmlObject, notes: string[]): void {
  const street = clean(
    ['address1', 'address2', 'address3']
      .map((f) => childText(row, f))
      .filter((p) => p !== '')
      .join(', '),
  );
  const city = clean(childText(row, 'city'));
  const region = clean(childText(row, 'stateOrProvince'));
  const postalCode = clean(childText(row, 'postalCode'));
  const countryName = clean(childText(row, 'country'));
  // An empty country gives no note, so resolving it before knowing whether there is an address is the same.
  const code = ofacCountryCode(countryName, 'address country', notes);
  addAddress(entity, { street, city, region, postalCode, countryName, code });
}

/**
 * <id>: idType + idNumber (+ idCountry) read as the remark "<idType> <idNumber> (<idCountry>)", which gives
 * typed identifiers, listing dates ("Listing Date (CMIC)") and properties (Website, Email Address …).
 * A type the grammar does not know stays as a remark ("Effective Date (CMIC) 09 Aug 2021").
 */
function mapId(entity: Entity, id: XmlObject, notes: string[]): void {
  const type = clean(childText(id, 'idType'));
  const number = clean(childText(id, 'idNumber'));
  if (number === '') return;
  const country = clean(childText(id, 'idCountry'));
  const segment = `${type} ${number}${country === '' ? '' : ` (${country})`}`;
  if (!applyFacts(entity, parseOfacRemarks(segment), notes)) addUnique(entity.remarks, `${type} ${number}`);
}

/** Birth dates and places, nationalities and citizenships (individuals). */
function mapPersonal(entity: Entity, data: XmlObject, notes: string[]): void {
  for (const item of items(data, 'dateOfBirthList', 'dateOfBirthItem')) {
    const text = clean(childText(item, 'dateOfBirth'));
    if (text !== '') applyFacts(entity, parseOfacRemarks(`DOB ${text}`), notes);
  }
  for (const item of items(data, 'placeOfBirthList', 'placeOfBirthItem'))
    addUnique(entity.birthPlaces, clean(childText(item, 'placeOfBirth')));
  for (const item of items(data, 'nationalityList', 'nationality'))
    claimCountry(entity, childText(item, 'country'), 'nationality', notes);
  for (const item of items(data, 'citizenshipList', 'citizenship'))
    claimCountry(entity, childText(item, 'country'), 'citizenship', notes);
}

/** <vesselInfo>: call sign, type, flag, owner, tonnage, GRT (the same fields as the CSV's vessel columns). */
function mapVessel(entity: Entity, data: XmlObject, notes: string[]): void {
  for (const info of childObjects(data, 'vesselInfo')) {
    addIdentifier(entity, { type: 'call_sign', value: childText(info, 'callSign'), label: 'Call Sign' });
    setProperty(entity, 'type', childText(info, 'vesselType'));
    setProperty(entity, 'tonnage', childText(info, 'tonnage'));
    setProperty(entity, 'grossRegisteredTonnage', childText(info, 'grossRegisteredTonnage'));
    claimCountry(entity, childText(info, 'vesselFlag'), 'flag', notes);
    const owner = clean(childText(info, 'vesselOwner'));
    // The owner is named, not referenced: matching links it to a listed party, if any.
    if (owner !== '')
      entity.relations.push({
        kind: 'ownership',
        role: 'owner',
        other: { name: owner },
        note: `Vessel Owner: ${owner}`,
      });
  }
}
