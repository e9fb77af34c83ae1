// The algorithms Embargo knows, by id. The default is the newest.
import { EMBARGO_V1_1 } from './embargo-v1.ts';
import type { Algorithm, ScoreBand } from './types.ts';

export type { Algorithm, AlgorithmSettings, FeatureDeclaration, FeatureId, ScoreBand } from './types.ts';
export { EMBARGO_V1_1 } from './embargo-v1.ts';
/** The previous name of the default declaration (now embargo-v1.1), kept for importers. */
export { EMBARGO_V1_1 as EMBARGO_V1 } from './embargo-v1.ts';

export const DEFAULT_ALGORITHM: Algorithm = EMBARGO_V1_1;
/** The documented default threshold of the default algorithm. */
export const DEFAULT_THRESHOLD: number = EMBARGO_V1_1.threshold;

/** The band a score falls into. */
export function bandOf(score: number, algorithm: Algorithm = DEFAULT_ALGORITHM): ScoreBand['name'] {
  for (const band of algorithm.bands) if (score >= band.min) return band.name;
  return 'weak';
}
