// Migration 004: the counterparty book (docs/design/book.md): the user's parties, the relations among parties and
// listed entities, every import into the book (one revision each), the screening runs and the latest result per
// party, and the analyst's decisions on party ↔ listed-entity matches. Same DDL on SQLite and PostgreSQL; JSON is
// kept as text on both.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

async function createParties(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_parties')
    .addColumn('party_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('address', 'text')
    // JSON arrays: identifiers as `type:value`, roles as words.
    .addColumn('identifiers', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // The book revision that last changed the party: the reverse index catches up from its own revision.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('book_parties_revision').on('book_parties').column('revision').execute();
}

async function createRelations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_relations')
    // `party:<id>` or `entity:<listId>:<sourceId>` (src/graph/types.ts NodeRef).
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owned', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Fractions in [0, 1]; double precision so that an exact share read from a file round-trips unchanged.
    .addColumn('share_lo', 'double precision', (c) => c.notNull())
    .addColumn('share_hi', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('owner_name', 'text')
    .addColumn('owned_name', 'text')
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    // One fact per pair, kind and source: re-importing a source's file replaces its statement about the pair.
    .addPrimaryKeyConstraint('book_relations_pk', ['owner', 'owned', 'kind', 'source'])
    .execute();
  await db.schema.createIndex('book_relations_owned').on('book_relations').column('owned').execute();
}

async function createImports(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_imports')
    .addColumn('revision', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('changed', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .execute();
}

async function createRuns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_runs')
    .addColumn('run_id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('lists', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  // The latest run's result per party (a new run replaces them all in one transaction).
  await db.schema
    .createTable('book_results')
    .addColumn('party_id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name_status', 'text', (c) => c.notNull())
    .addColumn('ownership_status', 'text', (c) => c.notNull())
    // JSON: matches, per-rule statuses and findings with paths; null for a clear party.
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('book_results_status').on('book_results').column('status').execute();
}

async function createDecisions(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('book_decisions')
    .addColumn('party_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // confirmed: the party is the listed entity; rejected: it is not (a false positive).
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('book_decisions_pk', ['party_id', 'entity_id'])
    .execute();
}

async function createIndexParts(db: Kysely<unknown>): Promise<void> {
  // The reverse index of the book, serialised (src/book/index-file.ts) so that a command does not rebuild it for
  // every run: parts of at most 32 MiB, all of one revision. `bytea` is PostgreSQL's binary type; SQLite stores
  // the bytes as a BLOB whatever the declared type.
  await db.schema
    .createTable('book_index_parts')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('book_index_parts_pk', ['revision', 'part'])
    .execute();
}

export const m004_book: Migration = {
  async up(db: Kysely<unknown>) {
    await createParties(db);
    await createIndexParts(db);
    await createRelations(db);
    await createImports(db);
    await createRuns(db);
    await createDecisions(db);
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'book_index_parts',
      'book_decisions',
      'book_results',
      'book_runs',
      'book_imports',
      'book_relations',
      'book_parties',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
