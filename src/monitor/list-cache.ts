// The lists as a long-running monitor keeps them: each list's current entities and content hashes, reloaded only
// when its version changes. A run after an import then reads one list, not all of them, and finds what changed by
// comparing hashes in memory instead of reading the old version back from the store. The screening index of the lists
// is rebuilt in a worker thread as soon as a list changed, while the run looks up candidates in the book.
import type { Entity } from '../domain/entity.ts';
import type { ListId } from '../domain/ids.ts';
import { type ListContext, listContextOf } from '../book/index.ts';
import { MatchIndexHolder, type MatchIndex } from '../matching/index.ts';
import type { Store } from '../store/index.ts';

export interface CachedList {
  version: number;
  entities: Map<string, Entity>;
  /** Stored content hash per entity id (what the import compared). */
  hashes: Map<string, string>;
}

export interface LoadedLists {
  context: ListContext;
  /** The cached state of every list the load replaced (its previous version). */
  previous: Map<string, CachedList>;
  /** The screening index of the lists, built in a worker thread while the run does other work. */
  index?: Promise<MatchIndex>;
}

async function readList(store: Store, listId: ListId, version: number): Promise<CachedList> {
  const entities = new Map<string, Entity>();
  for await (const e of store.currentEntities([listId])) {
    // The raw source record is evidence for the list store, not needed here: drop it to halve the memory.
    e.raw = null;
    entities.set(e.id, e);
  }
  return { version, entities, hashes: await store.currentHashes(listId) };
}

export class ListCache {
  readonly #lists = new Map<string, CachedList>();
  #context: ListContext | undefined;
  readonly #holder = new MatchIndexHolder();
  #index: Promise<MatchIndex> | undefined;

  /** Brings the cache to the current versions; returns the lists' view and what it replaced. */
  async load(store: Store): Promise<LoadedLists> {
    const versions = await store.currentVersions();
    const previous = new Map<string, CachedList>();
    for (const v of versions) {
      const cached = this.#lists.get(v.listId);
      if (cached?.version === v.version) continue;
      if (cached !== undefined) previous.set(v.listId, cached);
      this.#lists.set(v.listId, await readList(store, v.listId, v.version));
    }
    if (
      previous.size > 0 ||
      this.#context === undefined ||
      this.#context.versions.length !== versions.length
    ) {
      const entities = [...this.#lists.values()].flatMap((l) => [...l.entities.values()]);
      this.#context = listContextOf(
        versions.map((v) => ({ list_id: v.listId as string, version: v.version })),
        entities,
      );
      this.#index = this.#holder.rebuild(entities);
      // Awaited by the run; a failed build must not be an unhandled rejection meanwhile.
      this.#index.catch(() => undefined);
    }
    return { context: this.#context, previous, ...(this.#index === undefined ? {} : { index: this.#index }) };
  }

  /** Stops the index worker thread. */
  async close(): Promise<void> {
    await this.#holder.close();
  }
}
