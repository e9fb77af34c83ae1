// The schema migrations, applied when a store opens. Every store of one database runs the same list
// (migrations/index.ts), so whichever store opens first brings the database up to date for all.
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../../domain/errors.ts';
import { migrationProvider } from '../migrations/index.ts';
import { describeDatabaseError } from './database-error.ts';

/**
 * Applies the migrations not yet applied. The migration is the first query on a new connection, so its failure
 * is usually that the database cannot be reached at all: the `database` AppError says why (the driver's reason)
 * and how to fix it, and names the migration only when one ran and failed.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const { reason, hint } = describeDatabaseError(error);
    const what =
      failed === undefined ? 'cannot use the database' : `database migration ${failed.migrationName} failed`;
    throw new AppError('database', `${what}: ${reason}`, { hint, cause: error });
  }
}
