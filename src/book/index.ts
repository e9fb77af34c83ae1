// Public face of the counterparty book (docs/design/book.md): parties and relations imports, book screening by
// name and ownership, the reverse index, ownership findings and what-ifs; and the steps of book screening that
// monitoring (src/monitor) re-runs on what changed.
export { BookService, type BookServiceDeps, type PartyView } from './service.ts';
export {
  importParties,
  MAX_BAD_ROW_SHARE,
  type PartiesImportReport,
  type BookImportOptions,
} from './parties/import-parties.ts';
export {
  importRelations,
  type RelationsImportReport,
  type RelationsImportOptions,
} from './relations/import-relations.ts';
export { screenBook, MATCHES_PER_PARTY, type ScreenBookOptions } from './screen-book.ts';
export { PartyIndex, CANDIDATE_THRESHOLD, type PartyCandidate } from './party-index.ts';
export { loadListContext, listContextOf, listedRecord, type ListContext } from './list-context.ts';
export { ownershipOf, resolveSubject, type OwnershipView } from './ownership.ts';
export { whatIf, MAX_EXPLAINED, type WhatIfReport, type PartyChange } from './what-if/what-if.ts';
export {
  simulation,
  readSimulationFile,
  type Simulation,
  type SimulatedListing,
  type SimulatedRelation,
} from './what-if/simulated.ts';
export { partyCard, partyQuery, entityQueries, BOOK_LIST } from './party-card.ts';
export type {
  BookSummary,
  PartyDetail,
  PartyMatch,
  PartyOutcome,
  MatchBasis,
  RuleStatuses,
} from './types.ts';
export { snakeKeys } from './json.ts';

// Steps of book screening, for monitoring's delta runs.
export { screenNames } from './name-screen.ts';
export { partyMatches, decisionKey, type DecisionIndex } from './matches.ts';
export { buildBookGraph } from './graph-build.ts';
export { evaluateRules } from './outcome.ts';
