// What changed in the lists since the monitor last ran: for each list whose current version is newer than the
// cursor's, the entities added, changed (old and new record) and removed, found by comparing content hashes of the
// version the cursor names with the current ones. A list the cursor does not know yet counts as entirely added.
import type { Entity } from '../domain/entity.ts';
import type { EntityId, ListId } from '../domain/ids.ts';
import { entityHash } from '../ingest/content-hash.ts';
import type { ListVersion, Store } from '../store/index.ts';

export interface ListChange {
  listId: string;
  /** The version the alerts reflected (null: the list is new to the monitor). */
  from: number | null;
  to: number;
  added: Entity[];
  changed: { before: Entity; after: Entity }[];
  removed: Entity[];
  /** Every entity of the version `from` (empty for a list new to the monitor). */
  before: Entity[];
  /** The versions imported since `from`, oldest first. */
  versions: ListVersion[];
}

async function oldSnapshot(
  store: Store,
  listId: ListId,
  version: number,
): Promise<Map<EntityId, { entity: Entity; hash: string }>> {
  const map = new Map<EntityId, { entity: Entity; hash: string }>();
  for await (const e of store.entitiesAt(listId, version)) {
    const hash = entityHash(e);
    e.raw = null;
    map.set(e.id, { entity: e, hash });
  }
  return map;
}

/** The old version as a cache holds it (entities and stored hashes), when it holds exactly that version. */
export interface OldVersion {
  version: number;
  entities: ReadonlyMap<string, Entity>;
  hashes: ReadonlyMap<string, string>;
}

function fromCache(old: OldVersion): Map<EntityId, { entity: Entity; hash: string }> {
  const map = new Map<EntityId, { entity: Entity; hash: string }>();
  for (const [id, entity] of old.entities)
    map.set(id as EntityId, { entity, hash: old.hashes.get(id) ?? '' });
  return map;
}

/** Changes of one list from version `from` (null: none) to its current one; `current` are its current entities. */
async function changeOf(
  store: Store,
  v: ScreenedVersion,
  from: number | null,
  current: ReadonlyMap<EntityId, Entity>,
  cached: OldVersion | undefined,
): Promise<ListChange> {
  const listId = v.list_id as ListId;
  const versions = (await store.listVersions(listId)).filter(
    (x) => x.version > (from ?? 0) && x.version <= v.version,
  );
  const change: ListChange = {
    listId,
    from,
    to: v.version,
    added: [],
    changed: [],
    removed: [],
    before: [],
    versions,
  };
  if (from === null) {
    change.added = [...current.values()];
    return change;
  }
  const before = cached?.version === from ? fromCache(cached) : await oldSnapshot(store, listId, from);
  const hashes = await store.currentHashes(listId);
  change.before = [...before.values()].map((b) => b.entity);
  for (const [id, e] of current) {
    const old = before.get(id);
    if (old === undefined) change.added.push(e);
    else if (old.hash !== hashes.get(id)) change.changed.push({ before: old.entity, after: e });
  }
  for (const [id, old] of before) if (!current.has(id)) change.removed.push(old.entity);
  return change;
}

/** A list version the monitor screens against (the list context's). */
export interface ScreenedVersion {
  list_id: string;
  version: number;
}

/** Changes of every list whose screened version moved past the cursor's (`cached`: old versions held in memory). */
export async function listChanges(
  store: Store,
  screened: readonly ScreenedVersion[],
  entities: readonly Entity[],
  cursorLists: Readonly<Record<string, number>>,
  cached: ReadonlyMap<string, OldVersion> = new Map(),
): Promise<ListChange[]> {
  const moved = screened.filter((v) => cursorLists[v.list_id] !== v.version);
  if (moved.length === 0) return [];
  const byList = new Map<string, Map<EntityId, Entity>>(moved.map((v) => [v.list_id, new Map()]));
  for (const e of entities) byList.get(e.listId)?.set(e.id, e);
  const out: ListChange[] = [];
  for (const v of moved)
    out.push(
      await changeOf(store, v, cursorLists[v.list_id] ?? null, byList.get(v.list_id)!, cached.get(v.list_id)),
    );
  return out;
}
