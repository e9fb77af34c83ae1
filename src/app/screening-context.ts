// Composition for screening (API server and `embargo screen`): the audit store next to the list store, the
// matching engine's index, the jurisdictions table, and the service that ties them together.
import type { ListId } from '../domain/ids.ts';
import {
  DEFAULT_JURISDICTIONS_PATH,
  loadJurisdictions,
  type JurisdictionTable,
} from '../jurisdictions/index.ts';
import { openAuditStore, type AuditStore } from '../store/index.ts';
import { BatchPool } from './batch-pool.ts';
import type { AppContext } from './context.ts';
import { MatchingScreener } from './matching-screener.ts';
import type { Screener } from './screener.ts';
import { ScreeningService } from './screening.ts';

export interface ScreeningContext {
  app: AppContext;
  audit: AuditStore;
  screener: Screener;
  jurisdictions: JurisdictionTable;
  service: ScreeningService;
  close(): Promise<void>;
}

export interface ScreeningContextOptions {
  /** Build the index in a worker thread and do not wait for it (server); else build now on this thread. */
  worker: boolean;
  lists?: readonly ListId[];
}

/** Opens the audit store and the index; the index is built before this resolves unless `worker` is set. */
export async function openScreening(
  app: AppContext,
  options: ScreeningContextOptions,
): Promise<ScreeningContext> {
  const jurisdictions = loadJurisdictions(app.config.jurisdictions ?? DEFAULT_JURISDICTIONS_PATH);
  // A server appends on a worker thread (SQLite), so commits do not block request handling.
  const audit = await openAuditStore(app.config.db, { writerThread: options.worker });
  const screener = new MatchingScreener(app.store, {
    worker: options.worker,
    ...(options.lists === undefined ? {} : { lists: options.lists }),
  });
  if (!options.worker) await screener.refresh();
  // A server screens batches on worker threads (POST /v1/screen/batch); one-shot CLI runs screen one party.
  const batchPool = options.worker ? new BatchPool(() => screener.index) : undefined;
  const service = new ScreeningService({
    screener,
    audit,
    jurisdictions,
    ...(batchPool === undefined ? {} : { batchPool }),
  });
  return {
    app,
    audit,
    screener,
    jurisdictions,
    service,
    async close() {
      await batchPool?.close();
      await screener.close();
      await audit.close();
    },
  };
}
