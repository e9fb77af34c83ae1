// Opening a Kysely instance on the database a location names: a `postgres://` / `postgresql://` URL selects
// PostgreSQL (a pool), anything else is a SQLite file path (created if missing). Each store opens its own
// instance on the same location and keeps its own table types.
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { AppError } from '../../domain/errors.ts';
import { createPgPool } from '../postgres/pool.ts';
import { openNodeSqlite } from '../sqlite/node-sqlite-database.ts';
import { describeDatabaseError } from './database-error.ts';

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenKyselyOptions {
  /** Connections of the PostgreSQL pool. */
  poolSize: number;
  /** SQL run once on the SQLite connection (PRAGMAs a store needs, e.g. a larger page cache). */
  sqliteSetup?: string;
}

export interface OpenedKysely<DB> {
  db: Kysely<DB>;
  dialect: 'sqlite' | 'postgres';
}

/** Opens the database at `location`; a SQLite file that cannot be opened is a `database` AppError. */
export function openKysely<DB>(location: string, options: OpenKyselyOptions): OpenedKysely<DB> {
  if (isPostgresUrl(location)) {
    const pool = createPgPool(location, options.poolSize);
    return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  let opened;
  try {
    opened = openNodeSqlite(location);
  } catch (error) {
    const { reason, hint } = describeDatabaseError(error);
    throw new AppError('database', `cannot open SQLite database ${location}: ${reason}`, {
      where: location,
      hint,
      cause: error,
    });
  }
  if (options.sqliteSetup !== undefined) opened.raw.exec(options.sqliteSetup);
  return {
    db: new Kysely<DB>({ dialect: new SqliteDialect({ database: opened.database }) }),
    dialect: 'sqlite',
  };
}

/** Migrates a store just opened and returns it; closes it when the migration fails, leaving no connection open. */
export async function migrated<S extends { migrate(): Promise<void>; close(): Promise<void> }>(
  store: S,
): Promise<S> {
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
