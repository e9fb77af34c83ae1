// Public face of the ownership engine: pure functions over an in-memory graph (no database, no I/O except
// reading the rules file once). See docs/design/ownership.md.
export {
  share,
  shareRange,
  exactShare,
  UNKNOWN_SHARE,
  isUnknownShare,
  entityNode,
  partyNode,
  nodeRef,
  entityIdOf,
  EDGE_KINDS,
  type Share,
  type ShareRange,
  type NodeRef,
  type EdgeKind,
  type RelationEdge,
  type Certainty,
  type ListingFact,
} from './types.ts';
export { parsePercent, formatShare, EXCLUSIVE_STEP, type ParsedShare } from './share.ts';
export { GraphBuilder, OwnershipGraph } from './graph.ts';
export {
  ruleOn,
  selectorMatches,
  listingActive,
  restrictingListings,
  meetsThreshold,
  thresholdText,
  type OwnershipRule,
  type RuleSet,
  type RuleWindow,
  type ListingSelector,
  type RuleApplicability,
  type Comparison,
  type Aggregation,
  type ControlPolicy,
} from './rules.ts';
export { loadRuleSet, parseRuleSet, DEFAULT_RULES_PATH, RULES_FORMAT_VERSION } from './rules-load.ts';
export {
  evaluateRule,
  addSeeds,
  CLEAR,
  REVIEW,
  RESTRICTED,
  type RuleState,
  type StatusCode,
} from './propagate.ts';
export { ancestors, ancestorGraph } from './subgraph.ts';
export { findPaths, type OwnershipPath, type PathHop, type PathOptions } from './paths.ts';
export {
  ownershipReport,
  ruleFinding,
  type OwnershipReport,
  type RuleFinding,
  type FindingStatus,
  type CountingOwner,
  type InheritedLicence,
  type ReportOptions,
} from './findings.ts';
export { listingFactOf } from './listing.ts';
