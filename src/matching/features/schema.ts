// Schema compatibility, a gate: a person never matches a vessel; Company ~ Organization ~ LegalEntity.
// FtM's hierarchy (https://followthemoney.tech/explorer/): Person, Organization (Company, PublicBody) are
// LegalEntity; Vessel and Airplane are assets, matched only by their own kind.
import { isPartySchema } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { ALL_SCHEMA_BITS, SCHEMA_BIT, schemaBit } from '../prepare.ts';

/** The listed schema classes a query of this schema may match (all when the query names none). */
export function compatibleMask(querySchema: string | undefined): number {
  if (querySchema === undefined || querySchema === '') return ALL_SCHEMA_BITS;
  if (!isPartySchema(querySchema)) {
    throw new AppError('invalid_input', `schema "${querySchema}" cannot be screened`, {
      hint: 'use Person, Company, Organization, LegalEntity, Vessel or Airplane',
    });
  }
  const bit = schemaBit(querySchema);
  if (bit === SCHEMA_BIT.person) return SCHEMA_BIT.person | SCHEMA_BIT.legal;
  if (bit === SCHEMA_BIT.organization) return SCHEMA_BIT.organization | SCHEMA_BIT.legal;
  if (bit === SCHEMA_BIT.legal) return SCHEMA_BIT.person | SCHEMA_BIT.organization | SCHEMA_BIT.legal;
  return bit;
}

/** Why a listed schema was compared (for explanations). */
export function schemaReason(querySchema: string | undefined, listedSchema: string): string {
  if (querySchema === undefined || querySchema === '')
    return `query names no schema; listed as ${listedSchema}`;
  return querySchema === listedSchema
    ? `both are ${listedSchema}`
    : `a ${querySchema} query may match a listed ${listedSchema}`;
}
