// The reverse index of the book, serialised for the store: building it for a million parties takes half a minute,
// loading it a few seconds. Layout (version `embargo-book-index/1`):
//
//   [u32 header length][header JSON][v8-serialised index data without its cards][cards JSON]
//
// The cards are kept as compact party tuples [party_id, name, schema, country, identifiers] and rebuilt with
// partyCard (v8 takes four times longer on a million small objects). The header records the matching engine's
// index format and algorithm: an index built by another version of the engine is ignored and rebuilt.
import v8 from 'node:v8';
import type { EntityCard, MatchIndexData } from '../matching/index.ts';
import { partyCard } from './party-card.ts';

export const BOOK_INDEX_FORMAT = 'embargo-book-index/1';
/** Largest part stored in one row. */
const PART_BYTES = 32 * 1024 * 1024;

interface Header {
  format: typeof BOOK_INDEX_FORMAT;
  indexFormat: string;
  algorithm: string;
  revision: number;
  dataBytes: number;
  cardsBytes: number;
}

type PartyTuple = [partyId: string, name: string, schema: string, country: string, identifiers: string[]];

function tupleOf(card: EntityCard): PartyTuple {
  return [
    card.sourceId,
    card.caption,
    card.schema,
    card.countries[0] ?? '',
    card.identifiers.map((i) => `${i.type}:${i.value}`),
  ];
}

function cardOf([partyId, name, schema, country, identifiers]: PartyTuple): EntityCard {
  return partyCard({ partyId, name, schema, ...(country === '' ? {} : { country }), identifiers, roles: [] });
}

/** Serialises an index built from party cards, in parts of at most 32 MiB. */
export function serialiseIndex(data: MatchIndexData, revision: number): Uint8Array[] {
  const { cards, ...rest } = data;
  const body = v8.serialize(rest);
  const cardsJson = Buffer.from(JSON.stringify(cards.map(tupleOf)));
  const header: Header = {
    format: BOOK_INDEX_FORMAT,
    indexFormat: data.format,
    algorithm: data.algorithm,
    revision,
    dataBytes: body.length,
    cardsBytes: cardsJson.length,
  };
  const headerJson = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerJson.length);
  const whole = Buffer.concat([length, headerJson, body, cardsJson]);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < whole.length; i += PART_BYTES) parts.push(whole.subarray(i, i + PART_BYTES));
  return parts;
}

/** The index in stored parts, or undefined when it was written by another version (then it is rebuilt). */
export function deserialiseIndex(
  parts: readonly Uint8Array[],
  expected: { indexFormat: string; algorithm: string },
): { data: MatchIndexData; revision: number } | undefined {
  const whole = Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
  if (whole.length < 4) return undefined;
  const headerLength = whole.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(whole.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (
    header.format !== BOOK_INDEX_FORMAT ||
    header.indexFormat !== expected.indexFormat ||
    header.algorithm !== expected.algorithm
  )
    return undefined;
  const start = 4 + headerLength;
  if (whole.length !== start + header.dataBytes + header.cardsBytes) return undefined;
  const rest = v8.deserialize(whole.subarray(start, start + header.dataBytes)) as Omit<
    MatchIndexData,
    'cards'
  >;
  const tuples = JSON.parse(whole.subarray(start + header.dataBytes).toString('utf8')) as PartyTuple[];
  return { data: { ...rest, cards: tuples.map(cardOf) } as MatchIndexData, revision: header.revision };
}
