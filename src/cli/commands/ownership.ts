// `embargo ownership <entity-or-party-id> [--date D]`: ownership findings of a listed entity or a party of the book
// under every rule in force on the date — status, the owners that count, each path with each hop's share, the
// aggregate and the citations (issue 6 item 5). Exit code 1 when a rule gives restricted or review.
import type { Command } from 'commander';
import { BookService, snakeKeys, type OwnershipView } from '../../book/index.ts';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/ids.ts';
import { DEFAULT_RULES_PATH, loadRuleSet, type RuleFinding } from '../../graph/index.ts';
import { openBookStore } from '../../store/index.ts';
import { commandContext, type CommandContext } from '../context.ts';
import { EXIT, type Printer } from '../output.ts';

/** A screening date: YYYY-MM-DD (default: today). */
export function screeningDate(flag: string | undefined, today: string): string {
  if (flag === undefined) return today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || !isIsoDate(flag) || Number.isNaN(Date.parse(flag))) {
    throw new AppError('invalid_date', `--date must be a day YYYY-MM-DD, got "${flag}"`, {
      hint: 'e.g. --date 2025-10-15',
    });
  }
  return flag;
}

/** Opens the book next to the list store (same database) for the duration of `fn`. */
export async function withBook<T>(
  ctx: CommandContext,
  fn: (service: BookService, today: string) => Promise<T>,
): Promise<T> {
  return ctx.withApp(async (app) => {
    const book = await openBookStore(app.config.db);
    try {
      return await fn(
        new BookService({ store: app.store, book, rules: loadRuleSet(DEFAULT_RULES_PATH) }),
        app.config.today,
      );
    } finally {
      await book.close();
    }
  });
}

/** Prints one rule finding: status, why, owners that count, paths, notes. */
export function printFinding(printer: Printer, f: RuleFinding, indent = '  '): void {
  printer.out(
    `${indent}${f.ruleName}: ${f.status.toUpperCase()}${f.status === 'restricted' ? ` (${f.restrictedLabel})` : ''} — held by restricted owners ${f.aggregate.text}, threshold ${f.threshold}`,
  );
  for (const r of f.reasons) printer.out(`${indent}  why: ${r}`);
  for (const p of f.paths) {
    const hops = p.hops
      .map(
        (h) =>
          `${h.ownerName ?? h.owner} →(${h.shareText}${h.kind === 'ownership' ? '' : `, ${h.kind}`}) ${h.ownedName ?? h.owned}`,
      )
      .join(' ; ');
    printer.out(
      `${indent}  path: [${p.listing.listId}${p.listing.subList === undefined ? '' : `:${p.listing.subList}`}${p.listing.certainty === 'potential' ? ', potential match' : ''}] ${hops}`,
    );
  }
  if (f.pathsTruncated) printer.out(`${indent}  … more paths (see --json)`);
  for (const l of f.licences)
    printer.out(
      `${indent}  licence inherited from ${l.ownerName ?? l.owner}: ${l.requirement ?? 'see the Entity List entry'}`,
    );
  for (const n of f.notes) printer.out(`${indent}  note: ${n}`);
}

function printOwnership(printer: Printer, v: OwnershipView): void {
  const r = v.report;
  printer.out(`${v.name ?? v.subject} (${v.subject}) on ${r.date}`);
  for (const l of r.listings)
    printer.out(
      `  listed: ${l.listId}${l.subList === undefined ? '' : `:${l.subList}`} ${l.programs.join(' ')}${l.certainty === 'potential' ? ' (potential match)' : ''} — ${l.name ?? ''}`,
    );
  for (const m of v.matches)
    printer.out(
      `  matches ${m.entityId} "${m.listedName}" ${m.score.toFixed(2)} (${m.certainty}, ${m.basis})`,
    );
  for (const f of r.findings) printFinding(printer, f);
  for (const n of r.notInForce) printer.out(`  ${n.ruleName}: not in force — ${n.reason}`);
}

export function registerOwnership(program: Command): void {
  program
    .command('ownership')
    .description(
      'ownership findings of a listed entity or a party under every rule in force on a date (exit 1 when restricted or review)',
    )
    .argument(
      '<id>',
      'party_id of the book, a listed entity id (us_ofac_sdn:27063), or entity:<id> / party:<id>',
    )
    .option('--date <date>', 'screening date YYYY-MM-DD (default: today)')
    .action(async (id: string, flags: { date?: string }, command: Command) => {
      const ctx = commandContext(command);
      const view = await withBook(ctx, (service, today) =>
        service.ownership(id, screeningDate(flags.date, today)),
      );
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(view), null, 2));
      else printOwnership(ctx.printer, view);
      process.exitCode = view.report.findings.some((f) => f.status !== 'clear') ? EXIT.findings : EXIT.ok;
    });
}
