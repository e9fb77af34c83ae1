// Versioned schema migrations, applied in name order by Kysely's Migrator on both dialects.
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { m003_audit_and_keys } from './003-audit-and-keys.ts';
import { m004_book } from './004-book.ts';
import { m005_monitor } from './005-monitor.ts';

const m001_lists: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('lists')
      .addColumn('list_id', 'text', (c) => c.primaryKey())
      .addColumn('current_version', 'integer')
      .execute();
    await db.schema
      .createTable('list_versions')
      .addColumn('list_id', 'text', (c) => c.notNull().references('lists.list_id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('source_path', 'text', (c) => c.notNull())
      .addColumn('rows_read', 'integer', (c) => c.notNull())
      .addColumn('entity_count', 'integer', (c) => c.notNull())
      .addColumn('added', 'integer', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull())
      .addColumn('changed', 'integer', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_versions_pk', ['list_id', 'version'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('list_versions').execute();
    await db.schema.dropTable('lists').execute();
  },
};

const m002_entity_records: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('entity_records')
      .addColumn('list_id', 'text', (c) => c.notNull().references('lists.list_id'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'integer', (c) => c.notNull())
      .addColumn('valid_to', 'integer')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_records_pk', ['entity_id', 'valid_from'])
      .execute();
    await db.schema.createIndex('entity_records_current').on('entity_records').columns(['list_id', 'valid_to']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('entity_records').execute();
  },
};

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_lists': m001_lists,
  '002_entity_records': m002_entity_records,
  '003_audit_and_keys': m003_audit_and_keys,
  '004_book': m004_book,
  '005_monitor': m005_monitor,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
