// Test support for monitoring: a fresh database with every store opened on it, the bundled OFAC consolidated list
// (optionally without some ent_nums, as an earlier version would have been), and the book fixture.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importParties, importRelations } from '../book/index.ts';
import { listId } from '../domain/ids.ts';
import { loadRuleSet } from '../graph/index.ts';
import { importList, type ImportReport } from '../ingest/import-list.ts';
import { openAuditStore, openBookStore, openMonitorStore, openStore } from '../store/index.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from '../../test/support/databases.ts';
import type { MonitorDeps } from './run.ts';

export const CONS_DIR = fileURLToPath(new URL('../../data/us_ofac/consolidated_csv', import.meta.url));
export const SDN_DIR = fileURLToPath(new URL('../../data/us_ofac/sdn_csv', import.meta.url));
export const BOOK_PARTIES = fileURLToPath(new URL('../../test/fixtures/book/parties.csv', import.meta.url));
export const BOOK_RELATIONS = fileURLToPath(
  new URL('../../test/fixtures/book/relations.csv', import.meta.url),
);

export interface MonitorFixture {
  db: TestDatabase;
  deps: MonitorDeps;
  close(): Promise<void>;
}

export async function monitorFixture(dialect: Dialect): Promise<MonitorFixture> {
  const db = await createTestDatabase(dialect);
  const store = await openStore(db.location);
  const book = await openBookStore(db.location);
  const monitor = await openMonitorStore(db.location);
  const audit = await openAuditStore(db.location);
  const deps: MonitorDeps = { store, book, monitor, audit, rules: loadRuleSet() };
  return {
    db,
    deps,
    async close() {
      await Promise.all([store.close(), book.close(), monitor.close(), audit.close()]);
      await db.drop();
    },
  };
}

/**
 * A copy of an OFAC legacy CSV set (a folder of CSVs whose first column is ent_num) without the records of the given
 * ent_nums: the list as it was before they were added.
 */
export function ofacSetWithout(dir: string, entNums: readonly string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'embargo-ofac-'));
  const drop = new Set(entNums);
  for (const name of readdirSync(dir)) {
    const lines = readFileSync(join(dir, name), 'latin1').split('\n');
    const kept = lines.filter((line) => !drop.has(line.split(',', 1)[0]!.replace(/"/g, '').trim()));
    writeFileSync(join(out, name), kept.join('\n'), 'latin1');
  }
  return out;
}

export function importCons(deps: MonitorDeps, path: string, today = '2026-01-15'): Promise<ImportReport> {
  return importList(deps.store, path, { listId: listId('us_ofac_cons'), today });
}

export async function importBook(deps: MonitorDeps): Promise<void> {
  await importParties(deps.book, BOOK_PARTIES);
  await importRelations(deps.book, BOOK_RELATIONS);
}
