// A resolved SDN_ADVANCED party (ofac-advanced.parse.ts) → Entity. Names by alias type; features by
// feature type name (advanced.features.ts); documents through the OFAC remark grammar shared with the other
// OFAC formats; entries → programs, listing start and sub-list; relations → claims on this (the FROM) party.
import { addName, addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import type { Entity, NameKind, RelationClaim, Schema } from '../../domain/entity.ts';
import { entityId, isIsoDate, sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { applyFacts, parseOfacRemarks, setProperty } from '../ofac-csv/index.ts';
import { countryOf, mapFeature } from './advanced.features.ts';
import type { ResolvedDocument } from './advanced.resolve.ts';
import type { AdvancedName, AdvancedParty } from './ofac-advanced.parse.ts';

export type MappedParty = { ok: true; entity: Entity; notes: string[] } | { ok: false; reason: string };

/** List names (ListValues) → the sub-list codes the CSL and the matching filters use (lists.ts). */
const SUB_LIST_BY_NAME: Readonly<Record<string, string>> = {
  'SDN List': 'SDN',
  'Sectoral Sanctions Identifications List': 'SSI',
  'FSE List': 'FSE',
  'Non-SDN Palestinian Legislative Council List': 'PLC',
  'CAPTA List': 'CAP',
  'NS-MBS List': 'MBS',
  'Non-SDN Menu-Based Sanctions List': 'MBS',
  'Non-SDN Chinese Military-Industrial Complex Companies List': 'CMIC',
};

/** Maps one party; a party without a numeric FixedRef or without a name is a bad record. */
export function mapAdvancedParty(party: AdvancedParty, list: ListId): MappedParty {
  if (!/^\d+$/.test(party.fixedRef))
    return { ok: false, reason: `DistinctParty has no numeric FixedRef ("${party.fixedRef}"); skipped` };
  if (!party.names.some((n) => n.value !== ''))
    return { ok: false, reason: `party ${party.fixedRef} has no name; skipped` };
  const notes: string[] = [];
  const entity = newEntity(list, sourceId(party.fixedRef), schemaOf(party, notes), party);
  mapNames(entity, party.names);
  for (const feature of party.features) mapFeature(entity, feature, notes);
  for (const doc of party.documents) mapDocument(entity, doc, notes);
  mapEntries(entity, party);
  for (const relation of relationClaims(party, list, notes)) entity.relations.push(relation);
  const comment = clean(party.comment);
  if (comment !== '') {
    entity.remarks.push(comment);
    applyFacts(entity, parseOfacRemarks(comment), notes);
  }
  return { ok: true, entity, notes };
}

/** PartyType / PartySubType: Individual → Person, Transport Vessel/Aircraft → Vessel/Airplane, Entity → LegalEntity. */
function schemaOf(party: AdvancedParty, notes: string[]): Schema {
  if (party.partyType === 'Individual') return 'Person';
  if (party.partySubType === 'Vessel') return 'Vessel';
  if (party.partySubType === 'Aircraft') return 'Airplane';
  if (party.partyType !== 'Entity')
    notes.push(`party type "${party.partyType}/${party.partySubType}" read as an entity`);
  // OFAC does not say whether an entity is a company, a government body or a group (as in its other formats).
  return 'LegalEntity';
}

/** Alias type "Name" + Primary → primary; A.K.A./N.K.A. → aka; F.K.A. → fka; LowQuality → weak (FAQ 123). */
function nameKind(name: AdvancedName): NameKind {
  if (name.lowQuality) return 'weak';
  if (name.script !== '' && name.script !== 'Latin') return 'original';
  if (name.primary) return 'primary';
  return name.aliasType === 'F.K.A.' ? 'fka' : 'aka';
}

function mapNames(entity: Entity, names: readonly AdvancedName[]): void {
  // Primary first, so that the caption is the primary name whatever the document order.
  const ordered = [...names].sort(
    (a, b) => Number(nameKind(b) === 'primary') - Number(nameKind(a) === 'primary'),
  );
  for (const name of ordered) addName(entity, name.value, nameKind(name));
  const primary = names.find((n) => nameKind(n) === 'primary');
  for (const part of primary?.parts ?? []) {
    if (part.type === 'First Name') setProperty(entity, 'firstName', part.value);
    else if (part.type === 'Last Name') setProperty(entity, 'lastName', part.value);
    else if (part.type === 'Middle Name') setProperty(entity, 'middleName', part.value);
    else if (part.type === 'Patronymic') setProperty(entity, 'fatherName', part.value);
  }
}

/** "<type> <number>" through the OFAC remark grammar; the issuing country comes from the file's ISO code. */
function mapDocument(entity: Entity, doc: ResolvedDocument, notes: string[]): void {
  const number = clean(doc.number);
  if (number === '') return;
  const facts = parseOfacRemarks(`${doc.type} ${number}`);
  const country = doc.country === undefined ? undefined : countryOf(doc.country, notes);
  for (const id of facts.identifiers) if (country !== undefined) id.country = country;
  if (!applyFacts(entity, facts, notes)) addUnique(entity.remarks, `${doc.type} ${number}`);
  if (doc.validity === 'Fraudulent') addUnique(entity.remarks, `${doc.type} ${number} is fraudulent`);
}

/** Programs from every entry; the listing starts with the earliest entry; sub-list from the specific list. */
function mapEntries(entity: Entity, party: AdvancedParty): void {
  const dates: IsoDate[] = [];
  for (const entry of party.entries) {
    for (const program of entry.programs) addUnique(entity.programs, clean(program));
    for (const measure of entry.measures) setProperty(entity, 'provisions', measure);
    if (isIsoDate(entry.date)) dates.push(entry.date as IsoDate);
    const code = SUB_LIST_BY_NAME[entry.list];
    if (code !== undefined && entity.listing.subList === undefined) entity.listing.subList = code;
  }
  const start = dates.sort()[0];
  if (start !== undefined) entity.listing.start = start;
}

/**
 * ProfileRelationships whose FROM is this party. "Owned or Controlled By" does not say which of the two it
 * is, and ownership claims feed the 50 % rules, so it becomes kind `control` (no share) unless the file
 * states a share (the schema has no share attribute); the other party is its owner/controller.
 */
function relationClaims(party: AdvancedParty, list: ListId, notes: string[]): RelationClaim[] {
  const claims: RelationClaim[] = [];
  for (const r of party.relations) {
    if (r.toFixedRef === undefined) {
      notes.push(`relation "${r.type}" points to profile ${r.toProfile}, which is not in this file; dropped`);
      continue;
    }
    const other = { entityId: entityId(list, sourceId(r.toFixedRef)) };
    const note = r.former ? `${r.type} (former)` : r.type;
    // A former relation no longer binds: kept as a plain association, never as control.
    if (r.former) claims.push({ kind: 'other', role: 'related', other, note });
    else if (/^owned or controlled by$/i.test(r.type))
      claims.push({ kind: 'control', role: 'owner', other, note });
    else claims.push({ kind: relationKind(r.type), role: 'related', other, note });
  }
  return claims;
}

function relationKind(type: string): RelationClaim['kind'] {
  if (/family/i.test(type)) return 'family';
  if (/associate/i.test(type)) return 'associate';
  return 'other';
}
