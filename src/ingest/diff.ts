// Differences between two versions of a list: added, removed and changed entities, with field-level changes.
import { caption, type Entity } from '../domain/entity.ts';
import type { EntityId, ListId } from '../domain/ids.ts';
import { AppError } from '../domain/errors.ts';
import type { Store } from '../store/index.ts';

export interface FieldChange {
  field: string;
  /** Values only in the old version / only in the new one (for list-valued fields), or old/new scalar. */
  removed: string[];
  added: string[];
}

export interface EntityChange {
  id: EntityId;
  caption: string;
  changes: FieldChange[];
}

export interface ListDiff {
  listId: ListId;
  from: number;
  to: number;
  added: { id: EntityId; caption: string; schema: string }[];
  removed: { id: EntityId; caption: string; schema: string }[];
  changed: EntityChange[];
}

/** Each comparable field of an entity as a list of display strings. */
function fieldValues(e: Entity): Record<string, string[]> {
  return {
    schema: [e.schema],
    status: [e.status],
    names: e.names.map((n) => `${n.value} (${n.kind})`),
    programs: e.programs,
    countries: e.countries.map((c) => `${c.code} (${c.role})`),
    addresses: e.addresses.map((a) => a.full),
    birthDates: e.birthDates,
    birthPlaces: e.birthPlaces,
    gender: e.gender === undefined ? [] : [e.gender],
    identifiers: e.identifiers.map((i) => `${i.type}:${i.value}`),
    listingStart: e.listing.start === undefined ? [] : [e.listing.start],
    listingEnd: e.listing.end === undefined ? [] : [e.listing.end],
    citations: e.listing.citations,
    remarks: e.remarks,
    relations: e.relations.map((r) => `${r.kind} ${r.role} ${'name' in r.other ? r.other.name : r.other.entityId}`),
    properties: Object.entries(e.properties).flatMap(([k, vs]) => vs.map((v) => `${k}=${v}`)),
  };
}

/** Field-level changes from `before` to `after` (set difference per field; order changes are ignored). */
export function diffEntity(before: Entity, after: Entity): FieldChange[] {
  const a = fieldValues(before);
  const b = fieldValues(after);
  const changes: FieldChange[] = [];
  for (const field of Object.keys(a)) {
    const oldSet = new Set(a[field]);
    const newSet = new Set(b[field]);
    const removed = [...oldSet].filter((v) => !newSet.has(v));
    const added = [...newSet].filter((v) => !oldSet.has(v));
    if (removed.length > 0 || added.length > 0) changes.push({ field, removed, added });
  }
  if (changes.length === 0 && JSON.stringify(before.raw) !== JSON.stringify(after.raw)) {
    changes.push({ field: 'raw', removed: [], added: ['source record changed'] });
  }
  return changes;
}

async function snapshot(store: Store, listId: ListId, version: number): Promise<Map<EntityId, Entity>> {
  const map = new Map<EntityId, Entity>();
  if (version === 0) return map;
  for await (const e of store.entitiesAt(listId, version)) map.set(e.id, e);
  return map;
}

/** Diff between versions `from` and `to` (defaults: the version before the current one, and the current one). */
export async function diffList(store: Store, listId: ListId, range: { from?: number; to?: number } = {}): Promise<ListDiff> {
  const versions = await store.listVersions(listId);
  if (versions.length === 0) {
    throw new AppError('not_found', `list ${listId} has no imported version`, { hint: 'run `embargo lists` to see loaded lists' });
  }
  const current = await store.currentVersions();
  const currentVersion = current.find((v) => v.listId === listId)?.version ?? versions[versions.length - 1]!.version;
  const to = range.to ?? currentVersion;
  const from = range.from ?? to - 1;
  for (const v of [from, to]) {
    if (v !== 0 && !versions.some((x) => x.version === v)) {
      throw new AppError('not_found', `list ${listId} has no version ${v}`, {
        hint: `versions: ${versions.map((x) => x.version).join(', ')}`,
      });
    }
  }
  const [a, b] = [await snapshot(store, listId, from), await snapshot(store, listId, to)];
  const brief = (e: Entity) => ({ id: e.id, caption: caption(e), schema: e.schema });
  const diff: ListDiff = { listId, from, to, added: [], removed: [], changed: [] };
  for (const [id, e] of b) if (!a.has(id)) diff.added.push(brief(e));
  for (const [id, e] of a) if (!b.has(id)) diff.removed.push(brief(e));
  for (const [id, e] of b) {
    const old = a.get(id);
    if (old === undefined) continue;
    const changes = diffEntity(old, e);
    if (changes.length > 0) diff.changed.push({ id, caption: caption(e), changes });
  }
  return diff;
}
