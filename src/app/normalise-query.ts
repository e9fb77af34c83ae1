// The query as the engine reads it, recorded in the audit log next to the query as received.
import { PARTY_SCHEMATA } from '../domain/entity.ts';
import { normaliseAddress } from '../jurisdictions/index.ts';
import { prepareName } from '../text/index.ts';
import type { ScreenQuery } from '../matching/index.ts';
import type { NormalisedQuery, PartyQuery } from './screening-types.ts';

const SCHEMA_BY_LOWER = new Map(PARTY_SCHEMATA.map((s) => [s.toLowerCase(), s as string]));

function blank(value: string | undefined): string | null {
  const v = value?.trim();
  return v === undefined || v === '' ? null : v;
}

/** Region pseudo-codes (`ua-cri`) are screened as their country (`ua`); the region still drives jurisdiction findings. */
export function engineCountry(country: string | undefined): string | undefined {
  const v = blank(country)?.toLowerCase();
  return v === undefined || v === null ? undefined : /^[a-z]{2}-/.test(v) ? v.slice(0, 2) : v;
}

/** The engine's query for a party. */
export function toScreenQuery(party: PartyQuery): ScreenQuery {
  const country = engineCountry(party.country);
  return {
    name: party.name,
    ...(party.schema === undefined ? {} : { schema: party.schema }),
    ...(country === undefined ? {} : { country }),
    ...(party.birth_date === undefined ? {} : { birth_date: party.birth_date }),
    ...(party.id === undefined ? {} : { id: party.id }),
    ...(party.gender === undefined ? {} : { gender: party.gender }),
  };
}

export function normaliseQuery(party: PartyQuery): NormalisedQuery {
  const schema = blank(party.schema);
  const canonical = schema === null ? null : (SCHEMA_BY_LOWER.get(schema.toLowerCase()) ?? schema);
  const prepared = prepareName(party.name, canonical === 'Person' ? 'person' : canonical === null || canonical === 'LegalEntity' ? 'any' : 'organization');
  const address = blank(party.address);
  return {
    name: prepared.latin,
    name_tokens: [...prepared.nameTokens],
    script: prepared.script,
    legal_forms: [...prepared.legalForms],
    schema: canonical,
    country: blank(party.country)?.toLowerCase() ?? null,
    birth_date: blank(party.birth_date),
    id: (party.id ?? []).map((v) => v.trim()).filter((v) => v !== ''),
    gender: party.gender ?? null,
    address: address === null ? null : normaliseAddress(address),
  };
}
