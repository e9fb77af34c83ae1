// Entity → EntityCard: the part of a listed party that matching scores and reports (plain data, so it can
// cross a worker boundary by structured clone without the raw source record).
import { caption, isPartySchema, type Entity } from '../../domain/entity.ts';
import type { EntityCard } from '../types.ts';

/** Identifier values compare without case, spaces or punctuation ("AB 12-34" = "ab1234"). */
export function identifierKey(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Whether an entity is screened: a current listing of a party schema. */
export function isScreenable(entity: Entity): boolean {
  return entity.status === 'current' && isPartySchema(entity.schema) && entity.names.length > 0;
}

function countriesOf(entity: Entity): string[] {
  const set = new Set<string>();
  for (const c of entity.countries) set.add(c.code);
  for (const a of entity.addresses) if (a.country !== undefined) set.add(a.country);
  return [...set];
}

/** The card of a screenable entity. */
export function toCard(entity: Entity): EntityCard {
  if (!isPartySchema(entity.schema))
    throw new TypeError(`${entity.id} has non-party schema ${entity.schema}`);
  const card: EntityCard = {
    id: entity.id,
    listId: entity.listId,
    sourceId: entity.sourceId,
    schema: entity.schema,
    caption: caption(entity),
    names: entity.names.map((n) => n.value),
    nameKinds: entity.names.map((n) => n.kind),
    birthDates: [...entity.birthDates],
    countries: countriesOf(entity),
    identifiers: entity.identifiers
      .map((i) => ({ type: i.type, value: i.value, key: identifierKey(i.value) }))
      .filter((i) => i.key.length >= 4),
    programs: [...entity.programs],
  };
  if (entity.gender !== undefined) card.gender = entity.gender;
  if (entity.listing.subList !== undefined) card.subList = entity.listing.subList;
  return card;
}
