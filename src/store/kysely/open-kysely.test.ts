// Opening the stores' database: the dialect a location selects, a store's SQLite setup, a failed open or
// migration leaving nothing open.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, DIALECTS, PG_ADMIN_URL } from '../../../test/support/databases.ts';
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

test('a SQLite file that cannot be opened is a database error naming it, with the reason', () => {
  assert.throws(
    () => openKysely('/nonexistent-embargo-dir/sub/embargo.db', { poolSize: 1 }),
    (error: AppError) =>
      error.code === 'database' &&
      error.message ===
        'cannot open SQLite database /nonexistent-embargo-dir/sub/embargo.db: unable to open database file' &&
      error.where === '/nonexistent-embargo-dir/sub/embargo.db' &&
      error.hint === 'check the folder exists and is writable, or pass --db with another path',
  );
});

test('a file that is not a SQLite database is named as such', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embargo-not-a-db-'));
  const path = join(dir, 'README.md');
  writeFileSync(path, '# Not a database\n'.repeat(200));
  try {
    assert.throws(
      () => openKysely(path, { poolSize: 1 }),
      (error: AppError) =>
        error.code === 'database' &&
        error.message === `cannot open SQLite database ${path}: file is not a database` &&
        /not a SQLite database/.test(error.hint ?? ''),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Migrating a PostgreSQL location that cannot be used: the AppError it rejects with. */
async function pgFailure(location: string): Promise<AppError> {
  const { db } = openKysely<unknown>(location, { poolSize: 1 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    return error as AppError;
  } finally {
    await db.destroy();
  }
  assert.fail(`migrating ${location} succeeded`);
}

test('PostgreSQL: a database that does not exist is named, with how to create it', async () => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/embargo_missing_${process.pid}`;
  const error = await pgFailure(url.toString());
  assert.equal(error.code, 'database');
  assert.equal(
    error.message,
    `cannot use the database: database "embargo_missing_${process.pid}" does not exist`,
  );
  assert.match(error.hint ?? '', /create database/);
});

test('PostgreSQL: nothing listening at the address is a refused connection, with how to fix it', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const error = await pgFailure(`postgres://postgres@127.0.0.1:${port}/embargo`);
  assert.equal(error.code, 'database');
  assert.equal(error.message, `cannot use the database: connect ECONNREFUSED 127.0.0.1:${port}`);
  assert.equal(error.hint, 'start PostgreSQL, or fix the host and port in the --db URL');
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
