// Public face of the matching engine: build an index, screen queries, compare names, explain every match.
import type { Entity } from '../domain/entity.ts';
import { DEFAULT_ALGORITHM } from './algorithms/index.ts';
import type { Algorithm } from './algorithms/types.ts';
import { buildIndexData } from './index/build.ts';
import { MatchIndex } from './index/match-index.ts';
import { Searcher } from './search/searcher.ts';
import type { Match, ScreenOptions, ScreenQuery } from './types.ts';

export type {
  Algorithm,
  AlgorithmSettings,
  FeatureDeclaration,
  FeatureId,
  ScoreBand,
} from './algorithms/types.ts';
export {
  DEFAULT_ALGORITHM,
  DEFAULT_THRESHOLD,
  EMBARGO_V1,
  EMBARGO_V1_1,
  bandOf,
} from './algorithms/index.ts';
export type { AlsoOn, EntityCard, FeatureExplanation, Match, ScreenOptions, ScreenQuery } from './types.ts';
export { MatchIndex } from './index/match-index.ts';
export type { MatchIndexData } from './index/data.ts';
export { buildIndexData, buildFromCards } from './index/build.ts';
export { Searcher, type SearchStats } from './search/searcher.ts';
export { MatchIndexHolder } from './holder.ts';
export { compareNames, type NameComparison } from './compare.ts';
export { compareFile } from './files/compare-file.ts';
export {
  CHUNK_ROWS,
  screenFile,
  type ScreenFileOptions,
  type ScreenFileProgress,
  type ScreenFileSummary,
} from './files/screen-file.ts';
export type { FileParty } from './files/file-party.ts';
export type { FileFinding } from './files/row-result.ts';
export { CSV_COLUMNS, outputFormatOf, type OutputFormat } from './files/output-format.ts';
export {
  defaultWorkers,
  openScreenPool,
  type QueryError,
  type QueryOutcome,
  type ScreenPool,
  type ScreenPoolOptions,
} from './pool/index.ts';

/** Builds a queryable index from entities (ended listings and non-party records are skipped). */
export function buildIndex(entities: Iterable<Entity>, algorithm: Algorithm = DEFAULT_ALGORITHM): MatchIndex {
  return new MatchIndex(buildIndexData(entities, algorithm));
}

const searchers = new WeakMap<MatchIndex, Searcher>();

/** The searcher (scratch buffers) of an index, created once per index. */
export function searcherFor(index: MatchIndex, algorithm: Algorithm = DEFAULT_ALGORITHM): Searcher {
  let searcher = searchers.get(index);
  if (searcher === undefined) {
    searcher = new Searcher(index, algorithm);
    searchers.set(index, searcher);
  }
  return searcher;
}

/** Screens one query: matches at or above the threshold (default: the algorithm's), best first. */
export function screenQuery(index: MatchIndex, query: ScreenQuery, options: ScreenOptions = {}): Match[] {
  return searcherFor(index).search(query, options);
}
