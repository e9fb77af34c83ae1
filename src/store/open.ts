// Opens the store a location names: a `postgres://` / `postgresql://` URL selects PostgreSQL, anything else
// is a SQLite file path (created if missing).
import { KyselyStore } from './kysely-store.ts';
import { migrated, openKysely } from './kysely/open-kysely.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export { isPostgresUrl } from './kysely/open-kysely.ts';

/** Opens and migrates the store at `location` (async: a file that cannot be opened rejects, never throws). */
export async function openStore(location: string): Promise<Store> {
  const { db, dialect } = openKysely<Database>(location, { poolSize: 4 });
  return migrated<Store>(new KyselyStore(db, dialect));
}
