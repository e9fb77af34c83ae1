// FtM object → Entity. Typed fields through the codec table (ftm.props.ts); every other property verbatim in
// `properties`; the whole object (with caption, datasets, first_seen…) as `raw`. Link, Sanction, Address,
// Payment… entities stay entities of their own schema: relations are derived by the graph engine (ftmLinks).
import type { Entity } from '../../domain/entity.ts';
import { isSchema } from '../../domain/entity.ts';
import { newEntity } from '../../domain/entity-builder.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import type { FtmObject } from './ftm.parse.ts';
import { codecFor } from './ftm.props.ts';

export type FtmMapResult = { entity: Entity } | { reason: string };

/** Maps one FtM object to an Entity of list `list`; an unknown schema is a reason, not an entity. */
export function mapFtmObject(object: FtmObject, list: ListId, today: string): FtmMapResult {
  if (!isSchema(object.schema)) {
    return { reason: `entity ${object.id}: schema "${object.schema}" is not supported` };
  }
  const entity = newEntity(list, sourceId(object.id), object.schema, object);
  for (const [prop, values] of Object.entries(object.properties)) {
    const codec = codecFor(prop, object.schema);
    if (codec === undefined) {
      entity.properties[prop] = [...values];
      continue;
    }
    codec.read(entity, values, today);
    // The typed fields cannot say it exactly (bad date, unknown gender, several values for one field, an
    // empty list): keep the source's values too; export prefers them (ftm.export.ts).
    if (values.length === 0 || !sameValues(codec.write(entity), values)) entity.properties[prop] = [...values];
  }
  return { entity };
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
