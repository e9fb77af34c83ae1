// `embargo serve [--host 127.0.0.1] [--port 8080]`: the HTTP API. The index is built in a worker thread
// after the server starts listening (GET /readyz turns 200 when it is ready) and rebuilt when a new list
// version is imported (checked every --refresh seconds). Off loopback every route but health and docs
// needs an API key (`embargo keys create`).
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { buildApi } from '../../api/app.ts';
import type { AppContext } from '../../app/context.ts';
import { startMonitoring } from '../../app/monitoring.ts';
import { openScreening } from '../../app/screening-context.ts';
import { BookService } from '../../book/index.ts';
import { AppError } from '../../domain/errors.ts';
import { loadRuleSet } from '../../graph/index.ts';
import { openBookStore } from '../../store/index.ts';
import { commandContext } from '../context.ts';
import type { Printer } from '../output.ts';

export interface ServeOptions {
  host: string;
  port: number;
  /** Require keys even on loopback. */
  requireKeys: boolean;
  /** Seconds between checks for new list versions. */
  refreshSeconds: number;
}

export const DEFAULT_SERVE: ServeOptions = {
  host: '127.0.0.1',
  port: 8080,
  requireKeys: false,
  refreshSeconds: 60,
};

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

/** Starts listening; a port in use or an address this machine does not have is a usage error saying what to do. */
async function listen(api: Awaited<ReturnType<typeof buildApi>>, options: ServeOptions): Promise<string> {
  try {
    return await api.listen({ host: options.host, port: options.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    if (code === 'EADDRINUSE') {
      throw new AppError(
        'conflict',
        `port ${options.port} on ${options.host} is already in use (another Embargo server?)`,
        {
          where,
          hint: 'stop the process that listens there, or pass another --port (--port 0 picks a free one)',
          cause: error,
        },
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      throw new AppError('usage', `cannot listen on ${options.host}: this machine has no such address`, {
        where,
        hint: 'pass --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface; API keys required)',
        cause: error,
      });
    }
    if (code === 'EACCES') {
      throw new AppError('usage', `not allowed to listen on port ${options.port}`, {
        where,
        hint: 'ports below 1024 need privileges: pass --port 8080 or another port above 1023',
        cause: error,
      });
    }
    throw error;
  }
}

/** Serves until SIGINT or SIGTERM (also used by `embargo start`). */
export async function runServer(app: AppContext, options: ServeOptions, printer: Printer): Promise<void> {
  const screening = await openScreening(app, { worker: true });
  const bookStore = await openBookStore(app.config.db);
  const book = new BookService({ store: app.store, book: bookStore, rules: loadRuleSet() });
  const requireKeys = options.requireKeys || !isLoopback(options.host);
  // Continuous monitoring: alerts on every new list version or book change, webhooks delivered from the outbox.
  const monitoring = await startMonitoring(app, screening.audit, {
    checkSeconds: options.refreshSeconds,
    deliverSeconds: 5,
    onError: (e) => printer.err(`monitor: ${e instanceof Error ? e.message : String(e)}`),
  });
  const api = await buildApi(
    {
      store: app.store,
      audit: screening.audit,
      service: screening.service,
      book,
      monitoring: monitoring.context,
      ...(app.config.auditKey === undefined ? {} : { auditKey: app.config.auditKey }),
    },
    { requireKeys, localUser: userInfo().username, logger: { level: 'warn' } },
  );
  const announce = () => {
    const state = screening.screener.state();
    if (state.lists.length === 0)
      printer.err(
        'index ready, but no list is loaded: every screening is clear until you run `embargo import` (or `npm start`)',
      );
    else
      printer.err(
        `index ready: ${state.entities} entities from ${state.lists.map((l) => `${l.list_id} v${l.version}`).join(', ')}`,
      );
  };
  const refresh = () =>
    screening.screener.refresh().then(
      (rebuilt) => rebuilt && announce(),
      (error: unknown) =>
        printer.err(`index build failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  try {
    const address = await listen(api, options);
    printer.err(
      `Embargo API on ${address} (docs: ${address}/docs; API keys ${requireKeys ? 'required' : 'optional on loopback'})`,
    );
    void refresh();
    const timer = setInterval(() => void refresh(), options.refreshSeconds * 1000);
    timer.unref();
    const signal = await untilSignal();
    clearInterval(timer);
    printer.err(`${signal}: shutting down`);
  } finally {
    await api.close();
    await monitoring.stop();
    await screening.close();
    await bookStore.close();
  }
}

/** The `--port` flag as a port number (0: any free port). */
export function parsePort(flag: string): number {
  const n = Number(flag);
  if (flag.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new AppError('usage', `--port must be a port number (0–65535), got "${flag}"`);
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (OpenAPI at /openapi.json, docs at /docs); API keys are required off loopback',
    )
    .option('--host <host>', 'address to listen on', DEFAULT_SERVE.host)
    .option('--port <port>', 'port to listen on', String(DEFAULT_SERVE.port))
    .option('--require-keys', 'require an API key even on loopback')
    .option(
      '--refresh <seconds>',
      'seconds between checks for newly imported list versions',
      String(DEFAULT_SERVE.refreshSeconds),
    )
    .action(
      async (
        flags: { host: string; port: string; requireKeys?: boolean; refresh: string },
        command: Command,
      ) => {
        const ctx = commandContext(command);
        const refreshSeconds = Number(flags.refresh);
        if (!Number.isFinite(refreshSeconds) || refreshSeconds < 1)
          throw new AppError('usage', `--refresh must be a number of seconds ≥ 1, got "${flags.refresh}"`);
        const options: ServeOptions = {
          host: flags.host,
          port: parsePort(flags.port),
          requireKeys: flags.requireKeys === true,
          refreshSeconds,
        };
        await ctx.withApp((app) => runServer(app, options, ctx.printer));
      },
    );
}
