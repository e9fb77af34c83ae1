// Loads the bundled government lists that are not loaded yet (what `npm start` does first).
import { listId } from '../domain/ids.ts';
import { importList, type ImportReport } from '../ingest/import-list.ts';
import type { AppContext } from './context.ts';
import { BUNDLED_LISTS } from './bundled.ts';

export interface BundledLoadResult {
  loaded: ImportReport[];
  alreadyLoaded: string[];
}

export async function loadBundledLists(app: AppContext, onReport?: (r: ImportReport) => void): Promise<BundledLoadResult> {
  const current = new Set((await app.store.currentVersions()).map((v) => v.listId as string));
  const result: BundledLoadResult = { loaded: [], alreadyLoaded: [] };
  for (const bundled of BUNDLED_LISTS) {
    if (current.has(bundled.listId)) {
      result.alreadyLoaded.push(bundled.listId);
      continue;
    }
    const report = await importList(app.store, bundled.path, { today: app.config.today, listId: listId(bundled.listId) });
    result.loaded.push(report);
    onReport?.(report);
  }
  return result;
}
