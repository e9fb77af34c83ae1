// Test support: the real bundled lists, read once per test process (not used by production code).
import { fileURLToPath } from 'node:url';
import type { Entity } from '../domain/entity.ts';
import { readListFile } from '../ingest/read-entities.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Fixed "today" so listing end dates decide the same way on every run. */
const TODAY = '2026-01-01';
const cache = new Map<string, Promise<Entity[]>>();

/** Entities of a bundled list file or folder (path relative to the project root). */
export function bundled(path: string): Promise<Entity[]> {
  let entities = cache.get(path);
  if (entities === undefined) {
    entities = readListFile(ROOT + path, { today: TODAY }).then((r) => r.entities);
    cache.set(path, entities);
  }
  return entities;
}

/** OFAC SDN + consolidated (non-SDN) + the CSL extract: the lists most tests screen against. */
export async function usLists(): Promise<Entity[]> {
  const parts = await Promise.all(
    ['data/us_ofac/sdn_csv', 'data/us_ofac/consolidated_csv', 'data/us_trade_csl/csl.csv'].map(bundled),
  );
  return parts.flat();
}

export const PROJECT_ROOT = ROOT;
