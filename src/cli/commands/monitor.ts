// `embargo monitor` screens what changed since the last run — new list versions and changed parties — and updates
// the alerts (it also runs by itself after every import or update that creates a version); `--full` re-screens the
// whole book. `embargo webhooks add|list|remove|deliver|deliveries` manages the endpoints that receive signed events.
import type { Command } from 'commander';
import { openMonitoring, type MonitoringContext } from '../../app/monitoring.ts';
import { AppError } from '../../domain/errors.ts';
import {
  addEndpoint,
  endpointOut,
  WEBHOOK_EVENT_TYPES,
  type MonitorReport,
  type PassReport,
} from '../../monitor/index.ts';
import { commandContext, type CommandContext } from '../context.ts';
import { table, type Printer } from '../output.ts';
import { localActor } from './alerts.ts';
import { screeningDate } from './ownership.ts';

function withMonitoring<T>(
  ctx: CommandContext,
  fn: (m: MonitoringContext, today: string) => Promise<T>,
): Promise<T> {
  return ctx.withApp(async (app) => {
    const m = await openMonitoring(app);
    try {
      return await fn(m, app.config.today);
    } finally {
      await m.close();
    }
  });
}

const n = (c: { opened: number; reopened: number; closed: number; suppressed: number }) =>
  `${c.opened} opened, ${c.reopened} re-opened, ${c.closed} closed, ${c.suppressed} kept cleared`;

