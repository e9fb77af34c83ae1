// `embargo update [lists...]`: download the lists whose authorities publish machine-readable files, check
// them, and import each as a new version. A failed source keeps its last good version (and says so); the
// others still update; the exit code is 1 when any source failed. See docs/design/update.md.
import type { Command } from 'commander';
import { KNOWN_LISTS } from '../../domain/lists.ts';
import { bundledSourcesSync, loadSourceCatalogue, type FetchedFile } from '../../ingest/fetch/index.ts';
import { updateLists, type SourceOutcome, type UpdateReport } from '../../ingest/update.ts';
import { monitorAfterImport } from '../../app/monitoring.ts';
import { parseEvery, runEvery, untilSignal } from '../../monitor/scheduler.ts';
import { commandContext } from '../context.ts';
import { EXIT, reportError, type Printer } from '../output.ts';
import { localActor } from './alerts.ts';
import { printMonitorReport } from './monitor.ts';

interface UpdateFlags {
  sources?: string;
  allowMassRemoval?: boolean;
  every?: string;
}

/** The help epilogue: what can be updated from where, and which lists are import-only. */
function helpText(): string {
  const sources = bundledSourcesSync();
  const updatable = new Set<string>(sources.map((s) => s.listId));
  const width = Math.max(...sources.map((s) => s.listId.length));
  const lines = sources.map((s) => `  ${s.listId.padEnd(width)}  ${new URL(s.files[0]!.url).host}${s.requiresToken ? ' (needs EMBARGO_EU_FSF_TOKEN)' : ''}`);
  const importOnly = [...KNOWN_LISTS.keys()].filter((id) => !updatable.has(id));
  return [
    '',
    'Updatable lists (official URLs in data/sources.json; override them with --sources or EMBARGO_SOURCES):',
    ...lines,
    '',
    'Every other list is import-only: download its file yourself, then run `embargo import <file>`:',
    ...wrap(importOnly, 100),
    '',
    'Each download is checked (HTTP 200, complete body and Content-Length, file type and first bytes, minimum',
    'size) and then imported with the usual safety limits (1 % bad records, 20 % removals). A source that',
    'fails keeps its current version; the others still update; the exit code is 1 if any failed.',
  ].join('\n');
}

/** Comma-separated ids on indented lines of at most `width` characters. */
function wrap(ids: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = ' ';
  for (const [i, id] of ids.entries()) {
    const item = ` ${id}${i < ids.length - 1 ? ',' : ''}`;
    if (line.length + item.length > width) {
      lines.push(line);
      line = ' ';
    }
    line += item;
  }
  return [...lines, line];
}

const size = (bytes: number) => `${bytes.toLocaleString('en')} bytes`;

function fileLines(files: readonly FetchedFile[]): string[] {
  return files.map((f) => `  ${f.name}: ${size(f.bytes)}, sha256 ${f.sha256} (${f.url})`);
}

/** Prints one source's outcome as it finishes: successes to stdout, failures to stderr. */
function printOutcome(printer: Printer, o: SourceOutcome): void {
  if (o.status === 'skipped') {
    printer.out(`${o.listId}: skipped (${o.reason})`);
  } else if (o.status === 'failed') {
    printer.err(`${o.listId}: FAILED — ${o.message}`);
    if (o.hint !== undefined) printer.err(`  fix: ${o.hint}`);
  } else {
    const r = o.report;
    const bad = r.warnings.filter((w) => w.severity === 'bad_record').length;
    const head = o.status === 'updated'
      ? `${o.listId} v${r.version}: ${r.entitiesStored} entities from ${r.rowsRead} rows (+${r.added} −${r.removed} ~${r.changed})`
      : `${o.listId}: unchanged (content identical to v${r.version}), no new version`;
    printer.out(`${head}; ${r.warnings.length} warnings (${bad} bad records)`);
    for (const line of fileLines(o.files)) printer.out(line);
  }
}

function summary(report: UpdateReport): string {
  const count = (status: SourceOutcome['status']) => report.outcomes.filter((o) => o.status === status).length;
  return `${report.outcomes.length} lists: ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed, ${count('skipped')} skipped`;
}

/** JSON form: the import report without its (possibly thousands of) warnings, which `lists`/`diff` keep. */
function toJson(report: UpdateReport): unknown {
  return report.outcomes.map((o) => {
    if (o.status !== 'updated' && o.status !== 'unchanged') return o;
    const { warnings, ...rest } = o.report;
    return { ...o, report: { ...rest, warnings: warnings.length, badRecords: warnings.filter((w) => w.severity === 'bad_record').length } };
  });
}

export function registerUpdate(program: Command): void {
  program
    .command('update')
    .description('download the official list files (OFAC, trade.gov CSL, UN, EU FSF, UK FCDO), check them and import new versions')
    .argument('[lists...]', 'list ids to update (default: every updatable list)')
    .option('--sources <file>', 'JSON file overriding source URLs or minimum sizes, or switching sources off (env EMBARGO_SOURCES)')
    .option('--allow-mass-removal', 'accept a version that removes more than 20 % of the current entities')
    .addHelpText('after', helpText)
    .option('--every <interval>', 'keep running: update now and then every interval (30m, 1h, 1d) until Ctrl-C; each new version is monitored')
    .action(async (lists: string[], flags: UpdateFlags, command: Command) => {
      const once = async (): Promise<void> => {
        // A fresh context per run: "today" moves on while the scheduler runs for days.
        const ctx = commandContext(command);
        const report = await ctx.withApp(async (app) => {
          const sources = await loadSourceCatalogue({ overridesPath: flags.sources ?? app.config.sourcesFile });
          const r = await updateLists(app.store, sources, {
            today: app.config.today,
            only: lists,
            allowMassRemoval: flags.allowMassRemoval === true,
            tokens: { eu_fsf: app.config.euFsfToken },
            ...(ctx.printer.json ? {} : { onOutcome: (o: SourceOutcome) => printOutcome(ctx.printer, o) }),
          });
          // Continuous monitoring: new versions are screened against the book at once (issue 8).
          const monitored = await monitorAfterImport(app, r.outcomes.some((o) => o.status === 'updated'), localActor(undefined));
          if (monitored !== undefined && !ctx.printer.json) printMonitorReport(ctx.printer, monitored.report, monitored.delivery);
          return r;
        });
        if (ctx.printer.json) ctx.printer.out(JSON.stringify(toJson(report), null, 2));
        else (report.failed > 0 ? ctx.printer.err : ctx.printer.out)(summary(report));
        process.exitCode = report.failed > 0 ? EXIT.failure : EXIT.ok;
      };
      if (flags.every === undefined) return once();
      const printer = commandContext(command).printer;
      await runEvery(once, {
        intervalMs: parseEvery(flags.every),
        stop: untilSignal(),
        onError: (error) => reportError(printer, error),
        onWait: (next) => printer.err(`next update at ${next.toISOString()} (Ctrl-C stops)`),
      });
    });
}
