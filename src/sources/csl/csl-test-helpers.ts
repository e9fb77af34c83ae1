// Shared by the CSL tests: read a file through a format into entities and warnings.
import type { Entity } from '../../domain/entity.ts';
import type { ImportWarning, SourceEvent } from '../types.ts';

export interface Read {
  events: SourceEvent[];
  entities: Entity[];
  warnings: ImportWarning[];
}

export async function readAll(events: AsyncIterable<SourceEvent>): Promise<Read> {
  const read: Read = { events: [], entities: [], warnings: [] };
  for await (const event of events) {
    read.events.push(event);
    if (event.type === 'entity') read.entities.push(event.entity);
    if (event.type === 'warning') read.warnings.push(event.warning);
  }
  return read;
}

/** The one entity whose primary name is `name` (fails the test when there is not exactly one). */
export function byName(read: Read, name: string): Entity {
  const found = read.entities.filter((e) => e.names.some((n) => n.kind === 'primary' && n.value === name));
  if (found.length !== 1) throw new Error(`expected one entity named "${name}", found ${found.length}`);
  return found[0]!;
}

export function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[key(v)] = (counts[key(v)] ?? 0) + 1;
  return counts;
}
