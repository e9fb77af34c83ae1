// Raw Covered List rows → entities: one Company per named producer/provider (source id: its name key,
// common/name-key.ts), or, for an entry that covers a category of equipment and names no party, one Thing
// (kept as a record of the list, never screened). The full description is kept as a remark.
import { addName, addUnique, newEntity } from '../../domain/entity-builder.ts';
import type { Entity } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { addProperty } from '../common/entity-props.ts';
import { monthNameDate } from '../common/list-dates.ts';
import { nameKey } from '../common/name-key.ts';
import type { ImportWarning } from '../types.ts';
import { categoryLabel, coveredParties } from './fcc-covered.parties.ts';
import type { FccRow } from './fcc-covered.parse.ts';

/** The statute every entry is listed under. */
export const FCC_PROGRAM = 'Secure and Trusted Communications Networks Act of 2019 (47 U.S.C. §1601)';

export interface MapResult {
  entities: Entity[];
  warnings: ImportWarning[];
}

interface InclusionDate {
  start?: IsoDate;
  updated: IsoDate[];
  unreadable: string[];
}

/**
 * "December 22, 2025Updated:January 7, 2026Updated:…": the scraped cell runs the inclusion date and each
 * later update together; the first is the inclusion (listing start), the rest are update dates.
 */
export function inclusionDate(cell: string): InclusionDate {
  const [first = '', ...rest] = cell.split(/\s*Updated:\s*/i);
  const result: InclusionDate = { updated: [], unreadable: [] };
  const start = monthNameDate(first);
  if (start !== undefined) result.start = start;
  else if (first.trim() !== '') result.unreadable.push(first.trim());
  for (const text of rest) {
    const date = monthNameDate(text);
    if (date === undefined) result.unreadable.push(text.trim());
    else result.updated.push(date);
  }
  return result;
}

/** Maps one entry to its parties (or its category Thing). */
export function mapFccRow(row: FccRow, list: ListId): MapResult {
  const warnings: ImportWarning[] = [];
  const note = (reason: string): void => void warnings.push({ file: row.file, line: row.line, reason, severity: 'note' });
  const date = inclusionDate(row.date);
  for (const text of date.unreadable) note(`date "${text}" not recognised; ignored`);
  if (date.updated.length > 0) note(`entry updated on ${date.updated.join(', ')} (kept in properties.updatedDate)`);
  const parties = coveredParties(row.text);
  if (parties.length === 0) note('entry covers a category of equipment and names no producer; kept as a Thing, not screened');
  const entities = parties.length === 0 ? [categoryThing(row, list)] : parties.map((p) => partyEntity(row, list, p.name, p.whollyOwnedBy));
  for (const entity of entities) {
    if (date.start !== undefined) entity.listing.start = date.start;
    for (const d of date.updated) addProperty(entity, 'updatedDate', d);
  }
  return { entities, warnings };
}

function partyEntity(row: FccRow, list: ListId, name: string, owner: string | undefined): Entity {
  const entity = newEntity(list, sourceId(nameKey(name)), 'Company', row);
  addName(entity, name, 'primary');
  entity.programs.push(FCC_PROGRAM);
  entity.remarks.push(row.text);
  addProperty(entity, 'coveredEquipment', row.text);
  if (owner !== undefined) {
    // "wholly-owned subsidiary": the owner holds 100 %.
    entity.relations.push({ kind: 'ownership', role: 'owner', other: { name: owner }, share: [1, 1], note: `wholly-owned subsidiary of ${owner}` });
  }
  return entity;
}

function categoryThing(row: FccRow, list: ListId): Entity {
  const label = categoryLabel(row.text);
  const entity = newEntity(list, sourceId(`category-${nameKey(label, 60)}`), 'Thing', row);
  addName(entity, label, 'primary');
  entity.programs.push(FCC_PROGRAM);
  entity.remarks.push(row.text);
  addProperty(entity, 'coveredEquipment', row.text);
  return entity;
}

/** Folds a second entry for the same party into the first: earliest start, all descriptions kept. */
export function mergeFccEntity(into: Entity, other: Entity): void {
  for (const remark of other.remarks) addUnique(into.remarks, remark);
  for (const [name, values] of Object.entries(other.properties)) for (const v of values) addProperty(into, name, v);
  const start = [into.listing.start, other.listing.start].filter((d): d is IsoDate => d !== undefined).sort()[0];
  if (start !== undefined) into.listing.start = start;
}
