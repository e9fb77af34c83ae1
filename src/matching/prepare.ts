// Prepares a name for matching, identically for listed names (index build) and queries (STYLE habit 5):
// the text pipeline's PreparedName, reduced to the tokens the aligner compares.
import type { PartySchema } from '../domain/entity.ts';
import { prepareName, type NameKindHint, type PreparedName } from '../text/index.ts';

/** Schema classes as bits: a query's mask says which listed classes it may match. */
export const SCHEMA_BIT = { person: 1, organization: 2, legal: 4, vessel: 8, airplane: 16 } as const;
export const ALL_SCHEMA_BITS = 31;

/** The class bit of a listed party's schema. */
export function schemaBit(schema: PartySchema): number {
  switch (schema) {
    case 'Person':
      return SCHEMA_BIT.person;
    case 'Organization':
    case 'Company':
    case 'PublicBody':
      return SCHEMA_BIT.organization;
    case 'LegalEntity':
      return SCHEMA_BIT.legal;
    case 'Vessel':
      return SCHEMA_BIT.vessel;
    case 'Airplane':
      return SCHEMA_BIT.airplane;
  }
}

/** How the text pipeline should read a name of this schema (person-name order, legal forms). */
export function hintForSchema(schema: string | undefined): NameKindHint {
  if (schema === 'Person') return 'person';
  if (schema === undefined || schema === 'LegalEntity' || schema === '') return 'any';
  return 'organization';
}

/** The tokens compared: name tokens (legal forms and stopwords removed), else all tokens, capped. */
export function alignmentTokens(prepared: PreparedName, max: number): string[] {
  const tokens: readonly string[] = prepared.nameTokens.length > 0 ? prepared.nameTokens : prepared.tokens;
  return tokens.length > max ? tokens.slice(0, max) : tokens.slice();
}

/**
 * Word boundaries inside a run-together word: after two lower-case letters before a capital and another
 * letter ("ErhanCULHA", "KyongOk"), after two capitals before a capitalised word ("JLDTechnology", "ACTeam"),
 * and between two capitalised parts ("SuCorporation", "McDonald"). One lower-case letter ("'lAi"), a final
 * capital ("GmbH") or a single capital ("KGaA") is no boundary.
 */
const CAMEL_BOUNDARY =
  /(?<=\p{Ll}{2})(?=\p{Lu}\p{L})|(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})|(?<=\p{Lu}\p{Ll})(?=\p{Lu}\p{Ll})/gu;

const HAS_LOWER = /\p{Ll}/u;

/** Runs the shared pipeline (words run together in camel case are split first, on both sides). */
export function prepareForMatch(raw: string, schema: string | undefined): PreparedName {
  // Most listed names are upper case: no lower-case letter, no camel case to split.
  const split = HAS_LOWER.test(raw) ? raw.replace(CAMEL_BOUNDARY, ' ') : raw;
  return prepareName(split, hintForSchema(schema));
}
