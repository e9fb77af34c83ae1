// Request schemas of the yente-compatible endpoints, after yente's pydantic models (opensanctions/yente,
// yente/data/common.py: EntityMatchQuery, EntityExample) and the /match/{dataset} query parameters
// (yente/routers/match.py). Extra body fields are accepted and ignored, as pydantic does.
import { Type, type Static } from 'typebox';

/** Queries per request (our batch limit; yente's default MAX_BATCH is 100). */
export const MAX_YENTE_QUERIES = 1000;
/** yente's MATCH_PAGE default and MAX_MATCHES bound. */
export const YENTE_DEFAULT_LIMIT = 5;
export const YENTE_MAX_LIMIT = 500;

const PropertyValue = Type.Union([
  Type.String({ maxLength: 1000 }),
  Type.Array(Type.Union([Type.String({ maxLength: 1000 }), Type.Number()]), { maxItems: 50 }),
]);

export const EntityExample = Type.Object(
  {
    id: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    schema: Type.String({ minLength: 1, maxLength: 50, description: 'FollowTheMoney schema, e.g. Person, Company' }),
    properties: Type.Record(Type.String({ maxLength: 100 }), PropertyValue, { maxProperties: 50 }),
  },
  { additionalProperties: true },
);

export const MatchBody = Type.Object(
  {
    queries: Type.Record(Type.String({ maxLength: 200 }), EntityExample, { maxProperties: MAX_YENTE_QUERIES }),
    weights: Type.Optional(Type.Record(Type.String(), Type.Number())),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: true },
);

const Strings = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 });

export const MatchQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: YENTE_MAX_LIMIT })),
    threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    cutoff: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    algorithm: Type.Optional(Type.String({ maxLength: 50 })),
    include_dataset: Type.Optional(Strings),
    exclude_dataset: Type.Optional(Strings),
    exclude_schema: Type.Optional(Strings),
    exclude_entity_ids: Type.Optional(Strings),
    topics: Type.Optional(Strings),
    changed_since: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export type EntityExampleT = Static<typeof EntityExample>;
export type MatchBodyT = Static<typeof MatchBody>;
export type MatchQueryT = Static<typeof MatchQuery>;
