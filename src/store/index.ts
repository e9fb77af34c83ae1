// Public face of the store.
export type { Store, ListVersion, NewVersion, HashedEntity, CommitHooks } from './store.ts';
export { openStore, isPostgresUrl } from './open.ts';
