// Birth date comparator: agreement raises the score, a clearly different year lowers it.
// Dates are ISO partial dates (YYYY, YYYY-MM, YYYY-MM-DD); lists give ranges and "circa" years as several dates.
import type { FeatureOutcome } from './types.ts';

/** Contributions (embargo-v1 declaration: birth_date). */
export const BIRTH_DATE = { full: 0.06, year: 0.03, near: 0, conflict: -0.2 } as const;

type Level = 'full' | 'year' | 'near' | 'conflict';
const RANK: Record<Level, number> = { full: 3, year: 2, near: 1, conflict: 0 };

function level(query: string, listed: string): Level {
  const qy = Number(query.slice(0, 4));
  const ly = Number(listed.slice(0, 4));
  if (qy !== ly) return Math.abs(qy - ly) <= 1 ? 'near' : 'conflict';
  const common = Math.min(query.length, listed.length);
  if (common >= 10 && query.slice(0, 10) === listed.slice(0, 10)) return 'full';
  // Same year; months or days that both sides give and that differ make it a near miss, not agreement.
  return query.slice(0, common) === listed.slice(0, common) ? 'year' : 'near';
}

/** Compares the query's birth date with the listed ones (best agreement wins); undefined if either is missing. */
export function compareBirthDate(
  query: string | undefined,
  listed: readonly string[],
): FeatureOutcome | undefined {
  if (query === undefined || listed.length === 0) return undefined;
  let best: Level = 'conflict';
  let bestDate = listed[0];
  for (const date of listed) {
    const l = level(query, date);
    if (RANK[l] > RANK[best]) {
      best = l;
      bestDate = date;
    }
  }
  const reasons: Record<Level, string> = {
    full: `birth date ${query} equals the listed ${bestDate}`,
    year: `birth year of ${query} agrees with the listed ${bestDate}`,
    near: `birth date ${query} is within a year of the listed ${bestDate}`,
    conflict: `birth date ${query} differs by more than a year from every listed date (${listed.join(', ')})`,
  };
  return { feature: 'birth_date', contribution: BIRTH_DATE[best], reason: reasons[best] };
}
