// Shared by this folder's tests: drain a SourceFormat's events into entities and warnings.
import type { Entity } from '../../domain/entity.ts';
import type { ImportWarning, SourceEvent } from '../types.ts';

export interface Read {
  events: SourceEvent[];
  entities: Entity[];
  warnings: ImportWarning[];
}

/** Collects every event of a read. */
export async function collect(events: AsyncIterable<SourceEvent>): Promise<Read> {
  const read: Read = { events: [], entities: [], warnings: [] };
  for await (const event of events) {
    read.events.push(event);
    if (event.type === 'entity') read.entities.push(event.entity);
    if (event.type === 'warning') read.warnings.push(event.warning);
  }
  return read;
}
