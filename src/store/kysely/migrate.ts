// The schema migrations, applied when a store opens. Every store of one database runs the same list
// (migrations/index.ts), so whichever store opens first brings the database up to date for all.
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../domain/errors.ts';
import { migrationProvider } from '../migrations/index.ts';

/** Applies the migrations not yet applied; a failed one is a `database` AppError naming it. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new AppError('database', `database migration ${failed?.migrationName ?? ''} failed`, {
      hint: 'check the database is reachable and writable',
      cause: error,
    });
  }
}
