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

/** A lower-case letter followed by an upper-case one marks two words run together ("ErhanCULHA", "KyongOk"). */
const CAMEL_JOIN = /(\p{Ll})(\p{Lu})/gu;

/** Runs the shared pipeline (words run together in camel case are split first, on both sides). */
export function prepareForMatch(raw: string, schema: string | undefined): PreparedName {
  return prepareName(raw.replace(CAMEL_JOIN, '$1 $2'), hintForSchema(schema));
}
