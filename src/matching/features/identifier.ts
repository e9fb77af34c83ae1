// Identifier comparator: an identical identifier (IMO, LEI, USCC, passport, tax or registration number, …)
// is decisive. Values compare without case, spaces and punctuation; types must agree unless either is `other`
// (lists and customers label the same number differently).
import type { EntityCard } from '../types.ts';
import type { FeatureOutcome } from './types.ts';

/** The score an identical identifier guarantees. */
export const DECISIVE_SCORE = 0.99;

export interface QueryIdentifier {
  type: string;
  key: string;
  raw: string;
}

/** The first listed identifier identical to a query identifier, as a decisive outcome. */
export function compareIdentifiers(
  query: readonly QueryIdentifier[],
  card: EntityCard,
): FeatureOutcome | undefined {
  if (query.length === 0 || card.identifiers.length === 0) return undefined;
  for (const q of query) {
    const hit = card.identifiers.find(
      (l) => l.key === q.key && (l.type === q.type || l.type === 'other' || q.type === 'other'),
    );
    if (hit !== undefined) {
      return {
        feature: 'identifier',
        contribution: DECISIVE_SCORE,
        reason: `identifier ${q.raw} is the listed ${hit.type} ${hit.value}: decisive`,
      };
    }
  }
  return undefined;
}
