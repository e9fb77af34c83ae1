// Opening the stores' database: the dialect a location selects, a store's SQLite setup, a failed open or
// migration leaving nothing open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { AppError } from '../../domain/errors.ts';
import { isPostgresUrl, migrated, openKysely } from './open-kysely.ts';
import { migrateToLatest } from './migrate.ts';

test('a postgres:// or postgresql:// URL is PostgreSQL; anything else a SQLite path', () => {
  assert.equal(isPostgresUrl('postgres://u@h/db'), true);
  assert.equal(isPostgresUrl('POSTGRESQL://u@h/db'), true);
  assert.equal(isPostgresUrl('./embargo.db'), false);
  assert.equal(isPostgresUrl('/data/postgres.db'), false);
});

for (const dialect of DIALECTS) {
  test(`${dialect}: opens the dialect the location names, and migrates`, async () => {
    const target = await createTestDatabase(dialect);
    const { db, dialect: opened } = openKysely<unknown>(target.location, { poolSize: 1 });
    try {
      assert.equal(opened, dialect);
      await migrateToLatest(db);
      await migrateToLatest(db); // nothing left to apply: a no-op
      const { rows } = await sql<{ n: number }>`select count(*) as n from list_versions`.execute(db);
      assert.equal(Number(rows[0]!.n), 0);
    } finally {
      await db.destroy();
      await target.drop();
    }
  });
}

test('SQLite: the store setup runs once on the connection', async () => {
  const target = await createTestDatabase('sqlite');
  const { db } = openKysely<unknown>(target.location, {
    poolSize: 1,
    sqliteSetup: 'PRAGMA cache_size = -262144;',
  });
  try {
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
    assert.equal(Number(rows[0]!.cache_size), -262144);
  } finally {
    await db.destroy();
    await target.drop();
  }
});

test('a SQLite file that cannot be opened is a database error naming it', () => {
  assert.throws(
    () => openKysely('/nonexistent-embargo-dir/sub/embargo.db', { poolSize: 1 }),
    (error: AppError) =>
      error.code === 'database' &&
      error.message === 'cannot open SQLite database /nonexistent-embargo-dir/sub/embargo.db' &&
      error.where === '/nonexistent-embargo-dir/sub/embargo.db',
  );
});

test('a failed migration closes the store and rejects with its error', async () => {
  const calls: string[] = [];
  const store = {
    migrate: async (): Promise<void> => {
      calls.push('migrate');
      throw new Error('migration 005 failed');
    },
    close: async (): Promise<void> => {
      calls.push('close');
      throw new Error('already closed'); // a failing close does not hide the migration's error
    },
  };
  await assert.rejects(migrated(store), /migration 005 failed/);
  assert.deepEqual(calls, ['migrate', 'close']);
  const ok = { migrate: async (): Promise<void> => undefined, close: async (): Promise<void> => undefined };
  assert.equal(await migrated(ok), ok);
});
