// Import benchmark: every bundled list (and every list fixture) into a fresh database; prints seconds per
// file, total seconds and peak memory. Usage: npm run bench:import [-- --db postgres://…]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_LISTS } from '../src/app/bundled.ts';
import { listId } from '../src/domain/ids.ts';
import { importList } from '../src/ingest/import-list.ts';
import { openStore } from '../src/store/index.ts';
import { FIXTURES } from '../test/support/list-files.ts';

const FIXTURE_LISTS: { listId?: string; path: string }[] = [
  { path: join(FIXTURES, 'us_ofac/cons_advanced.xml') },
  { path: join(FIXTURES, 'us_bis/mieu.csv') },
  { path: join(FIXTURES, 'eu/journal_sanctions') },
  { path: join(FIXTURES, 'cn/sanctions.csv') },
  { path: join(FIXTURES, 'us_dod_1260h/sanctions.csv') },
  { path: join(FIXTURES, 'us_fcc_covered_list/table.csv') },
  { path: join(FIXTURES, 'us_special_legislation/section_889.csv') },
  { path: join(FIXTURES, 'us_special_legislation/section_1286.csv') },
  { path: join(FIXTURES, 'us_special_legislation/section_5949.csv') },
  { path: join(FIXTURES, 'us_special_legislation/section_154.csv') },
  { path: join(FIXTURES, 'us_special_legislation/inksna.csv') },
  { path: join(FIXTURES, 'senzing/us_congress_senzing.json') },
  { path: join(FIXTURES, 'ftm/dataset/zala/entities.ftm.json') },
];

const dbFlag = process.argv.indexOf('--db');
const tmp = mkdtempSync(join(tmpdir(), 'embargo-bench-'));
const location = dbFlag > 0 ? process.argv[dbFlag + 1]! : join(tmp, 'bench.db');
const store = await openStore(location);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const started = performance.now();
let entities = 0;
const rows: string[] = [];
for (const item of [...BUNDLED_LISTS, ...FIXTURE_LISTS]) {
  const t0 = performance.now();
  try {
    const options = item.listId === undefined ? { allowMassRemoval: true } : { allowMassRemoval: true, listId: listId(item.listId) };
    const r = await importList(store, item.path, options);
    entities += r.entitiesStored;
    rows.push(`${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s  ${String(r.entitiesStored).padStart(6)} entities  ${String(r.warnings.length).padStart(4)} warnings  ${r.listId}  (${r.format})`);
  } catch (error) {
    rows.push(`     —  failed: ${item.path}: ${(error as Error).message}`);
  }
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
await store.close();
rmSync(tmp, { recursive: true, force: true });

console.log(`import benchmark (${location.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}, Node ${process.version})`);
for (const r of rows) console.log(r);
console.log(`total: ${seconds.toFixed(2)} s for ${entities} entities; peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