/** The report of a run, in words (also printed after an import). */
export function printMonitorReport(printer: Printer, r: MonitorReport, delivery?: PassReport): void {
  const lists = r.lists
    .map((l) => `${l.list_id} v${l.from ?? '-'}→v${l.to} (+${l.added} ~${l.changed} −${l.removed})`)
    .join(', ');
  printer.out(
    `monitor (${r.mode}): ${lists === '' ? 'no new list versions' : lists}; book revision ${r.book.from ?? '-'}→${r.book.to}, ${r.book.partiesChanged} parties changed`,
  );
  printer.out(
    `  screened ${r.partiesScreened} parties${r.mode === 'delta' ? ` (${r.candidates} proposed by the book's reverse index)` : ''}`,
  );
  printer.out(`  name alerts: ${n(r.name)}; ownership alerts: ${n(r.ownership)}`);
  for (const e of r.errors.slice(0, 10)) printer.err(`  party ${e.partyId} not screened: ${e.message}`);
  const d =
    delivery === undefined
      ? ''
      : `; webhooks: ${delivery.delivered} delivered, ${delivery.retrying} to retry`;
  printer.out(`  ${r.webhookEvents} webhook events${d}; ${(r.timings.totalMs / 1000).toFixed(1)} s`);
}

function registerRun(program: Command): void {
  program
    .command('monitor')
    .description(
      'screen what changed since the last run (new list versions, changed parties) and update the alerts',
    )
    .option('--full', 're-screen the whole book instead of the changes')
    .option('--date <date>', 'screening date YYYY-MM-DD: ownership rules in force that day (default: today)')
    .option(
      '--no-deliver',
      'leave webhook events in the outbox (the server or `embargo webhooks deliver` sends them)',
    )
    .option('--user <name>', 'recorded as the actor of the alert events (default: the logged-in user)')
    .action(
      async (flags: { full?: boolean; date?: string; deliver: boolean; user?: string }, command: Command) => {
        const ctx = commandContext(command);
        const actor = localActor(flags.user);
        const { report, delivery } = await withMonitoring(ctx, async (m, today) => {
          const r = await m.run({
            actor,
            channel: 'cli',
            date: screeningDate(flags.date, today),
            full: flags.full === true,
          });
          return { report: r, delivery: flags.deliver ? await m.deliver({ timeoutMs: 5_000 }) : undefined };
        });
        if (ctx.printer.json) ctx.printer.out(JSON.stringify({ ...report, delivery }, null, 2));
        else printMonitorReport(ctx.printer, report, delivery);
      },
    );
}

function eventsOf(text: string | undefined): string[] {
  return text === undefined
    ? []
    : text
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
}

function registerWebhooks(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .description(
      'endpoints that receive signed events (Standard Webhooks): add, list, remove, deliver, deliveries',
    );
  webhooks
    .command('add')
    .description('register an endpoint; prints its signing secret once')
    .argument('<url>', 'http(s) URL that receives POSTed JSON events')
    .option('--events <types>', `comma-separated (default: all): ${WEBHOOK_EVENT_TYPES.join(', ')}`)
    .option('--description <text>', 'what it is for')
    .action(async (url: string, flags: { events?: string; description?: string }, command: Command) => {
      const ctx = commandContext(command);
      const e = await withMonitoring(ctx, (m) =>
        addEndpoint(m.deps.monitor, {
          url,
          events: eventsOf(flags.events),
          ...(flags.description === undefined ? {} : { description: flags.description }),
        }),
      );
      if (ctx.printer.json)
        return ctx.printer.out(JSON.stringify({ ...endpointOut(e), secret: e.secret }, null, 2));
      ctx.printer.out(
        `${e.endpointId}  ${e.url}  events: ${e.events.length === 0 ? 'all' : e.events.join(', ')}`,
      );
      ctx.printer.out(`signing secret (shown once; verify webhook-signature with it): ${e.secret}`);
    });
  webhooks
    .command('list')
    .option('--all', 'include removed endpoints')
    .action(async (flags: { all?: boolean }, command: Command) => {
      const ctx = commandContext(command);
      const list = await withMonitoring(ctx, (m) =>
        m.deps.monitor.endpoints({ includeDisabled: flags.all === true }),
      );
      if (ctx.printer.json) return ctx.printer.out(JSON.stringify(list.map(endpointOut), null, 2));
      ctx.printer.out(
        list.length === 0
          ? 'no webhook endpoints'
          : table(
              ['endpoint', 'url', 'events', 'created', 'removed'],
              list.map((e) => [
                e.endpointId,
                e.url,
                e.events.join(',') || 'all',
                e.createdAt,
                e.disabledAt ?? '',
              ]),
            ),
      );
    });
  webhooks
    .command('remove')
    .argument('<endpointId>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const done = await withMonitoring(ctx, (m) =>
        m.deps.monitor.disableEndpoint(id, new Date().toISOString()),
      );
      if (!done)
        throw new AppError('not_found', `no active webhook endpoint ${id}`, {
          hint: 'embargo webhooks list',
        });
      ctx.printer.out(`${id} removed; its undelivered events are marked failed`);
    });
  webhooks
    .command('deliver')
    .description('send the webhook events that are due now (one pass)')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const r = await withMonitoring(ctx, (m) => m.deliver());
      ctx.printer.out(
        ctx.printer.json
          ? JSON.stringify(r)
          : `${r.attempted} attempted: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} failed`,
      );
    });
  webhooks
    .command('deliveries')
    .description('the delivery log (every attempt), newest last')
    .option('--endpoint <endpointId>')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (flags: { endpoint?: string; limit: string }, command: Command) => {
      const ctx = commandContext(command);
      const log = await withMonitoring(ctx, (m) =>
        m.deps.monitor.deliveries({
          limit: Number(flags.limit) || 100,
          ...(flags.endpoint === undefined ? {} : { endpointId: flags.endpoint }),
        }),
      );
      if (ctx.printer.json) return ctx.printer.out(JSON.stringify(log, null, 2));
      ctx.printer.out(
        log.length === 0
          ? 'no deliveries'
          : table(
              ['at', 'message', 'endpoint', 'attempt', 'outcome', 'status', 'error'],
              log.map((d) => [
                d.at,
                d.messageId,
                d.endpointId,
                d.attempt,
                d.outcome,
                d.statusCode ?? '',
                d.error ?? '',
              ]),
            ),
      );
    });
}

export function registerMonitor(program: Command): void {
  registerRun(program);
  registerWebhooks(program);
}
