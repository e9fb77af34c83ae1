// The BookStore: the user's counterparty book — parties, relations among parties and listed entities, the
// imports that changed them (one book revision each), the latest screening result per party, and decisions on
// party ↔ listed-entity matches. Separate from Store (lists) and AuditStore; all live in one database. One
// contract suite (book-store.contract.test.ts) runs on SQLite and PostgreSQL.
import type { RelationEdge } from '../graph/types.ts';
import type { ImportWarning } from '../sources/types.ts';

/** A party as the book holds it (docs/design/book.md "Parties"). */
export interface PartyRecord {
  partyId: string;
  name: string;
  /** FtM party schema: Person, Company, Organization, LegalEntity, … */
  schema: string;
  /** ISO 3166-1 alpha-2, lower case. */
  country?: string;
  address?: string;
  /** `type:value`, e.g. `lei:529900T8BM49AURSDO55`. */
  identifiers: string[];
  /** customer, supplier, bank, consignee, end_user, … */
  roles: string[];
}

export interface StoredParty extends PartyRecord {
  /** The book revision that last changed it. */
  revision: number;
  updatedAt: string;
}

/** What one import did to the book. */
export interface BookImport {
  revision: number;
  kind: 'parties' | 'relations';
  at: string;
  sourcePath: string;
  format: string;
  rowsRead: number;
  added: number;
  changed: number;
  unchanged: number;
  warnings: ImportWarning[];
}

export type NewBookImport = Omit<BookImport, 'revision' | 'added' | 'changed' | 'unchanged'>;

export type PartyStatus = 'restricted' | 'review' | 'clear';

/** One book screening run (its per-party results are replaced together). */
export interface BookRun {
  runId: string;
  at: string;
  /** The screening date (rules and listings in force that day). */
  date: string;
  /** Book revision screened. */
  revision: number;
  algorithm: string;
  lists: { list_id: string; version: number }[];
  /** Counts and timings, as the book module reports them. */
  summary: unknown;
}

/** The latest result of one party. `detail` is the book module's JSON (matches, rule statuses, findings). */
export interface PartyResultRecord {
  partyId: string;
  runId: string;
  status: PartyStatus;
  nameStatus: PartyStatus;
  ownershipStatus: PartyStatus;
  detail: unknown;
}

export type MatchDecisionKind = 'confirmed' | 'rejected';

/** An analyst's decision that a party is (or is not) a listed entity. */
export interface MatchDecision {
  partyId: string;
  entityId: string;
  decision: MatchDecisionKind;
  actor: string;
  reason: string;
  decidedAt: string;
}

export interface BookWriteHooks {
  /** Runs inside the transaction after every row is written, before COMMIT (crash tests kill here). */
  beforeCommit?: () => Promise<void>;
}

export interface BookStore {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The latest book revision (0 for an empty book). */
  revision(): Promise<number>;
  /**
   * Upserts parties by party id in one transaction under a new revision (unchanged parties keep theirs) and
   * records the import. Returns the import with its counts.
   */
  upsertParties(
    parties: readonly PartyRecord[],
    meta: NewBookImport,
    hooks?: BookWriteHooks,
  ): Promise<BookImport>;
  /** Adds or replaces relations (key: owner, owned, kind, source) in one transaction under a new revision. */
  upsertRelations(
    edges: readonly RelationEdge[],
    meta: NewBookImport,
    hooks?: BookWriteHooks,
  ): Promise<BookImport>;
  imports(): Promise<BookImport[]>;
  party(partyId: string): Promise<StoredParty | undefined>;
  partyCount(): Promise<number>;
  /** Parties in party-id order (streamed); with `sinceRevision`, only those changed after it. */
  parties(options?: { sinceRevision?: number }): AsyncIterable<StoredParty>;
  /** (party id, name) of every party, in party-id order (streamed; lighter than `parties`). */
  partyNames(): AsyncIterable<readonly [string, string]>;
  relationCount(): Promise<number>;
  /** Every relation (streamed). */
  relations(): AsyncIterable<RelationEdge>;
  /** Relations with `node` (`party:<id>` or `entity:<id>`) at either end. */
  relationsOf(node: string): Promise<RelationEdge[]>;
  /** Relations whose owner (side `owner`) or owned (side `owned`) is one of `nodes` (for walking the graph). */
  relationsAt(nodes: readonly string[], side: 'owner' | 'owned'): Promise<RelationEdge[]>;
  /** Names of these parties (absent ids are left out). */
  partyNamesOf(partyIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Replaces every party result with this run's, in one transaction. The book stores the parties that are not
   * clear; a party of the screened revision without a result was screened clear.
   */
  saveRun(run: BookRun, results: Iterable<PartyResultRecord>, hooks?: BookWriteHooks): Promise<void>;
  latestRun(): Promise<BookRun | undefined>;
  result(partyId: string): Promise<PartyResultRecord | undefined>;
  /** Results of the latest run whose status is not clear (streamed). */
  flaggedResults(): AsyncIterable<PartyResultRecord>;
  /** Stores the serialised reverse index of a revision (replacing any other), in one transaction. */
  saveIndex(revision: number, parts: readonly Uint8Array[]): Promise<void>;
  /** The stored reverse index, if any. */
  loadIndex(): Promise<{ revision: number; parts: Uint8Array[] } | undefined>;
  decide(decision: MatchDecision): Promise<void>;
  decisions(): Promise<MatchDecision[]>;
}
