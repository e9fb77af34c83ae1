// Public types of the matching engine: what a query holds, what a match reports.
import type { Gender, IdentifierType, NameKind, PartySchema } from '../domain/entity.ts';
import type { EntityId, ListId, SourceId } from '../domain/ids.ts';
import type { FeatureId, ScoreBand } from './algorithms/types.ts';

/** A screening query (docs/contracts.md "Query fields"). */
export interface ScreenQuery {
  name: string;
  schema?: string;
  /** ISO 3166-1 alpha-2, any case. */
  country?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birth_date?: string;
  /** `TYPE:VALUE`, e.g. `imo:9187629`. */
  id?: string[];
  gender?: Gender;
}

export interface ScreenOptions {
  /** Report matches at or above this score; default: the algorithm's threshold. */
  threshold?: number;
  /** Narrow to these lists: list ids (`us_ofac_sdn`) or sub-lists (`us_trade_csl:EL`). */
  lists?: readonly string[];
  /** At most this many matches (after grouping); default 10. */
  limit?: number;
}

/** One feature's contribution to a match, in words. */
export interface FeatureExplanation {
  feature: FeatureId;
  /** What the feature added to (or took from) the score. */
  contribution: number;
  reason: string;
}

/** Another list's record of the same party, grouped under the best-scoring one. */
export interface AlsoOn {
  entityId: EntityId;
  listId: ListId;
  sourceId: SourceId;
  score: number;
}

export interface Match {
  entityId: EntityId;
  listId: ListId;
  sourceId: SourceId;
  schema: PartySchema;
  /** The listed (primary) name. */
  listedName: string;
  /** The listed name or alias the query matched. */
  matchedName: string;
  score: number;
  band: ScoreBand['name'];
  /** `<name>-v<version>` of the algorithm that scored it. */
  algorithm: string;
  explanation: FeatureExplanation[];
  alsoOn: AlsoOn[];
}

/** What the index keeps of a listed party: enough to score evidence and report a match. */
export interface EntityCard {
  id: EntityId;
  listId: ListId;
  sourceId: SourceId;
  schema: PartySchema;
  caption: string;
  names: string[];
  nameKinds: NameKind[];
  birthDates: string[];
  /** Lower-case ISO codes from every country claim and address, de-duplicated. */
  countries: string[];
  identifiers: { type: IdentifierType; value: string; key: string }[];
  gender?: Gender;
  programs: string[];
  subList?: string;
}
