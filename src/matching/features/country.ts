// Country comparator: the query's country against every country the listing attaches (nationality,
// citizenship, address, jurisdiction, flag). Weak in both directions: lists attach countries for many reasons.
import type { FeatureOutcome } from './types.ts';

export const COUNTRY = { agree: 0.02, disagree: -0.06 } as const;

/** Undefined when either side has no country. */
export function compareCountry(
  query: string | undefined,
  listed: readonly string[],
): FeatureOutcome | undefined {
  if (query === undefined || listed.length === 0) return undefined;
  const code = query.toLowerCase();
  if (listed.includes(code)) {
    return {
      feature: 'country',
      contribution: COUNTRY.agree,
      reason: `country ${code} is one of the listed countries`,
    };
  }
  return {
    feature: 'country',
    contribution: COUNTRY.disagree,
    reason: `country ${code} is none of the listed countries (${listed.join(', ')})`,
  };
}
