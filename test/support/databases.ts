// Test databases: every test gets a fresh SQLite file or a fresh PostgreSQL database, dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.ts';

/** Admin connection for creating test databases (CI and dev machines run PostgreSQL on 127.0.0.1:5432). */
export const PG_ADMIN_URL = process.env['EMBARGO_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  dialect: Dialect;
  /** What `--db` takes: a file path or a postgres URL. */
  location: string;
  drop(): Promise<void>;
}

let counter = 0;

/** Creates an empty database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'embargo-test-'));
    return { dialect, location: join(dir, 'embargo.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `embargo_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    location: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens a migrated store on a fresh database; `cleanup` closes it and drops the database. */
export async function freshStore(dialect: Dialect): Promise<{ store: Store; db: TestDatabase; cleanup: () => Promise<void> }> {
  const db = await createTestDatabase(dialect);
  const store = await openStore(db.location);
  return {
    store,
    db,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
}
