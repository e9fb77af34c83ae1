// Composition root: the only place that picks implementations. Used by cli/ and (later) api/.
import type { Config } from '../config/config.ts';
import { openStore, type Store } from '../store/index.ts';

export interface AppContext {
  config: Config;
  store: Store;
  close(): Promise<void>;
}

export async function openApp(config: Config): Promise<AppContext> {
  const store = await openStore(config.db);
  return { config, store, close: () => store.close() };
}
