// Entity → FtM object, the inverse of ftm.map.ts: id = sourceId, schema, and properties from the codec
// table (typed fields) plus `properties` verbatim. For entities read from FtM the round trip is exact
// (docs/design/ftm.md); top-level metadata (caption, datasets, first_seen, …) is copied from the source
// object when there is one, else the caption is the entity's primary name.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { caption, type Entity } from '../../domain/entity.ts';
import { codecsOf } from './ftm.props.ts';

/** An FtM entity as written: id, schema, properties and optional top-level metadata. */
export interface FtmOut {
  id: string;
  caption?: string;
  schema: string;
  properties: Record<string, string[]>;
  [meta: string]: unknown;
}

/**
 * The FtM properties of an entity: typed fields through the codecs, then the verbatim rest. Keys come in
 * the source object's order when the entity was read from FtM, so a re-import builds the same entity.
 */
export function ftmProperties(entity: Entity): Record<string, string[]> {
  const props = unorderedProperties(entity);
  const order = sourceObject(entity)?.properties;
  if (typeof order !== 'object' || order === null) return props;
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(order)) if (key in props) out[key] = props[key]!;
  return Object.assign(out, props);
}

function unorderedProperties(entity: Entity): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const typed = new Set<string>();
  for (const codec of codecsOf(entity.schema)) {
    typed.add(codec.prop);
    const kept = entity.properties[codec.prop];
    const values = kept ?? codec.write(entity);
    if (kept !== undefined || values.length > 0) out[codec.prop] = [...values];
  }
  for (const [prop, values] of Object.entries(entity.properties)) {
    if (!typed.has(prop)) out[prop] = [...values];
  }
  return out;
}

/** The entity as an FtM object; one read from FtM keeps the source's top-level metadata and key order. */
export function toFtm(entity: Entity): FtmOut {
  const source = sourceObject(entity);
  const label = source === undefined ? defaultCaption(entity) : source.caption;
  const core: FtmOut = {
    id: entity.sourceId,
    ...(typeof label === 'string' ? { caption: label } : {}),
    schema: entity.schema,
    properties: ftmProperties(entity),
  };
  if (source === undefined) return core;
  // Metadata (datasets, referents, first_seen, last_seen, last_change, target…) as the source wrote it.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) out[key] = key in core ? core[key] : value;
  return Object.assign(out, core);
}

// Entities from other formats get their primary name as caption; FtM-read ones keep theirs (or none).
function defaultCaption(entity: Entity): string | undefined {
  return entity.names.length > 0 ? caption(entity) : undefined;
}

/** The FtM object the entity was read from, if it was read from FtM (same id). */
function sourceObject(entity: Entity): Record<string, unknown> | undefined {
  const raw = entity.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  return record.id === entity.sourceId && typeof record.schema === 'string' ? record : undefined;
}

/** Writes entities as FtM JSON lines, honouring back-pressure; returns the number of lines written. */
export async function writeFtmJsonl(entities: Iterable<Entity> | AsyncIterable<Entity>, stream: Writable): Promise<number> {
  let count = 0;
  for await (const entity of entities) {
    count++;
    if (!stream.write(`${JSON.stringify(toFtm(entity))}\n`)) await once(stream, 'drain');
  }
  return count;
}
