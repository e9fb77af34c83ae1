// Combines the name score with secondary evidence into the final score of one listed party.
import type { Algorithm } from '../algorithms/types.ts';
import { BIRTH_DATE } from '../features/birth-date.ts';
import { compareBirthDate } from '../features/birth-date.ts';
import { COUNTRY, compareCountry } from '../features/country.ts';
import { compareGender } from '../features/gender.ts';
import { compareIdentifiers, DECISIVE_SCORE } from '../features/identifier.ts';
import type { FeatureOutcome } from '../features/types.ts';
import type { EntityCard } from '../types.ts';
import type { PreparedQuery } from './query.ts';

/** The most evidence can add on top of the name (full birth date + country). */
export const MAX_EVIDENCE_GAIN = BIRTH_DATE.full + COUNTRY.agree;

/** Weight of the name feature in an algorithm (the score of an exact name with no other evidence). */
export function nameWeight(algorithm: Algorithm): number {
  return algorithm.features.find((f) => f.id === 'name')?.weight ?? 1;
}

export interface Evidence {
  score: number;
  outcomes: FeatureOutcome[];
}

/** Final score: weighted name score plus evidence, clamped to [0, 1]; an identical identifier decides. */
export function weighEvidence(
  q: PreparedQuery,
  card: EntityCard,
  nameScore: number,
  algorithm: Algorithm,
): Evidence {
  const outcomes: FeatureOutcome[] = [];
  const push = (o: FeatureOutcome | undefined): void => {
    if (o !== undefined) outcomes.push(o);
  };
  push(compareBirthDate(q.birthDate, card.birthDates));
  push(compareCountry(q.country, card.countries));
  push(compareGender(q.gender, card.gender));
  let score = nameWeight(algorithm) * nameScore;
  for (const o of outcomes) score += o.contribution;
  const id = compareIdentifiers(q.identifiers, card);
  if (id !== undefined) {
    id.contribution = Math.max(0, DECISIVE_SCORE - score);
    score = Math.max(score, DECISIVE_SCORE);
    outcomes.push(id);
  }
  return { score: Math.min(1, Math.max(0, score)), outcomes };
}
