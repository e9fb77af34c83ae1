// Test fixture for the API: a fresh database (SQLite or PostgreSQL) with the real OFAC consolidated list
// (442 entities, data/us_ofac/consolidated_csv) imported (and optionally the CSL extract), the index built, and the app ready for `inject`.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../app/context.ts';
import { openApp } from '../app/context.ts';
import { createApiKey } from '../app/api-keys.ts';
import { openScreening, type ScreeningContext } from '../app/screening-context.ts';
import { loadConfig } from '../config/config.ts';
import { listId } from '../domain/ids.ts';
import { importList } from '../ingest/import-list.ts';
import { BookService, importParties, importRelations } from '../book/index.ts';
import { loadRuleSet } from '../graph/index.ts';
import { openBookStore, type ApiRole, type BookStore } from '../store/index.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from '../../test/support/databases.ts';
import { FIXTURES } from '../../test/support/list-files.ts';
import { buildApi } from './app.ts';
import type { Api } from './types.ts';

export const CONS_DIR = fileURLToPath(new URL('../../data/us_ofac/consolidated_csv', import.meta.url));
/** The trade.gov CSL extract (4,226 complete rows; data/README.md). */
export const CSL_FILE = fileURLToPath(new URL('../../data/us_trade_csl/csl.csv', import.meta.url));
export const AUDIT_KEY = 'api-test-audit-key';

export interface ApiFixture {
  api: Api;
  app: AppContext;
  screening: ScreeningContext;
  db: TestDatabase;
  /** One key per role. */
  keys: Record<ApiRole, string>;
  close(): Promise<void>;
}

/** Opens a database of the dialect with the consolidated list loaded, and an API on it. */
/** The fixture counterparty book (test/fixtures/book), for the book routes. */
async function fixtureBook(app: AppContext, location: string): Promise<{ book: BookService; store: BookStore }> {
  const store = await openBookStore(location);
  await importParties(store, join(FIXTURES, 'book', 'parties.csv'));
  await importRelations(store, join(FIXTURES, 'book', 'relations.csv'));
  return { book: new BookService({ store: app.store, book: store, rules: loadRuleSet() }), store };
}

export async function apiFixture(dialect: Dialect, options: { requireKeys: boolean; withCsl?: boolean; withBook?: boolean }): Promise<ApiFixture> {
  const db = await createTestDatabase(dialect);
  const config = { ...loadConfig({ EMBARGO_DB: db.location, EMBARGO_AUDIT_KEY: AUDIT_KEY }) };
  const app = await openApp(config);
  await importList(app.store, CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
  if (options.withCsl === true) await importList(app.store, CSL_FILE, { listId: listId('us_trade_csl'), today: '2026-01-01' });
  const screening = await openScreening(app, { worker: false });
  const keys = {} as Record<ApiRole, string>;
  for (const role of ['screener', 'analyst', 'admin'] as const) keys[role] = (await createApiKey(screening.audit, `test-${role}`, role)).secret;
  const book = options.withBook === true ? await fixtureBook(app, db.location) : undefined;
  const api = await buildApi(
    { store: app.store, audit: screening.audit, service: screening.service, auditKey: AUDIT_KEY, ...(book === undefined ? {} : { book: book.book }) },
    { requireKeys: options.requireKeys, localUser: userInfo().username },
  );
  return {
    api,
    app,
    screening,
    db,
    keys,
    async close() {
      await api.close();
      await screening.close();
      await book?.store.close();
      await app.close();
      await db.drop();
    },
  };
}
