// `embargo parties import|screen|show|decide`: the counterparty book. Import upserts parties by party_id (a file
// with more than 1 % bad rows is refused whole); screen checks every party by name and ownership and stores the
// results (exit 1 when any party is restricted or needs review); show prints one party's result with its findings
// and paths; decide records that a match is (or is not) the listed party.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { snakeKeys, type BookSummary, type PartiesImportReport, type PartyView } from '../../book/index.ts';
import { AppError } from '../../domain/errors.ts';
import { formatShare } from '../../graph/index.ts';
import { commandContext } from '../context.ts';
import { EXIT, table, type Printer } from '../output.ts';
import { printFinding, screeningDate, withBook } from './ownership.ts';

function printWarnings(
  printer: Printer,
  warnings: readonly { file: string; line: number; reason: string }[],
  limit = 20,
): void {
  for (const w of warnings.slice(0, limit)) printer.err(`  bad row ${w.file}:${w.line}: ${w.reason}`);
  if (warnings.length > limit) printer.err(`  … ${warnings.length - limit} more (see --json)`);
}

function describeImport(r: PartiesImportReport): string {
  return `book revision ${r.revision}: ${r.imported} parties from ${r.rowsRead} rows (+${r.added} ~${r.changed} =${r.unchanged}); ${r.badRows} bad rows skipped — ${r.path} [${r.format}]`;
}

/** The summary of a book screening, in words. */
export function printSummary(printer: Printer, s: BookSummary): void {
  printer.out(
    `screened ${s.parties} parties and ${s.relations} relations on ${s.date} against ${s.lists.map((l) => `${l.list_id} v${l.version}`).join(', ') || 'no lists'} (${s.algorithm})`,
  );
  printer.out(
    table(
      ['restricted by name', 'restricted through ownership', 'needs review', 'clear', 'name matches'],
      [[s.restrictedByName, s.restrictedThroughOwnership, s.needsReview, s.clear, s.nameMatches]],
    ),
  );
  printer.out(`rules in force: ${s.rulesInForce.join(', ')}`);
  for (const r of s.rulesNotInForce) printer.out(`not in force: ${r.ruleId} — ${r.reason}`);
  printer.out(
    `time: ${(s.timings.totalMs / 1000).toFixed(1)} s (names ${(s.timings.nameMs / 1000).toFixed(1)} s, ownership ${(s.timings.ownershipMs / 1000).toFixed(1)} s, store ${(s.timings.storeMs / 1000).toFixed(1)} s); run ${s.runId}`,
  );
}

function printParty(printer: Printer, v: PartyView): void {
  const p = v.party;
  printer.out(
    `${p.partyId}  ${p.name}  (${p.schema}${p.country === undefined ? '' : `, ${p.country.toUpperCase()}`}${p.roles.length === 0 ? '' : `; ${p.roles.join(', ')}`})`,
  );
  if (p.identifiers.length > 0) printer.out(`  ids: ${p.identifiers.join(', ')}`);
  for (const e of v.relations)
    printer.out(`  relation: ${e.owner} →(${formatShare(e.share)}, ${e.kind}) ${e.owned} [${e.source}]`);
  if (v.result === undefined) {
    printer.out('  not screened yet: run `embargo parties screen`');
    return;
  }
  const r = v.result;
  printer.out(
    `  status: ${r.status.toUpperCase()} (by name: ${r.nameStatus}; through ownership: ${r.ownershipStatus}) — run ${v.run?.runId ?? r.runId} on ${v.run?.date ?? '?'}`,
  );
  for (const m of r.detail?.matches ?? [])
    printer.out(
      `  match: ${m.score.toFixed(2)} ${m.entityId} "${m.listedName}" (${m.certainty}: ${m.basis}) — ${m.why.join('; ')}`,
    );
  for (const f of r.detail?.findings ?? []) printFinding(printer, f);
}

