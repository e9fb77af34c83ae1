// Raw OFAC record → Entity. Column meanings per OFAC's SDN data specification (dat_spec.txt); the remarks
// mini-language is read by remarks.ts. Returns notes for what could not be placed (unknown country names …).
import type { Address, Entity, NameKind, Schema } from '../../domain/entity.ts';
import { addIdentifier, addName, addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import { ofacCountry } from './ofac-countries.ts';
import type { OfacAddressRow, OfacAliasRow, OfacRawRecord } from './ofac-csv.parse.ts';
import { addCountry, applyFacts, setProperty } from './ofac-facts.ts';
import { parseOfacRemarks } from './remarks.ts';

export interface MappedOfacRecord {
  entity: Entity;
  /** Things worth a `note` warning: values kept in remarks/raw but not understood. */
  notes: string[];
}

/** SDN_Type → schema; an empty SDN_Type ("-0- ") is an entity (company, group, bank …). */
const SCHEMA_BY_TYPE: Readonly<Record<string, Schema>> = {
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Airplane',
  '': 'LegalEntity',
};

/** Maps one joined OFAC record to an entity on `list`. */
export function mapOfacRecord(record: OfacRawRecord, list: ListId): MappedOfacRecord {
  const { primary } = record;
  const notes: string[] = [];
  const type = clean(primary.type).toLowerCase();
  const schema = SCHEMA_BY_TYPE[type] ?? 'LegalEntity';
  if (SCHEMA_BY_TYPE[type] === undefined) notes.push(`unknown SDN_Type "${primary.type}", read as an entity`);
  const raw = { primary, addresses: record.addresses, aliases: record.aliases, comments: record.comments };
  const entity = newEntity(list, sourceId(record.entNum), schema, raw);
  addName(entity, primary.name, 'primary');
  for (const program of splitPrograms(primary.program)) addUnique(entity.programs, program);
  setProperty(entity, 'position', primary.title);
  mapVessel(entity, record, notes);
  for (const row of record.addresses) mapAddress(entity, row, notes);
  for (const row of record.aliases) mapAlias(entity, row, notes);
  const remarks = clean(record.remarks);
  if (remarks !== '') {
    entity.remarks.push(remarks);
    applyFacts(entity, parseOfacRemarks(remarks), notes, 'remark');
  }
  return { entity, notes };
}

/** "SDGT] [NPWMD] [IFSR" → ["SDGT", "NPWMD", "IFSR"]: OFAC prints programs as "[A] [B]" minus the outer brackets. */
export function splitPrograms(program: string): string[] {
  return program
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter((p) => p !== '');
}

/** Vessel columns (Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner); empty for other types. */
function mapVessel(entity: Entity, { primary }: OfacRawRecord, notes: string[]): void {
  addIdentifier(entity, { type: 'call_sign', value: primary.callSign, label: 'Call Sign' });
  setProperty(entity, 'type', primary.vesselType);
  setProperty(entity, 'tonnage', primary.tonnage);
  setProperty(entity, 'grossRegisteredTonnage', primary.grt);
  const flag = ofacCountry(primary.vesselFlag);
  if (flag === 'unknown') notes.push(`vessel flag "${clean(primary.vesselFlag)}" is not a known country`);
  else if (flag !== 'none') addCountry(entity, { code: flag.code, role: 'flag' });
  const owner = clean(primary.vesselOwner);
  if (owner !== '') entity.relations.push({ kind: 'ownership', role: 'owner', other: { name: owner } });
}

function mapAddress(entity: Entity, row: OfacAddressRow, notes: string[]): void {
  const street = clean(row.address);
  const city = clean(row.cityStatePostal);
  const countryName = clean(row.country);
  const full = [street, city, countryName].filter((p) => p !== '').join(', ');
  if (full === '') return;
  const address: Address = { full };
  if (street !== '') address.street = street;
  if (city !== '') address.city = city;
  const country = ofacCountry(countryName);
  if (country === 'unknown') notes.push(`address country "${countryName}" is not a known country`);
  else if (country !== 'none') {
    address.country = country.code;
    addCountry(entity, { code: country.code, role: 'country' });
  }
  entity.addresses.push(address);
}

/** alt_type aka → aka, fka → fka, nka ("now known as") → aka with a remark saying so. */
function mapAlias(entity: Entity, row: OfacAliasRow, notes: string[]): void {
  const name = clean(row.name);
  const type = clean(row.type).toLowerCase();
  const altRemarks = clean(row.remarks);
  let kind: NameKind = type === 'fka' ? 'fka' : 'aka';
  if (type === 'nka') entity.remarks.push(`n.k.a. ${name}`);
  else if (type !== 'aka' && type !== 'fka')
    notes.push(`alias type "${row.type}" of "${name}" read as a.k.a.`);
  if (/\bweak\b/i.test(altRemarks)) kind = 'weak';
  if (altRemarks !== '') entity.remarks.push(`${name}: ${altRemarks}`);
  addName(entity, name, kind);
}
