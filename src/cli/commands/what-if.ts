// `embargo what-if --add-entity "<name>" --list <listId> [--country CC] [--id T:V] [--date D]` or
// `--add-file <entities.jsonl>`: simulates listings without touching the real lists and prints the parties whose
// status would rise — by name or through ownership — against today's result, with paths. Exit 1 when any would.
import type { Command } from 'commander';
import {
  snakeKeys,
  readSimulationFile,
  simulation,
  type PartyChange,
  type Simulation,
  type WhatIfReport,
} from '../../book/index.ts';
import { AppError } from '../../domain/errors.ts';
import { commandContext } from '../context.ts';
import { EXIT, type Printer } from '../output.ts';
import { printFinding, screeningDate, withBook } from './ownership.ts';

interface WhatIfFlags {
  addEntity?: string;
  addFile?: string;
  list?: string;
  country?: string;
  schema?: string;
  id?: string[];
  program?: string[];
  date?: string;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

async function simulationOf(flags: WhatIfFlags): Promise<Simulation> {
  if ((flags.addEntity === undefined) === (flags.addFile === undefined)) {
    throw new AppError(
      'usage',
      'give either --add-entity "<name>" --list <listId>, or --add-file <entities.jsonl>',
    );
  }
  if (flags.addFile !== undefined) return readSimulationFile(flags.addFile);
  if (flags.list === undefined)
    throw new AppError(
      'usage',
      '--add-entity needs --list <listId> (e.g. us_ofac_sdn, or us_trade_csl:EL for the Entity List)',
    );
  return simulation([
    {
      name: flags.addEntity!,
      list: flags.list,
      ...(flags.country === undefined ? {} : { country: flags.country }),
      ...(flags.schema === undefined ? {} : { schema: flags.schema }),
      ...(flags.id === undefined ? {} : { ids: flags.id }),
      ...(flags.program === undefined ? {} : { programs: flags.program }),
    },
  ]);
}

function statusLine(c: PartyChange): string {
  const rules = c.rulesChanged.map((r) => `${r.ruleId} ${r.before} → ${r.after}`).join(', ');
  return `${c.partyId}  ${c.name ?? ''}: ${c.before.status} → ${c.after.status}${rules === '' ? '' : ` (${rules})`}`;
}

function printReport(printer: Printer, r: WhatIfReport): void {
  const listed = r.simulated
    .map((s) => `"${s.name}" on ${s.listId}${s.subList === undefined ? '' : `:${s.subList}`}`)
    .join(', ');
  printer.out(
    `what if ${listed} on ${r.date}: ${r.summary.changed} parties change (newly restricted by name ${r.summary.newlyRestrictedByName}, through ownership ${r.summary.newlyRestrictedThroughOwnership}; newly needing review ${r.summary.newlyNeedsReview})`,
  );
  printer.out(
    r.baseline === null
      ? "against: no stored screening yet (run `embargo parties screen`); today's matches are taken as none"
      : `against: screening run ${r.baseline.runId} of ${r.baseline.at} (date ${r.baseline.date})`,
  );
  for (const c of r.changes) {
    printer.out(statusLine(c));
    for (const m of c.newMatches)
      printer.out(`    new match ${m.score.toFixed(2)} "${m.listedName}" (${m.certainty}: ${m.basis})`);
    for (const f of c.findings ?? []) printFinding(printer, f, '    ');
  }
  printer.out(
    `re-scored ${r.rescored} parties found through the reverse index; ${(r.timings.totalMs / 1000).toFixed(2)} s`,
  );
}

export function registerWhatIf(program: Command): void {
  program
    .command('what-if')
    .description(
      'simulate listing an entity (nothing is stored) and show the parties whose status would change, with paths (exit 1 when any would)',
    )
    .option('--add-entity <name>', 'name of the entity to list')
    .option(
      '--list <listId>',
      'the list to put it on, e.g. us_ofac_sdn, or us_trade_csl:EL for the Entity List',
    )
    .option('--country <cc>', 'its country (ISO 3166-1 alpha-2)')
    .option('--schema <schema>', 'Person, Company, Organization, LegalEntity (default), Vessel or Airplane')
    .option('--id <type:value>', 'its identifier, e.g. uscc:91330000733796106P (repeatable)', collect)
    .option(
      '--program <program>',
      'its sanctions program, e.g. SDGT (repeatable; some rules count only some programs)',
      collect,
    )
    .option(
      '--add-file <file>',
      'JSON lines of entities ({"name","list",…}) and relations ({"owner","owned","percent"})',
    )
    .option('--date <date>', 'date YYYY-MM-DD: rules in force that day (default: today)')
    .action(async (flags: WhatIfFlags, command: Command) => {
      const ctx = commandContext(command);
      const sim = await simulationOf(flags);
      const report = await withBook(ctx, (service, today) =>
        service.whatIf(sim, screeningDate(flags.date, today)),
      );
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(report), null, 2));
      else printReport(ctx.printer, report);
      process.exitCode = report.changes.length > 0 ? EXIT.findings : EXIT.ok;
    });
}
