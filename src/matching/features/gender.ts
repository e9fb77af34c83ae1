// Gender comparator: only a contradiction counts (lists rarely state gender; agreement says little).
import type { Gender } from '../../domain/entity.ts';
import type { FeatureOutcome } from './types.ts';

export const GENDER_CONFLICT = -0.1;

export function compareGender(
  query: Gender | undefined,
  listed: Gender | undefined,
): FeatureOutcome | undefined {
  if (query === undefined || listed === undefined) return undefined;
  if (query === listed) return { feature: 'gender', contribution: 0, reason: `gender ${query} agrees` };
  return {
    feature: 'gender',
    contribution: GENDER_CONFLICT,
    reason: `gender ${query} contradicts the listed ${listed}`,
  };
}
