// yente response shapes (yente/data/common.py: ScoredEntityResponse, EntityMatches, EntityMatchResponse,
// AlgorithmResponse; nomenklatura FeatureDoc {description, coefficient, url}) built from Embargo's matches.
import type { MatchOut } from '../../app/screening-types.ts';
import type { Entity } from '../../domain/entity.ts';
import type { Algorithm } from '../../matching/index.ts';
import { ftmProperties } from '../../sources/ftm/index.ts';

export interface FeatureDoc {
  description: string | null;
  coefficient: number;
  url: string;
}

export interface ScoredEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  features: Record<string, number>;
  match: boolean;
}

const DOCS_URL = 'docs/design/matching.md';

/** The algorithm's features as yente's `matcher` / FeatureDocs: weight as coefficient, rationale as description. */
export function featureDocs(algorithm: Algorithm): Record<string, FeatureDoc> {
  return Object.fromEntries(algorithm.features.map((f) => [f.id, { description: f.rationale, coefficient: f.weight, url: `${DOCS_URL}#${f.id}` }]));
}

export function algorithmsResponse(algorithm: Algorithm) {
  const described = { name: algorithm.id, description: `Embargo matching algorithm, version ${algorithm.version}; default threshold ${algorithm.threshold}`, features: featureDocs(algorithm) };
  return { algorithms: [described], default: algorithm.id, best: algorithm.id };
}

/** Each feature's contribution to the score (yente reports one number per feature). */
function features(match: MatchOut): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of match.explanation) out[e.feature] = Math.round(((out[e.feature] ?? 0) + e.contribution) * 1e6) / 1e6;
  return out;
}

/** A scored result; `entity` is the stored record when found (its FtM properties), else the match alone. */
export function scoredEntity(match: MatchOut, entity: Entity | undefined, threshold: number): ScoredEntity {
  return {
    id: match.entity_id,
    caption: match.listed_name,
    schema: match.schema,
    properties: entity === undefined ? { name: [match.listed_name] } : ftmProperties(entity),
    datasets: [match.list_id],
    referents: match.also_on.map((a) => a.entity_id),
    target: true,
    first_seen: null,
    last_seen: null,
    last_change: null,
    score: match.score,
    features: features(match),
    match: match.score >= threshold,
  };
}
