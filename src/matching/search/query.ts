// A screening query, validated and prepared once: tokens through the shared pipeline, schema mask,
// normalised evidence. Bad fields are AppError('invalid_input') naming the field and how to fix it.
import { PARTY_SCHEMATA, type Gender } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/ids.ts';
import type { Algorithm } from '../algorithms/types.ts';
import { compatibleMask } from '../features/schema.ts';
import { ABJAD_SCRIPTS } from '../features/token-similarity.ts';
import type { QueryIdentifier } from '../features/identifier.ts';
import { identifierKey } from '../index/cards.ts';
import { alignmentTokens, prepareForMatch } from '../prepare.ts';
import type { ScreenQuery } from '../types.ts';
import type { PreparedName } from '../../text/index.ts';

export interface PreparedQuery {
  query: ScreenQuery;
  schema: string | undefined;
  tokens: string[];
  /** The normalised Latin form of the (repaired) name. */
  latin: string;
  originalScriptKey: string | undefined;
  /** Written in an abjad (Arabic, Hebrew, Thai): vowel-less tokens compare by consonant skeleton. */
  abjad: boolean;
  schemaMask: number;
  birthDate: string | undefined;
  country: string | undefined;
  identifiers: QueryIdentifier[];
  gender: Gender | undefined;
}

const SCHEMA_BY_LOWER = new Map(PARTY_SCHEMATA.map((s) => [s.toLowerCase(), s]));

function blank(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** `Person`, `person`, `PERSON` → `Person`. */
export function normaliseSchema(value: string | undefined): string | undefined {
  const v = blank(value);
  if (v === undefined) return undefined;
  const schema = SCHEMA_BY_LOWER.get(v.toLowerCase());
  if (schema === undefined) {
    throw new AppError('invalid_input', `schema "${v}" is not a schema that can be screened`, {
      where: 'schema',
      hint: 'use Person, Company, Organization, LegalEntity, Vessel or Airplane',
    });
  }
  return schema;
}

function parseIdentifier(value: string): QueryIdentifier {
  const colon = value.indexOf(':');
  const type = colon > 0 ? value.slice(0, colon).trim().toLowerCase() : 'other';
  const raw = colon > 0 ? value.slice(colon + 1).trim() : value.trim();
  const key = identifierKey(raw);
  if (key.length < 4) {
    throw new AppError('invalid_input', `identifier "${value}" is too short to compare`, {
      where: 'id',
      hint: 'give TYPE:VALUE with at least 4 letters or digits, e.g. imo:9187629',
    });
  }
  return { type, key, raw: value.trim() };
}

function parseCountry(value: string | undefined): string | undefined {
  const v = blank(value);
  if (v === undefined) return undefined;
  if (!/^[a-zA-Z]{2}$/.test(v)) {
    throw new AppError('invalid_input', `country "${v}" is not an ISO 3166-1 alpha-2 code`, {
      where: 'country',
      hint: 'use two letters, e.g. CN',
    });
  }
  return v.toLowerCase();
}

function parseBirthDate(value: string | undefined): string | undefined {
  const v = blank(value);
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) {
    throw new AppError('invalid_input', `birth_date "${v}" is not a date`, {
      where: 'birth_date',
      hint: 'use YYYY, YYYY-MM or YYYY-MM-DD',
    });
  }
  return v;
}

/** Validates and prepares a query; `correct` may fix misspelt fold words (search/fold-words.ts). */
export function prepareQuery(
  query: ScreenQuery,
  algorithm: Algorithm,
  correct: (p: PreparedName, schema: string | undefined) => PreparedName = (p) => p,
): PreparedQuery {
  const name = blank(query.name);
  if (name === undefined)
    throw new AppError('invalid_input', 'the query has no name', {
      where: 'name',
      hint: 'give the name to screen',
    });
  const schema = normaliseSchema(query.schema);
  const prepared = correct(prepareForMatch(name, schema), schema);
  return {
    query,
    schema,
    tokens: alignmentTokens(prepared, algorithm.settings.maxQueryTokens),
    latin: prepared.latin,
    originalScriptKey: prepared.originalScriptKey,
    abjad: ABJAD_SCRIPTS.has(prepared.script),
    schemaMask: compatibleMask(schema),
    birthDate: parseBirthDate(query.birth_date),
    country: parseCountry(query.country),
    identifiers: (query.id ?? []).filter((v) => v.trim() !== '').map(parseIdentifier),
    gender: query.gender,
  };
}
