// Shared by the CSL tests: entities by name, counts by a key.
import type { Entity } from '../../domain/entity.ts';
import type { Collected } from '../common/test-helpers.ts';

/** The one entity whose primary name is `name` (fails the test when there is not exactly one). */
export function byName(read: Collected, name: string): Entity {
  const found = read.entities.filter((e) => e.names.some((n) => n.kind === 'primary' && n.value === name));
  if (found.length !== 1) throw new Error(`expected one entity named "${name}", found ${found.length}`);
  return found[0]!;
}

export function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[key(v)] = (counts[key(v)] ?? 0) + 1;
  return counts;
}
