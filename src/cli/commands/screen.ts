// `embargo screen "<name>"`: screen one party against the loaded lists; the screening is recorded in the audit
// log (actor local:<user>, channel cli) before it is printed. Exit code 1 when there is a finding.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { checkListSelection, emptySubLists } from '../../app/list-selection.ts';
import { openScreening } from '../../app/screening-context.ts';
import type { PartyQuery, ScreenSettings, ScreeningResponse } from '../../app/screening-types.ts';
import { AppError } from '../../domain/errors.ts';
import { listId, type ListId } from '../../domain/ids.ts';
import { commandContext } from '../context.ts';
import { EXIT, table, type Printer } from '../output.ts';

interface ScreenFlags {
  schema?: string;
  country?: string;
  birthDate?: string;
  id?: string[];
  address?: string;
  lists?: string;
  threshold?: string;
  limit?: string;
}

function number(
  flag: string | undefined,
  name: string,
  check: (n: number) => boolean,
  expected: string,
): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (flag.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new AppError('usage', `--${name} must be ${expected}, got "${flag}"`);
  return n;
}

function settingsOf(flags: ScreenFlags): ScreenSettings {
  const threshold = number(flags.threshold, 'threshold', (n) => n >= 0 && n <= 1, 'a score between 0 and 1');
  const limit = number(
    flags.limit,
    'limit',
    (n) => Number.isInteger(n) && n >= 1 && n <= 100,
    'a whole number from 1 to 100',
  );
  const lists = flags.lists
    ?.split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return {
    ...(threshold === undefined ? {} : { threshold }),
    ...(limit === undefined ? {} : { limit }),
    ...(lists === undefined || lists.length === 0 ? {} : { lists }),
  };
}

function partyOf(name: string, flags: ScreenFlags): PartyQuery {
  return {
    name,
    ...(flags.schema === undefined ? {} : { schema: flags.schema }),
    ...(flags.country === undefined ? {} : { country: flags.country }),
    ...(flags.birthDate === undefined ? {} : { birth_date: flags.birthDate }),
    ...(flags.id === undefined ? {} : { id: flags.id }),
    ...(flags.address === undefined ? {} : { address: flags.address }),
  };
}

/** Prints matches as a table (score, list, listed name, matched alias, why) and the jurisdiction findings. */
export function printScreening(printer: Printer, r: ScreeningResponse): void {
  const lists = r.lists.map((l) => `${l.list_id} v${l.version}`).join(', ');
  printer.out(
    `${r.matches.length} match(es) for "${r.query.name}" at threshold ${r.threshold} (${r.algorithm}; ${lists || 'no lists'})`,
  );
  if (r.matches.length > 0) {
    const rows = r.matches.map((m) => [
      m.score.toFixed(2),
      [m.list_id, ...m.also_on.map((a) => a.list_id)].join(' '),
      m.listed_name,
      m.matched_name === m.listed_name ? '' : m.matched_name,
      m.explanation
        .filter((e) => e.contribution !== 0)
        .map((e) => e.reason)
        .join('; '),
    ]);
    printer.out(table(['score', 'lists', 'listed name', 'matched alias', 'why'], rows));
  }
  for (const j of r.jurisdictions) {
    printer.out(
      `jurisdiction: ${j.name} (${j.level.replaceAll('_', ' ')}; ${j.matched_on} "${j.value}") — ${j.citations.map((c) => c.citation).join('; ')}`,
    );
  }
  printer.out(`screening ${r.id} recorded in the audit log`);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerScreen(program: Command): void {
  program
    .command('screen')
    .description(
      'screen a name against the loaded lists (recorded in the audit log); exit code 1 when there is a finding',
    )
    .argument('<name>', 'name of the party, any script')
    .option('--schema <schema>', 'Person, Company, Organization, LegalEntity, Vessel or Airplane')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 country code')
    .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--id <type:value>', 'identifier, e.g. imo:9187629 (repeatable)', collect)
    .option('--address <text>', 'address (checked for embargoed jurisdictions)')
    .option('--lists <ids>', 'comma-separated list ids or sub-lists (default: all loaded)')
    .option('--threshold <score>', 'report matches scoring at least this (default: the algorithm threshold)')
    .option('--limit <n>', 'at most this many matches (default 10)')
    .action(async (name: string, flags: ScreenFlags, command: Command) => {
      const ctx = commandContext(command);
      const settings = settingsOf(flags);
      const only =
        settings.lists === undefined
          ? undefined
          : ([...new Set(settings.lists.map((l) => listId(l.split(':')[0]!)))] as ListId[]);
      const response = await ctx.withApp(async (app) => {
        if (settings.lists !== undefined)
          checkListSelection(
            settings.lists,
            (await app.store.currentVersions()).map((v) => v.listId),
          );
        const screening = await openScreening(app, {
          worker: false,
          ...(only === undefined ? {} : { lists: only }),
        });
        try {
          if (screening.screener.state().lists.length === 0) {
            throw new AppError('not_found', 'no lists are loaded', {
              hint: 'run `npm start` or `embargo import <file>` first',
            });
          }
          for (const subList of emptySubLists(settings.lists ?? [], screening.screener.cards())) {
            ctx.printer.err(
              `warning: no record of ${subList.split(':')[0]!} is on the sub-list ${subList.split(':')[1]!}: nothing was screened against ${subList}`,
            );
          }
          return (
            await screening.service.screenOne(
              { actor: `local:${userInfo().username}`, channel: 'cli' },
              partyOf(name, flags),
              settings,
            )
          ).body;
        } finally {
          await screening.close();
        }
      });
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(response, null, 2));
      else printScreening(ctx.printer, response);
      process.exitCode = response.status === 'clear' ? EXIT.ok : EXIT.findings;
    });
}