function registerImport(parties: Command): void {
  parties
    .command('import')
    .description(
      'import parties (CSV, XLSX or JSON lines: party_id, name, schema, country, address, id, roles), upserting by party_id',
    )
    .argument('<file>', 'parties file')
    .option('--format <format>', 'csv, xlsx or jsonl (default: from the file extension)')
    .action(async (file: string, flags: { format?: string }, command: Command) => {
      const ctx = commandContext(command);
      const report = await withBook(ctx, (service) =>
        service.importParties(file, flags.format === undefined ? {} : { format: flags.format }),
      );
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(report), null, 2));
      else {
        ctx.printer.out(describeImport(report));
        printWarnings(ctx.printer, report.warnings);
      }
    });
}

function registerScreen(parties: Command): void {
  parties
    .command('screen')
    .description(
      'screen every party by name and ownership and store the results (exit 1 when any party is restricted or needs review)',
    )
    .option(
      '--date <date>',
      'screening date YYYY-MM-DD: rules and listings in force that day (default: today)',
    )
    .option(
      '--workers <n>',
      'worker threads for name screening (default: the cores, for books of 20,000 parties or more)',
    )
    .action(async (flags: { date?: string; workers?: string }, command: Command) => {
      const ctx = commandContext(command);
      const workers = flags.workers === undefined ? undefined : Number(flags.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64))
        throw new AppError('usage', `--workers must be a whole number from 0 to 64, got "${flags.workers}"`);
      const summary = await withBook(ctx, async (service, today) => {
        if ((await service.book.partyCount()) === 0)
          throw new AppError('not_found', 'the book has no parties', {
            hint: 'import them first: embargo parties import <file>',
          });
        return service.screen({
          date: screeningDate(flags.date, today),
          ...(workers === undefined ? {} : { workers }),
        });
      });
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(summary), null, 2));
      else printSummary(ctx.printer, summary);
      process.exitCode = summary.clear < summary.parties ? EXIT.findings : EXIT.ok;
    });
}

function registerShow(parties: Command): void {
  parties
    .command('show')
    .description(
      'a party, its relations and its latest result with matches, findings and paths (exit 1 when it is not clear)',
    )
    .argument('<party_id>', 'party_id of the book')
    .action(async (partyId: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const view = await withBook(ctx, (service) => service.party(partyId));
      if (view === undefined)
        throw new AppError('not_found', `no party ${partyId} in the book`, {
          hint: 'party ids are the party_id column of the imported file',
        });
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(view), null, 2));
      else printParty(ctx.printer, view);
      process.exitCode = (view.result?.status ?? 'clear') === 'clear' ? EXIT.ok : EXIT.findings;
    });
}

function registerDecide(parties: Command): void {
  parties
    .command('decide')
    .description(
      'record that a party is (--confirm) or is not (--reject) a listed entity; the next screening and what-if use it',
    )
    .argument('<party_id>', 'party_id of the book')
    .argument('<entity_id>', 'listed entity id, e.g. us_ofac_sdn:27063')
    .option('--confirm', 'the party is the listed entity: its holdings restrict')
    .option('--reject', 'the party is not the listed entity (a false positive)')
    .requiredOption('--reason <text>', 'why (kept with the decision)')
    .action(
      async (
        partyId: string,
        entityId: string,
        flags: { confirm?: boolean; reject?: boolean; reason: string },
        command: Command,
      ) => {
        const ctx = commandContext(command);
        if (flags.confirm === flags.reject)
          throw new AppError('usage', 'give exactly one of --confirm or --reject');
        const decision = {
          partyId,
          entityId,
          decision: flags.confirm === true ? ('confirmed' as const) : ('rejected' as const),
          actor: `local:${userInfo().username}`,
          reason: flags.reason,
          decidedAt: new Date().toISOString(),
        };
        await withBook(ctx, (service) => service.decide(decision));
        ctx.printer.out(
          ctx.printer.json
            ? JSON.stringify(snakeKeys(decision), null, 2)
            : `${partyId} × ${entityId}: ${decision.decision}; run \`embargo parties screen\` to apply it to the stored results`,
        );
      },
    );
}

export function registerParties(program: Command): void {
  const parties = program
    .command('parties')
    .description('the counterparty book: import, screen by name and ownership, show, decide');
  registerImport(parties);
  registerScreen(parties);
  registerShow(parties);
  registerDecide(parties);
}
