// What every comparator returns (STYLE habit 3): a contribution to the score and the reason in words.
import type { FeatureId } from '../algorithms/types.ts';

export interface FeatureOutcome {
  feature: FeatureId;
  /** Added to the score (negative: taken from it). */
  contribution: number;
  reason: string;
}
