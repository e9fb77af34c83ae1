// Opens the store a location names: a `postgres://` / `postgresql://` URL selects PostgreSQL, anything else
// is a SQLite file path (created if missing).
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { AppError } from '../domain/errors.ts';
import { KyselyStore } from './kysely-store.ts';
import type { Database } from './schema.ts';
import { openNodeSqlite } from './sqlite/node-sqlite-database.ts';
import type { Store } from './store.ts';
import { createPgPool } from './postgres/pool.ts';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens and migrates the store at `location`. */
export async function openStore(location: string): Promise<Store> {
  const store = isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function openSqlite(path: string): Store {
  let database;
  try {
    database = openNodeSqlite(path).database;
  } catch (error) {
    throw new AppError('database', `cannot open SQLite database ${path}`, {
      where: path,
      hint: 'check the folder exists and is writable, or pass --db',
      cause: error,
    });
  }
  return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}

function openPostgres(url: string): Store {
  const pool = createPgPool(url, 4);
  return new KyselyStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}
