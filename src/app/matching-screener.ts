// The Screener on the matching engine: the index is built from the store's current entities, in a worker
// thread for the server (queries keep being answered from the old index until the new one is swapped in),
// or in-process for one-shot CLI runs.
import type { ListVersionRef } from '../audit/index.ts';
import type { Entity } from '../domain/entity.ts';
import type { ListId } from '../domain/ids.ts';
import { DEFAULT_ALGORITHM, MatchIndexHolder, buildIndex, type Algorithm, type MatchIndex, type EntityCard, type Match, type ScreenOptions, type ScreenQuery } from '../matching/index.ts';
import type { ListVersion, Store } from '../store/index.ts';
import type { IndexState, Screener } from './screener.ts';

export interface MatchingScreenerOptions {
  /** Build in a worker thread (server) instead of on the calling thread (CLI). */
  worker: boolean;
  /** Index only these lists (CLI `--lists`): faster to build. */
  lists?: readonly ListId[];
}

function sameVersions(a: readonly ListVersionRef[], b: readonly ListVersionRef[]): boolean {
  return a.length === b.length && a.every((v, i) => v.list_id === b[i]!.list_id && v.version === b[i]!.version);
}

export class MatchingScreener implements Screener {
  readonly algorithm: Algorithm = DEFAULT_ALGORITHM;
  readonly #store: Store;
  readonly #options: MatchingScreenerOptions;
  #holder = new MatchIndexHolder();
  #state: IndexState = { ready: false, lists: [], entities: 0, builtAt: undefined };
  #refreshing: Promise<boolean> | undefined;

  constructor(store: Store, options: MatchingScreenerOptions) {
    this.#store = store;
    this.#options = options;
  }

  state(): IndexState {
    return this.#state;
  }

  screen(query: ScreenQuery, options: ScreenOptions): Match[] {
    return this.#holder.search(query, options);
  }

  /** The current index (undefined before the first build): batch screening copies it to worker threads. */
  get index(): MatchIndex | undefined {
    return this.#holder.index;
  }

  cards(): readonly EntityCard[] {
    return this.#holder.index?.data.cards ?? [];
  }

  refresh(): Promise<boolean> {
    // One rebuild at a time: a caller arriving during a rebuild shares it.
    this.#refreshing ??= this.#rebuildIfChanged().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #rebuildIfChanged(): Promise<boolean> {
    const versions = this.#selected(await this.#store.currentVersions());
    const refs = versions.map((v) => ({ list_id: v.listId as string, version: v.version }));
    if (this.#state.ready && sameVersions(refs, this.#state.lists)) return false;
    const entities: Entity[] = [];
    for await (const e of this.#store.currentEntities(versions.map((v) => v.listId))) entities.push(e);
    if (this.#options.worker) await this.#holder.rebuild(entities);
    else this.#holder = new MatchIndexHolder(buildIndex(entities));
    this.#state = { ready: true, lists: refs, entities: entities.length, builtAt: new Date().toISOString() };
    return true;
  }

  #selected(versions: ListVersion[]): ListVersion[] {
    const only = this.#options.lists;
    return only === undefined ? versions : versions.filter((v) => only.includes(v.listId));
  }

  async close(): Promise<void> {
    await this.#refreshing?.catch(() => undefined);
    await this.#holder.close();
  }
}
