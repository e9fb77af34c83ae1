// `embargo alerts list|show|decide|policy`: the alerts continuous monitoring raised (docs/design/monitoring.md).
// decide takes one step of the review: review, clear (false positive), confirm (true match), escalate, approve or
// reject a four-eyes request, reopen — with a reason — as the local user (or --user). policy sets which decisions
// need a second user's approval.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { openMonitoring } from '../../app/monitoring.ts';
import { AppError } from '../../domain/errors.ts';
import {
  alertData,
  DECISION_ACTIONS,
  describeChanges,
  type DecisionAction,
  type MaterialChange,
} from '../../monitor/index.ts';
import {
  ALERT_KINDS,
  ALERT_STATES,
  type AlertEvent,
  type AlertKind,
  type AlertRecord,
  type AlertState,
} from '../../store/index.ts';
import { commandContext, type CommandContext } from '../context.ts';
import { table, type Printer } from '../output.ts';

/** The states listed by default: the ones that need someone's attention. */
const OPEN_STATES: readonly AlertState[] = ['open', 'in_review', 'escalated'];

function states(text: string | undefined, all: boolean): AlertState[] | undefined {
  if (all) return undefined;
  if (text === undefined) return [...OPEN_STATES];
  const out = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = out.filter((s) => !(ALERT_STATES as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new AppError('usage', `unknown state ${bad.join(', ')}`, {
      hint: `states: ${ALERT_STATES.join(', ')}`,
    });
  return out as AlertState[];
}

function kindOf(text: string | undefined): AlertKind | undefined {
  if (text === undefined) return undefined;
  if (!(ALERT_KINDS as readonly string[]).includes(text))
    throw new AppError('usage', `--kind must be ${ALERT_KINDS.join(' or ')}`);
  return text as AlertKind;
}

/** `local:<user>`: the CLI's identity in alert events and the audit trail. */
export function localActor(user: string | undefined): string {
  const name = (user ?? userInfo().username).trim();
  if (name === '' || name.length > 100 || /\s/.test(name))
    throw new AppError('usage', `--user must be a user name without spaces, got "${name}"`);
  return `local:${name}`;
}

function withAlerts<T>(
  ctx: CommandContext,
  fn: (m: Awaited<ReturnType<typeof openMonitoring>>) => Promise<T>,
): Promise<T> {
  return ctx.withApp(async (app) => {
    const m = await openMonitoring(app);
    try {
      return await fn(m);
    } finally {
      await m.close();
    }
  });
}

function printAlert(printer: Printer, a: AlertRecord, events: readonly AlertEvent[]): void {
  printer.out(
    `${a.alertId}  ${a.state.toUpperCase()}${a.present ? '' : ' (finding gone)'}  ${a.kind}  score ${a.score.toFixed(2)}`,
  );
  printer.out(`  ${a.summary}`);
  printer.out(
    `  party ${a.partyId}${a.entityId === null ? '' : `, listed ${a.entityId}`}${a.ruleId === null ? '' : `, rule ${a.ruleId}`}`,
  );
  if (a.pending !== null)
    printer.out(`  waiting for approval: ${a.pending.action} by ${a.pending.actor} — ${a.pending.reason}`);
  for (const e of events) {
    const changes = (e.detail as { changes?: MaterialChange[] } | null)?.changes;
    const what = changes === undefined || changes.length === 0 ? '' : ` [${describeChanges(changes)}]`;
    printer.out(
      `  ${e.at}  ${e.action}  ${e.fromState ?? '-'} → ${e.toState}  by ${e.actor}${e.reason === null ? '' : `: ${e.reason}`}${what}`,
    );
  }
}

function registerList(alerts: Command): void {
  alerts
    .command('list')
    .description('alerts that need attention (open, in review, escalated), or those of --state')
    .option('--state <states>', `comma-separated: ${ALERT_STATES.join(', ')}`)
    .option('--all', 'every state')
    .option('--kind <kind>', 'name or ownership')
    .option('--party <partyId>', 'alerts of one party')
    .option('--limit <n>', 'at most this many', '100')
    .action(
      async (
        flags: { state?: string; all?: boolean; kind?: string; party?: string; limit: string },
        command: Command,
      ) => {
        const ctx = commandContext(command);
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
          throw new AppError('usage', '--limit must be a whole number from 1 to 10000');
        const st = states(flags.state, flags.all === true);
        const kind = kindOf(flags.kind);
        const list = await withAlerts(ctx, (m) =>
          m.alerts.list({
            limit,
            ...(st === undefined ? {} : { states: st }),
            ...(kind === undefined ? {} : { kind }),
            ...(flags.party === undefined ? {} : { partyId: flags.party }),
          }),
        );
        if (ctx.printer.json) return ctx.printer.out(JSON.stringify(list.map(alertData), null, 2));
        if (list.length === 0) return ctx.printer.out('no alerts');
        ctx.printer.out(
          table(
            ['alert', 'state', 'kind', 'score', 'summary'],
            list.map((a) => [
              a.alertId,
              a.state + (a.pending === null ? '' : '*'),
              a.kind,
              a.score.toFixed(2),
              a.summary,
            ]),
          ),
        );
      },
    );
}

function registerShow(alerts: Command): void {
  alerts
    .command('show')
    .description('one alert with its finding and every step of its history')
    .argument('<alertId>')
    .action(async (alertId: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const { alert, events } = await withAlerts(ctx, (m) => m.alerts.show(alertId));
      if (ctx.printer.json)
        return ctx.printer.out(
          JSON.stringify(
            {
              ...alertData(alert),
              pending: alert.pending,
              finding: alert.finding,
              material: alert.material,
              events,
            },
            null,
            2,
          ),
        );
      printAlert(ctx.printer, alert, events);
    });
}

function registerDecide(alerts: Command): void {
  alerts
    .command('decide')
    .description(
      'one review step: review, clear (false positive), confirm (true match), escalate, approve / reject a four-eyes request, reopen',
    )
    .argument('<alertId>')
    .argument('<action>', DECISION_ACTIONS.join(' | '))
    .option('--reason <text>', 'why (required for clear, confirm, escalate, reject, reopen)')
    .option('--user <name>', 'who decides (default: the logged-in user)')
    .action(
      async (
        alertId: string,
        action: string,
        flags: { reason?: string; user?: string },
        command: Command,
      ) => {
        const ctx = commandContext(command);
        if (!(DECISION_ACTIONS as readonly string[]).includes(action))
          throw new AppError('usage', `unknown action "${action}"`, {
            hint: `actions: ${DECISION_ACTIONS.join(', ')}`,
          });
        const actor = localActor(flags.user);
        const outcome = await withAlerts(ctx, (m) =>
          m.alerts.decide(alertId, {
            action: action as DecisionAction,
            actor,
            channel: 'cli',
            ...(flags.reason === undefined ? {} : { reason: flags.reason }),
          }),
        );
        if (ctx.printer.json)
          return ctx.printer.out(
            JSON.stringify(
              { ...alertData(outcome.alert), pending: outcome.alert.pending, event: outcome.event },
              null,
              2,
            ),
          );
        const waiting =
          outcome.alert.pending === null
            ? ''
            : ` — waiting for a second user to approve the ${outcome.alert.pending.action}`;
        ctx.printer.out(`${alertId}: ${outcome.event}, ${outcome.from} → ${outcome.alert.state}${waiting}`);
      },
    );
}

function registerPolicy(alerts: Command): void {
  alerts
    .command('policy')
    .description('show or set which decisions need a second user (four-eyes)')
    .option('--four-eyes <decisions>', 'clear, confirm, clear,confirm or none')
    .action(async (flags: { fourEyes?: string }, command: Command) => {
      const ctx = commandContext(command);
      const policy = await withAlerts(ctx, async (m) => {
        if (flags.fourEyes !== undefined) {
          const words = flags.fourEyes
            .split(',')
            .map((w) => w.trim())
            .filter((w) => w !== '' && w !== 'none');
          const bad = words.filter((w) => w !== 'clear' && w !== 'confirm');
          if (bad.length > 0)
            throw new AppError('usage', `--four-eyes takes clear, confirm or none, got ${bad.join(', ')}`);
          await m.alerts.setPolicy({ clear: words.includes('clear'), confirm: words.includes('confirm') });
        }
        return m.alerts.policy();
      });
      if (ctx.printer.json) return ctx.printer.out(JSON.stringify({ four_eyes: policy }));
      const needs = (['clear', 'confirm'] as const).filter((k) => policy[k]);
      ctx.printer.out(
        `four-eyes: ${needs.length === 0 ? 'off (one user decides)' : `${needs.join(' and ')} need a second user's approval`}`,
      );
    });
}

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('alerts raised by continuous monitoring: list, show, decide, policy');
  registerList(alerts);
  registerShow(alerts);
  registerDecide(alerts);
  registerPolicy(alerts);
}
