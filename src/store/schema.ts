// Table types for Kysely. One schema, run unchanged on SQLite and PostgreSQL (JSON kept as text on both).
export interface ListsTable {
  list_id: string;
  current_version: number | null;
}

export interface ListVersionsTable {
  list_id: string;
  version: number;
  content_hash: string;
  as_of: string | null;
  imported_at: string;
  format: string;
  source_path: string;
  rows_read: number;
  entity_count: number;
  added: number;
  removed: number;
  changed: number;
  /** JSON array of ImportWarning. */
  warnings: string;
}

/**
 * One row per (entity, span of versions in which its content was unchanged):
 * the entity is in version V iff valid_from <= V and (valid_to is null or V < valid_to).
 */
export interface EntityRecordsTable {
  list_id: string;
  entity_id: string;
  source_id: string;
  valid_from: number;
  valid_to: number | null;
  content_hash: string;
  schema: string;
  caption: string;
  status: string;
  /** JSON of the Entity. */
  data: string;
}

export interface Database {
  lists: ListsTable;
  list_versions: ListVersionsTable;
  entity_records: EntityRecordsTable;
}
