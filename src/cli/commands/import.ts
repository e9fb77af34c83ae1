// `embargo import <path...>`: load list files as new list versions.
import type { Command } from 'commander';
import { listId } from '../../domain/ids.ts';
import { importList, type ImportReport } from '../../ingest/import-list.ts';
import { monitorAfterImport } from '../../app/monitoring.ts';
import { localActor } from './alerts.ts';
import { printMonitorReport } from './monitor.ts';
import { commandContext } from '../context.ts';
import { EXIT, reportError, type Printer } from '../output.ts';

interface ImportFlags {
  format?: string;
  list?: string;
  allowMassRemoval?: boolean;
  monitor: boolean;
}

export function describeImport(r: ImportReport): string {
  const bad = r.warnings.filter((w) => w.severity === 'bad_record').length;
  const head = r.created
    ? `${r.listId} v${r.version}: ${r.entitiesStored} entities from ${r.rowsRead} rows (+${r.added} −${r.removed} ~${r.changed})`
    : `${r.listId}: unchanged (content identical to v${r.version}), no new version`;
  return `${head}; ${r.warnings.length} warnings (${bad} bad records) — ${r.path} [${r.format}]`;
}

function printWarnings(printer: Printer, r: ImportReport, limit = 20): void {
  for (const w of r.warnings.slice(0, limit)) printer.err(`  warning ${w.file}:${w.line}: ${w.reason}`);
  if (r.warnings.length > limit) printer.err(`  … ${r.warnings.length - limit} more warnings (see --json)`);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import list files (format detected from content) as new versions of their lists')
    .argument('<paths...>', 'list files or folders (e.g. an OFAC CSV set)')
    .option('--format <id>', 'read with this format instead of detecting it')
    .option('--list <listId>', 'store under this list id (e.g. for a company\'s own list)')
    .option('--allow-mass-removal', 'accept a version that removes more than 20 % of the current entities')
    .option('--no-monitor', 'do not run the monitor (alerts, webhooks) after a new version')
    .action(async (paths: string[], flags: ImportFlags, command: Command) => {
      const ctx = commandContext(command);
      const reports: ImportReport[] = [];
      let failed = false;
      await ctx.withApp(async (app) => {
        for (const path of paths) {
          try {
            const options = {
              today: app.config.today,
              allowMassRemoval: flags.allowMassRemoval === true,
              ...(flags.format === undefined ? {} : { format: flags.format }),
              ...(flags.list === undefined ? {} : { listId: listId(flags.list) }),
            };
            const report = await importList(app.store, path, options);
            reports.push(report);
            if (!ctx.printer.json) {
              ctx.printer.out(describeImport(report));
              printWarnings(ctx.printer, report);
            }
          } catch (error) {
            failed = true;
            reportError(ctx.printer, error);
          }
        }
        // Continuous monitoring: a new version is screened against the book at once (issue 8).
        const monitored = flags.monitor ? await monitorAfterImport(app, reports.some((r) => r.created), localActor(undefined)) : undefined;
        if (monitored !== undefined && !ctx.printer.json) printMonitorReport(ctx.printer, monitored.report, monitored.delivery);
      });
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(reports, null, 2));
      process.exitCode = failed ? EXIT.failure : EXIT.ok;
    });
}
