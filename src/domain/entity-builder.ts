// Helpers for mappers: build an Entity with every collection present and values de-duplicated.
import type { Entity, EntityName, Identifier, NameKind, Schema } from './entity.ts';
import { entityId, type IsoDate, type ListId, type SourceId } from './ids.ts';

/** A fresh entity with empty collections and status `current`. */
export function newEntity(list: ListId, source: SourceId, schema: Schema, raw: unknown): Entity {
  return {
    id: entityId(list, source),
    listId: list,
    sourceId: source,
    schema,
    names: [],
    addresses: [],
    countries: [],
    birthDates: [],
    birthPlaces: [],
    identifiers: [],
    programs: [],
    listing: { citations: [] },
    status: 'current',
    remarks: [],
    relations: [],
    properties: {},
    raw,
  };
}

/** Collapses whitespace; returns '' for null markers. */
export function clean(value: string | undefined | null): string {
  if (value === undefined || value === null) return '';
  return value.replace(/\s+/g, ' ').trim();
}

/** Adds a name unless the same value (case-insensitive) is already held. */
export function addName(entity: Entity, value: string, kind: NameKind, lang?: string): void {
  const v = clean(value);
  if (v === '') return;
  const key = v.toLowerCase();
  if (entity.names.some((n) => n.value.toLowerCase() === key)) return;
  const name: EntityName = lang === undefined ? { value: v, kind } : { value: v, kind, lang };
  entity.names.push(name);
}

export function addIdentifier(entity: Entity, id: Identifier): void {
  const v = clean(id.value);
  if (v === '') return;
  if (entity.identifiers.some((x) => x.type === id.type && x.value === v)) return;
  entity.identifiers.push({ ...id, value: v });
}

export function addUnique<T>(values: T[], value: T | undefined): void {
  if (value === undefined || value === '' || values.includes(value)) return;
  values.push(value);
}

/** Marks the listing ended when its end date is on or before `today` (ISO strings compare in order). */
export function applyEndDate(entity: Entity, end: IsoDate | undefined, today: string): void {
  if (end === undefined) return;
  entity.listing.end = end;
  if (end <= today) entity.status = 'ended';
}
