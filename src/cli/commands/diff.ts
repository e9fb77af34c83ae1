// `embargo diff <listId>`: what changed between two versions of a list.
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { listInfo } from '../../domain/lists.ts';
import { diffList, type ListDiff } from '../../ingest/diff.ts';
import { commandContext } from '../context.ts';
import type { Printer } from '../output.ts';

function version(flag: string | undefined, name: string): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 0) throw new AppError('usage', `--${name} must be a version number, got "${flag}"`);
  return n;
}

function printDiff(printer: Printer, diff: ListDiff): void {
  const list = listInfo(diff.listId).name;
  printer.out(`${diff.listId} v${diff.from} → v${diff.to}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`);
  for (const a of diff.added) printer.out(`+ ${a.caption} was added to the ${list} (${a.id})`);
  for (const r of diff.removed) printer.out(`- ${r.caption} was removed from the ${list} (${r.id})`);
  for (const c of diff.changed) {
    printer.out(`~ ${c.caption} (${c.id})`);
    for (const f of c.changes) {
      for (const v of f.removed) printer.out(`    ${f.field}: − ${v}`);
      for (const v of f.added) printer.out(`    ${f.field}: + ${v}`);
    }
  }
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('show added, removed and changed entities between two versions of a list')
    .argument('<listId>', 'list id, e.g. us_ofac_sdn')
    .option('--from <version>', 'older version (default: the one before --to)')
    .option('--to <version>', 'newer version (default: current)')
    .action(async (id: string, flags: { from?: string; to?: string }, command: Command) => {
      const ctx = commandContext(command);
      const range = { ...(flags.from === undefined ? {} : { from: version(flags.from, 'from')! }), ...(flags.to === undefined ? {} : { to: version(flags.to, 'to')! }) };
      await ctx.withApp(async (app) => {
        const diff = await diffList(app.store, listId(id), range);
        if (ctx.printer.json) ctx.printer.out(JSON.stringify(diff, null, 2));
        else printDiff(ctx.printer, diff);
      });
    });
}
