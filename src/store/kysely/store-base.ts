// What every Kysely store shares: its database handle and dialect, migrating on open, closing.
import type { Kysely } from 'kysely';
import { migrateToLatest } from './migrate.ts';

/** The base of the list, book and monitor stores (one instance per store, on the location they share). */
export abstract class KyselyStoreBase<DB> {
  readonly dialect: 'sqlite' | 'postgres';
  protected readonly db: Kysely<DB>;

  constructor(db: Kysely<DB>, dialect: 'sqlite' | 'postgres') {
    this.db = db;
    this.dialect = dialect;
  }

  /** Applies the migrations not yet applied (kysely/migrate.ts). */
  migrate(): Promise<void> {
    return migrateToLatest(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
