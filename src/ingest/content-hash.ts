// Content hashes: of one entity (to detect changes) and of a whole list version (to detect re-imports).
import { createHash } from 'node:crypto';
import type { Entity } from '../domain/entity.ts';

/** sha256 of the entity's JSON. Mappers build objects in a fixed key order, so equal content ⇒ equal JSON. */
export function entityHash(entity: Entity): string {
  return createHash('sha256').update(JSON.stringify(entity)).digest('hex');
}

/** sha256 over the sorted (id, hash) pairs: independent of record order in the file. */
export function versionHash(hashes: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const id of [...hashes.keys()].sort()) h.update(id).update('\0').update(hashes.get(id)!).update('\n');
  return h.digest('hex');
}
