// Request schemas of Embargo's own endpoints. They validate every request (field-level 400 errors) and are
// the OpenAPI document: one definition for both (STACK.md).
import { Type, type Static, type TUnsafe } from 'typebox';
import { PARTY_SCHEMATA } from '../domain/entity.ts';

/** A string enum written as JSON Schema `enum` (OpenAPI 3.0 has no `const`). */
export function stringEnum<T extends string>(values: readonly T[], description?: string): TUnsafe<T> {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description === undefined ? {} : { description }) });
}

const DATE = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
/** A list id (`us_ofac_sdn`) or a sub-list (`us_trade_csl:EL`). */
export const LIST_REF = '^[a-z]{2,3}_[a-z0-9]+(_[a-z0-9]+)*(:[A-Za-z0-9-]{1,20})?$';
export const LIST_ID = '^[a-z]{2,3}_[a-z0-9]+(_[a-z0-9]+)*$';

export const partyProperties = {
  name: Type.String({ minLength: 1, maxLength: 500, description: 'Name of the party, any script' }),
  schema: Type.Optional(stringEnum(PARTY_SCHEMATA, 'FollowTheMoney schema: Person, Company, Organization, LegalEntity, Vessel, Airplane')),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}(-[A-Za-z0-9]{1,12})?$', description: 'ISO 3166-1 alpha-2 (any case), or a region code such as ua-cri' })),
  birth_date: Type.Optional(Type.String({ pattern: DATE, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
  id: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200, description: 'TYPE:VALUE, e.g. imo:9187629' }), { maxItems: 20 })),
  gender: Type.Optional(stringEnum(['male', 'female', 'other'] as const)),
  address: Type.Optional(Type.String({ maxLength: 1000, description: 'Free-text address (checked for embargoed jurisdictions)' })),
  reference: Type.Optional(Type.String({ maxLength: 200, description: 'Your own id for the party, echoed back' })),
};

export const settingsProperties = {
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Report matches scoring at least this (default: the algorithm threshold)' })),
  lists: Type.Optional(Type.Array(Type.String({ pattern: LIST_REF }), { maxItems: 50, description: 'Screen only these lists or sub-lists (default: every loaded list)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Matches per party (default 10)' })),
};

export const Party = Type.Object(partyProperties, { additionalProperties: false });
export const ScreenBody = Type.Object({ ...partyProperties, ...settingsProperties }, { additionalProperties: false });
/** Parties per batch request (issue 5). */
export const MAX_BATCH = 1000;
export const BatchBody = Type.Object(
  { parties: Type.Array(Party, { minItems: 1, maxItems: MAX_BATCH }), ...settingsProperties },
  { additionalProperties: false },
);

export type PartyBody = Static<typeof Party>;
export type ScreenBodyT = Static<typeof ScreenBody>;
export type BatchBodyT = Static<typeof BatchBody>;

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    hint: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), in: Type.String(), message: Type.String() }))),
    request_id: Type.Optional(Type.String()),
  }),
  detail: Type.Optional(Type.String({ description: 'The message again, on the yente-compatible routes (FastAPI error shape)' })),
});

/** Any JSON object (documented in words where the shape is the entity model or a stored answer). */
export const AnyObject = Type.Object({}, { additionalProperties: true });

export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  503: ErrorBody,
};
