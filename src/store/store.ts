// The Store interface: everything the rest of Embargo may ask of the database. One contract suite
// (store.contract.ts) runs against every implementation (SQLite and PostgreSQL).
import type { Entity } from '../domain/entity.ts';
import type { EntityId, IsoDate, ListId } from '../domain/ids.ts';
import type { ImportWarning } from '../sources/types.ts';

export interface ListVersion {
  listId: ListId;
  version: number;
  contentHash: string;
  asOf: IsoDate | null;
  importedAt: string;
  format: string;
  sourcePath: string;
  rowsRead: number;
  entityCount: number;
  added: number;
  removed: number;
  changed: number;
  warnings: ImportWarning[];
}

/** An entity with the hash of its stored content. */
export interface HashedEntity {
  entity: Entity;
  hash: string;
}

/** A new version: the full new content is implied by the current one plus these changes. */
export interface NewVersion {
  listId: ListId;
  contentHash: string;
  asOf: IsoDate | null;
  importedAt: string;
  format: string;
  sourcePath: string;
  rowsRead: number;
  warnings: ImportWarning[];
  /** Entities new in this version or whose content changed. */
  upserts: HashedEntity[];
  addedCount: number;
  /** Entities present in the current version and absent from the new one. */
  removals: EntityId[];
  entityCount: number;
}

export interface CommitHooks {
  /** Runs inside the transaction after every row is written, before COMMIT (the crash test kills here). */
  beforeCommit?: () => Promise<void>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Current version of every list that has one. */
  currentVersions(): Promise<ListVersion[]>;
  listVersions(listId: ListId): Promise<ListVersion[]>;
  version(listId: ListId, version: number): Promise<ListVersion | undefined>;
  /** entity id → content hash, for the list's current version. */
  currentHashes(listId: ListId): Promise<Map<EntityId, string>>;
  /** Writes a version atomically and makes it current; returns it. */
  commitVersion(input: NewVersion, hooks?: CommitHooks): Promise<ListVersion>;
  /** The entities of a list as of a version. */
  entitiesAt(listId: ListId, version: number): AsyncIterable<Entity>;
  /** Entities of the current versions of the given lists (all lists when omitted). */
  currentEntities(listIds?: readonly ListId[]): AsyncIterable<Entity>;
  /** One entity as of a version (current when omitted). */
  entity(id: EntityId, version?: number): Promise<Entity | undefined>;
}
