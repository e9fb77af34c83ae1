// Composition for continuous monitoring (CLI and API server): the book, monitor and audit stores next to the list
// store, the ownership rules, the alert service, the monitor run and webhook delivery. Also the post-import hook:
// every import or update that creates a list version runs the monitor (issue 8 item 1).
import { PartyIndex } from '../book/index.ts';
import { DEFAULT_RULES_PATH, loadRuleSet } from '../graph/index.ts';
import {
  AlertService,
  deliverDue,
  ListCache,
  readCursor,
  runMonitor,
  WebhookDispatcher,
  type DeliveryOptions,
  type MonitorDeps,
  type MonitorReport,
  type MonitorRunOptions,
  type PassReport,
} from '../monitor/index.ts';
import { openAuditStore, openBookStore, openMonitorStore, type AuditStore } from '../store/index.ts';
import type { AppContext } from './context.ts';

export interface MonitoringContext {
  deps: MonitorDeps;
  alerts: AlertService;
  /** One monitor run (the date defaults to the configured today). */
  run(options: Omit<MonitorRunOptions, 'date'> & { date?: string }): Promise<MonitorReport>;
  /** One webhook delivery pass. */
  deliver(options?: Partial<DeliveryOptions>): Promise<PassReport>;
  close(): Promise<void>;
}

export interface MonitoringOptions {
  /** An audit store already open (the server's, with its writer thread); opened here when absent. */
  audit?: AuditStore;
  /** Keep the book's reverse index and the lists between runs (a long-running process). */
  residentIndex?: boolean;
}

export async function openMonitoring(
  app: AppContext,
  options: MonitoringOptions = {},
): Promise<MonitoringContext> {
  const book = await openBookStore(app.config.db);
  const monitor = await openMonitorStore(app.config.db);
  const audit = options.audit ?? (await openAuditStore(app.config.db));
  const deps: MonitorDeps = {
    store: app.store,
    book,
    monitor,
    audit,
    rules: loadRuleSet(DEFAULT_RULES_PATH),
    ...(options.residentIndex === true ? { partyIndex: new PartyIndex(), lists: new ListCache() } : {}),
  };
  // Runs never overlap within a process: two runs at once would both reconcile the same alerts.
  let running: Promise<unknown> = Promise.resolve();
  return {
    deps,
    alerts: new AlertService({ monitor, audit }),
    run(o) {
      const next = running.then(() => runMonitor(deps, { ...o, date: o.date ?? app.config.today }));
      running = next.catch(() => undefined);
      return next;
    },
    deliver: (o) => deliverDue(monitor, o),
    async close() {
      await running;
      await Promise.all([
        book.close(),
        monitor.close(),
        ...(options.audit === undefined ? [audit.close()] : []),
        ...(deps.lists === undefined ? [] : [deps.lists.close()]),
      ]);
    },
  };
}

/** The post-import hook: monitors the change and sends what is due; returns undefined when nothing was created. */
export async function monitorAfterImport(
  app: AppContext,
  created: boolean,
  actor: string,
): Promise<{ report: MonitorReport; delivery: PassReport } | undefined> {
  if (!created) return undefined;
  const m = await openMonitoring(app);
  try {
    const report = await m.run({ actor, channel: 'cli' });
    // One quick pass so that receivers hear of it now; what fails stays in the outbox for `embargo serve` or the
    // next run (`embargo monitor deliver`).
    const delivery = await m.deliver({ timeoutMs: 5_000 });
    return { report, delivery };
  } finally {
    await m.close();
  }
}

export interface ServerMonitoring {
  context: MonitoringContext;
  stop(): Promise<void>;
}

/** True when list versions or the book moved past the monitor's cursor. */
async function behind(m: MonitoringContext): Promise<boolean> {
  const cursor = await readCursor(m.deps.monitor);
  if (cursor === undefined) return true;
  if ((await m.deps.book.revision()) !== cursor.bookRevision) return true;
  return (await m.deps.store.currentVersions()).some((v) => cursor.lists[v.listId] !== v.version);
}

/**
 * The server's monitoring: the reverse index kept between runs, a check every `checkSeconds` that runs the monitor
 * when an import (by the CLI or another process) or a book change moved past the cursor, and a webhook delivery
 * pass every `deliverSeconds`.
 */
export async function startMonitoring(
  app: AppContext,
  audit: AuditStore,
  options: { checkSeconds: number; deliverSeconds: number; onError: (error: unknown) => void },
): Promise<ServerMonitoring> {
  const context = await openMonitoring(app, { audit, residentIndex: true });
  const dispatcher = new WebhookDispatcher(context.deps.monitor, {}, options.onError);
  dispatcher.start(options.deliverSeconds * 1000);
  let checking: Promise<unknown> = Promise.resolve();
  const check = () => {
    checking = checking
      .then(async () => {
        if (await behind(context)) await context.run({ actor: 'system:monitor', channel: 'api' });
      })
      .catch(options.onError);
  };
  const timer = setInterval(check, options.checkSeconds * 1000);
  timer.unref();
  check();
  return {
    context,
    async stop() {
      clearInterval(timer);
      await checking;
      await dispatcher.stop();
      await context.close();
    },
  };
}
