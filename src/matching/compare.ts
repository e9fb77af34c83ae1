// Pairwise comparison of two names (`embargo compare`), with the screening algorithm's name feature.
// Without an index there are no list statistics, so every token weighs the same except initials and
// name particles (al, bin, van), which say little about who is meant. Pass an index to weigh tokens by their
// rarity on the loaded lists, exactly as screening does.
import { DEFAULT_ALGORITHM } from './algorithms/index.ts';
import type { Algorithm } from './algorithms/types.ts';
import { alignNames, type AlignmentSide } from './features/name-alignment.ts';
import { ABJAD_SCRIPTS, tokenSimilarity, typoOptions } from './features/token-similarity.ts';
import type { MatchIndex } from './index/match-index.ts';
import { namesWithin } from './name-parts.ts';
import { alignmentTokens, hintForSchema, prepareForMatch } from './prepare.ts';
import { INITIAL_WEIGHT, unknownWeight } from './search/candidates.ts';
import { describeName } from './search/explain.ts';
import { nameWeight } from './search/evidence.ts';
import { normaliseSchema } from './search/query.ts';
import { phoneticKey, type PreparedName } from '../text/index.ts';

export interface NameComparison {
  /** The score screening would give a listed party with this name and no other evidence. */
  score: number;
  /** score ≥ the algorithm's default threshold. */
  match: boolean;
  algorithm: string;
  explanation: string;
}

/** Relative weights without list statistics (a typical token weighs 1). */
const PLAIN = { token: 1, particle: 0.5, initial: INITIAL_WEIGHT / 6 } as const;

class PlainSide implements AlignmentSide {
  readonly count: number;
  readonly tokens: string[];
  readonly phon: string[];
  readonly #weights: number[];

  constructor(prepared: PreparedName, max: number, index: MatchIndex | undefined) {
    this.tokens = alignmentTokens(prepared, max);
    this.count = this.tokens.length;
    this.phon = this.tokens.map((t) => (t.length >= 2 ? phoneticKey(t) : ''));
    const particles = new Set<string>(prepared.particles);
    this.#weights = this.tokens.map((t) => weightOf(t, particles, index));
  }

  text(i: number): string {
    return this.tokens[i];
  }

  weight(i: number): number {
    return this.#weights[i];
  }
}

function weightOf(token: string, particles: ReadonlySet<string>, index: MatchIndex | undefined): number {
  if (index !== undefined) {
    const id = index.tokenIds.get(token);
    const w = id === undefined ? unknownWeight(token, index.data.unknownWeight) : index.data.tokenWeight[id];
    return token.length === 1 ? Math.min(w, INITIAL_WEIGHT) : w;
  }
  if (token.length === 1) return PLAIN.initial;
  return particles.has(token) ? PLAIN.particle : PLAIN.token;
}

/**
 * Compares two names; `schema` (Person, Company, …) tells the text pipeline how to read them. A name holding
 * other names ("X (f.k.a. Y)") is compared as each of them too; the best comparison is kept.
 */
export function compareNames(
  name1: string,
  name2: string,
  schema?: string,
  options: { index?: MatchIndex; algorithm?: Algorithm } = {},
): NameComparison {
  const s = normaliseSchema(schema);
  let best: NameComparison | undefined;
  for (const a of namesWithin(name1))
    for (const b of namesWithin(name2)) {
      const c = compareOne(a, b, s, options);
      if (best === undefined || c.score > best.score) best = c;
    }
  return best as NameComparison;
}

function compareOne(
  name1: string,
  name2: string,
  s: string | undefined,
  options: { index?: MatchIndex; algorithm?: Algorithm },
): NameComparison {
  const algorithm = options.algorithm ?? DEFAULT_ALGORITHM;
  const p1 = prepareForMatch(name1, s);
  const p2 = prepareForMatch(name2, s);
  const q = new PlainSide(p1, algorithm.settings.maxQueryTokens, options.index);
  const t = new PlainSide(p2, algorithm.settings.maxNameTokens, options.index);
  const abjad1 = ABJAD_SCRIPTS.has(p1.script);
  const abjad2 = ABJAD_SCRIPTS.has(p2.script);
  const personLike = hintForSchema(s) !== 'organization';
  const st = {
    ...algorithm.settings,
    reorderedJoins: personLike,
    skeletons: abjad1 || abjad2,
    listedUnmatchedFactor: personLike
      ? algorithm.settings.listedUnmatchedFactor
      : algorithm.settings.listedUnmatchedFactorOrganization,
  };
  const sim = (i: number, j: number): number =>
    tokenSimilarity(q.tokens[i], t.tokens[j], {
      soundAlike: q.phon[i] !== '' && q.phon[i] === t.phon[j],
      skeleton: abjad1 || abjad2,
      phonetic: st.phoneticSimilarity,
      skeletonSimilarity: st.skeletonSimilarity,
      ...typoOptions(st),
    });
  const aligned = alignNames(q, t, sim, st, true);
  const sameOriginal = p1.originalScriptKey !== undefined && p1.originalScriptKey === p2.originalScriptKey;
  const nameScore = sameOriginal ? 1 : aligned.score;
  const score = Math.round(nameWeight(algorithm) * nameScore * 10000) / 10000;
  const notes = sameOriginal ? ['same name in the original script'] : [];
  return {
    score,
    match: score >= algorithm.threshold,
    algorithm: algorithm.id,
    explanation: describeName(name1, name2, aligned.pairs, q, t, nameScore, notes),
  };
}
