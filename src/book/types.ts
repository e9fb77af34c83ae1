// The book's result types: a party's matches to listed entities (with how sure each one is), its status by name and
// through ownership, and the per-run summary. Stored as the `detail` JSON of a party's result.
import type { OwnershipReport, RuleFinding } from '../graph/index.ts';
import type { Certainty } from '../graph/types.ts';
import type { PartyStatus } from '../store/index.ts';

/** Why a match counts as confirmed or only potential (docs/design/book.md "Certainty"). */
export type MatchBasis = 'decision' | 'identifier' | 'name';

/** A party's match to one listed entity, as the book keeps it. */
export interface PartyMatch {
  entityId: string;
  listId: string;
  subList?: string;
  listedName: string;
  matchedName: string;
  score: number;
  band: string;
  /** confirmed (analyst decision or identical strong identifier) or potential (name evidence only). */
  certainty: Certainty;
  basis: MatchBasis;
  /** The engine's reasons, one line per feature. */
  why: string[];
}

/** Status per ownership rule in force (only rules under which the party is not clear). */
export type RuleStatuses = Record<string, Exclude<PartyStatus, 'clear'>>;

/** What a party's stored result holds besides its three statuses. */
export interface PartyDetail {
  matches: PartyMatch[];
  rules: RuleStatuses;
  /** Findings of the rules under which the party is not clear, with paths. */
  findings: RuleFinding[];
  notInForce: OwnershipReport['notInForce'];
}

export interface PartyOutcome {
  partyId: string;
  status: PartyStatus;
  nameStatus: PartyStatus;
  ownershipStatus: PartyStatus;
  detail: PartyDetail | null;
}

/** The summary a book screening prints and stores. */
export interface BookSummary {
  runId: string;
  date: string;
  parties: number;
  relations: number;
  restrictedByName: number;
  restrictedThroughOwnership: number;
  needsReview: number;
  clear: number;
  /** Parties with at least one name match (confirmed or potential). */
  nameMatches: number;
  lists: { list_id: string; version: number }[];
  algorithm: string;
  rulesInForce: string[];
  rulesNotInForce: { ruleId: string; reason: string }[];
  timings: { nameMs: number; ownershipMs: number; storeMs: number; totalMs: number };
}
