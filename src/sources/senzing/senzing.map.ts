// One Senzing record → Entity (features: senzing.features.ts). Disclosed relationships: a record's
// REL_POINTER (domain, key, role) points at another record's REL_ANCHOR (domain, key); the role says what
// the anchor record is to the pointer record (Senzing spec: "the role the anchor record plays"). The claim is
// put on the pointer record; the reader resolves the anchor to a record id (see index.ts).
import { newEntity } from '../../domain/entity-builder.ts';
import type { Entity, RelationClaim, Schema } from '../../domain/entity.ts';
import { sourceId, type EntityId, type ListId } from '../../domain/ids.ts';
import { applyFeature, KNOWN_ATTRIBUTES, type Feature } from './senzing.features.ts';
import type { SenzingRecord } from './senzing.parse.ts';

export interface Pointer {
  domain: string;
  key: string;
  role: string;
}

export interface MappedSenzing {
  entity: Entity;
  notes: string[];
  anchors: { domain: string; key: string }[];
  pointers: Pointer[];
  /** Attribute names this mapper does not read. */
  unknown: string[];
}

const SCHEMA_BY_TYPE: Readonly<Record<string, Schema>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  VESSEL: 'Vessel',
  AIRCRAFT: 'Airplane',
};

/**
 * RECORD_TYPE → schema. Without one (the spec: omit it when unknown) a record with an organisation name is
 * an Organization, one with personal name parts or a birth date a Person; anything else is a Thing, kept
 * (relations may point at it: OpenSanctions exports positions such as "United States senator" this way)
 * but not screened.
 */
function schemaOf(record: SenzingRecord, features: readonly Feature[], notes: string[]): Schema {
  const type = typeof record.RECORD_TYPE === 'string' ? record.RECORD_TYPE.toUpperCase() : '';
  const known = SCHEMA_BY_TYPE[type];
  if (known !== undefined) return known;
  if (type !== '') notes.push(`RECORD_TYPE "${type}" is not PERSON/ORGANIZATION/VESSEL/AIRCRAFT`);
  if (features.some((f) => f['NAME_ORG'] !== undefined)) return 'Organization';
  if (
    features.some(
      (f) =>
        f['NAME_LAST'] !== undefined || f['NAME_FIRST'] !== undefined || f['DATE_OF_BIRTH'] !== undefined,
    )
  )
    return 'Person';
  return 'Thing';
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The record's features: its top-level scalar attributes, then every object of its lists. */
export function featuresOf(record: SenzingRecord): Feature[] {
  const top: Feature = {};
  const lists: Feature[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item !== 'object' || item === null) continue;
        const feature: Feature = {};
        for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
          const s = scalar(v);
          if (s !== undefined) feature[k] = s;
        }
        lists.push(feature);
      }
    } else if (scalar(value) !== undefined) top[key] = scalar(value)!;
  }
  return [top, ...lists];
}

/** Maps a record; `resolve` turns an anchor into the entity id of the record that holds it. */
export function mapSenzingRecord(
  record: SenzingRecord,
  list: ListId,
  resolve: (domain: string, key: string) => EntityId,
): MappedSenzing {
  const notes: string[] = [];
  const features = featuresOf(record);
  const entity = newEntity(list, sourceId(record.RECORD_ID), schemaOf(record, features, notes), record);
  const result: MappedSenzing = { entity, notes, anchors: [], pointers: [], unknown: [] };
  for (const f of features) {
    applyFeature(entity, f, notes);
    for (const key of Object.keys(f))
      if (!KNOWN_ATTRIBUTES.has(key) && !result.unknown.includes(key)) result.unknown.push(key);
    if (f['REL_ANCHOR_KEY'] !== undefined)
      result.anchors.push({ domain: f['REL_ANCHOR_DOMAIN'] ?? '', key: f['REL_ANCHOR_KEY'] });
    if (f['REL_POINTER_KEY'] === undefined) continue;
    const pointer = {
      domain: f['REL_POINTER_DOMAIN'] ?? '',
      key: f['REL_POINTER_KEY'],
      role: f['REL_POINTER_ROLE'] ?? '',
    };
    result.pointers.push(pointer);
    entity.relations.push(claim(pointer, resolve(pointer.domain, pointer.key)));
  }
  return result;
}

/**
 * A pointer as a claim. The role names what the other record is ("Occupancy" → a position held, "SPOUSE"),
 * which does not say who owns whom reliably across exporters, so no ownership is inferred: family and
 * associate roles are kept as such, every other role as `other`, with the role as the note.
 */
function claim(pointer: Pointer, other: EntityId): RelationClaim {
  const kind: RelationClaim['kind'] = /spouse|parent|child|sibling|relative|family|wife|husband/i.test(
    pointer.role,
  )
    ? 'family'
    : /associate/i.test(pointer.role)
      ? 'associate'
      : 'other';
  return pointer.role === ''
    ? { kind, role: 'related', other: { entityId: other } }
    : { kind, role: 'related', other: { entityId: other }, note: pointer.role };
}
