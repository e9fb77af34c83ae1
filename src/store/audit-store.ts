// The AuditStore: the append-only, hash-chained log of screenings and the API keys that may request them.
// Separate from Store (lists and entities) so that the list store stays unchanged; both live in the same
// database. One contract suite (audit-store.contract.test.ts) runs on SQLite and PostgreSQL.
import type { AuditHead, AuditInput, AuditRecord } from '../audit/index.ts';

export type ApiRole = 'screener' | 'analyst' | 'admin';
export const API_ROLES: readonly ApiRole[] = ['screener', 'analyst', 'admin'];

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: ApiRole;
  /** SHA-256 (hex) of the secret. */
  secretHash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Half-open time range on `at` (ISO strings compare in time order). */
export interface AuditRange {
  from?: string;
  to?: string;
}

export interface AuditStore {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Appends one record and resolves once it is committed (durable): callers answer only after that.
   * Concurrent appends are committed together in one transaction (group commit), in call order.
   */
  append(input: AuditInput): Promise<AuditRecord>;
  /** One record by its id. */
  get(id: string): Promise<AuditRecord | undefined>;
  /** The head row: last seq and hash as written by append. */
  head(): Promise<AuditHead>;
  /** Records in seq order (streamed), optionally only those with from <= at < to. */
  records(range?: AuditRange): AsyncIterable<AuditRecord>;
  /** Seq of the record with this hash. */
  seqOfHash(hash: string): Promise<number | undefined>;
  createKey(key: ApiKeyRecord): Promise<void>;
  keyBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when no active key has that name. */
  revokeKey(name: string, at: string): Promise<boolean>;
}
