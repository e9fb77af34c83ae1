// `embargo screen-file <in.csv> --out <out.jsonl>`: batch screening with the contract of the "Matching engine"
// issue (item 6): one JSON object per input data row, in input order, matches at or above the threshold.
import type { Command } from 'commander';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { buildIndex, DEFAULT_THRESHOLD, screenFile } from '../../matching/index.ts';
import { commandContext } from '../context.ts';

interface ScreenFileFlags {
  out: string;
  lists?: string;
  threshold?: string;
}

function threshold(flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_THRESHOLD;
  const n = Number(flag);
  if (flag.trim() === '' || !(n >= 0 && n <= 1)) throw new AppError('usage', `--threshold must be a number from 0 to 1, got "${flag}"`);
  return n;
}

export function registerScreenFile(program: Command): void {
  program
    .command('screen-file')
    .description('screen every row of a CSV (columns name, schema, country, birth_date, id) into JSON lines')
    .argument('<in.csv>')
    .requiredOption('--out <out.jsonl>', 'output: one JSON object per input row, in input order')
    .option('--lists <ids>', 'comma-separated list ids or sub-lists (e.g. us_ofac_sdn,us_trade_csl:EL); default: every loaded list')
    .option('--threshold <t>', `report matches scoring at least this (default ${DEFAULT_THRESHOLD})`)
    .action(async (input: string, flags: ScreenFileFlags, command: Command) => {
      const ctx = commandContext(command);
      const lists = flags.lists?.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const min = threshold(flags.threshold);
      await ctx.withApp(async (app) => {
        const loaded = await app.store.currentVersions();
        if (loaded.length === 0) throw new AppError('not_found', 'no list is loaded', { hint: 'run `embargo import <file>` or `npm start` first' });
        const wanted = lists === undefined ? undefined : [...new Set(lists.map((l) => listId(l.split(':')[0]!)))];
        const entities: Entity[] = [];
        for await (const e of app.store.currentEntities(wanted)) entities.push(e);
        const index = buildIndex(entities);
        const options = lists === undefined ? { threshold: min } : { threshold: min, lists };
        const summary = await screenFile(index, input, flags.out, options);
        if (ctx.printer.json) ctx.printer.out(JSON.stringify({ ...summary, out: flags.out }));
        else ctx.printer.err(`screened ${summary.rows} rows: ${summary.rowsWithMatches} with matches, ${summary.rowsWithErrors} with errors → ${flags.out}`);
      });
    });
}
