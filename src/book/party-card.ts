// A party seen by the matching engine: as a query (book screening: each party against the list index) and as an
// index card (the reverse index: the book indexed like a list, so that a listed entity can be looked up in it).
import type { Entity, PartySchema } from '../domain/entity.ts';
import { caption } from '../domain/entity.ts';
import type { EntityId, ListId, SourceId } from '../domain/ids.ts';
import type { EntityCard, ScreenQuery } from '../matching/index.ts';
import type { IdentifierType } from '../domain/entity.ts';
import type { PartyRecord } from '../store/index.ts';

/** The pseudo list id of party cards in the reverse index (never a real list: not snake_case with an authority). */
export const BOOK_LIST = 'book' as ListId;
const PREFIX = `${BOOK_LIST}:`;

/** The engine's query for a party. */
export function partyQuery(p: PartyRecord): ScreenQuery {
  return {
    name: p.name,
    schema: p.schema,
    ...(p.country === undefined ? {} : { country: p.country }),
    ...(p.identifiers.length === 0 ? {} : { id: p.identifiers }),
  };
}

/** Identifier values compare without case, spaces or punctuation (as src/matching/index/cards.ts does). */
function identifierKey(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function splitId(text: string): { type: IdentifierType; value: string } {
  const colon = text.indexOf(':');
  return { type: text.slice(0, colon) as IdentifierType, value: text.slice(colon + 1) };
}

/** The reverse index's card of a party: id `book:<party_id>`. */
export function partyCard(p: PartyRecord): EntityCard {
  return {
    id: `${PREFIX}${p.partyId}` as EntityId,
    listId: BOOK_LIST,
    sourceId: p.partyId as SourceId,
    schema: p.schema as PartySchema,
    caption: p.name,
    names: [p.name],
    nameKinds: ['primary'],
    birthDates: [],
    countries: p.country === undefined ? [] : [p.country],
    identifiers: p.identifiers
      .map(splitId)
      .map((i) => ({ ...i, key: identifierKey(i.value) }))
      .filter((i) => i.key.length >= 4),
    programs: [],
  };
}

/** The party id of a reverse-index card id. */
export function partyIdOfCard(id: string): string {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

/** The queries that look a listed entity up in the reverse index: one per name, with its evidence. */
export function entityQueries(e: Entity): ScreenQuery[] {
  const country = e.countries[0]?.code ?? e.addresses.find((a) => a.country !== undefined)?.country;
  const ids = e.identifiers
    .map((i) => `${i.type}:${i.value}`)
    .filter((i) => identifierKey(i.slice(i.indexOf(':') + 1)).length >= 4);
  const names = [caption(e), ...e.names.map((n) => n.value)];
  return [...new Set(names)].map((name) => ({
    name,
    schema: e.schema,
    ...(country === undefined ? {} : { country }),
    ...(e.birthDates[0] === undefined ? {} : { birth_date: e.birthDates[0] }),
    ...(ids.length === 0 ? {} : { id: ids }),
  }));
}
