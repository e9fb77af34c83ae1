// `embargo compare "<name1>" "<name2>"` and `embargo compare-file <pairs.csv> --out <out.csv>`:
// pairwise name comparison with the screening algorithm's name feature (issue "Matching engine", item 5).
import type { Command } from 'commander';
import { compareFile, compareNames } from '../../matching/index.ts';
import { commandContext } from '../context.ts';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('score two names against each other, with the explanation')
    .argument('<name1>')
    .argument('<name2>')
    .option('--schema <schema>', 'FtM schema of both parties, e.g. Person or Company')
    .action((name1: string, name2: string, flags: { schema?: string }, command: Command) => {
      const ctx = commandContext(command);
      const result = compareNames(name1, name2, flags.schema);
      if (ctx.printer.json) ctx.printer.out(JSON.stringify({ name1, name2, ...result }, null, 2));
      else ctx.printer.out(`${result.score.toFixed(3)}  ${result.match ? 'match' : 'no match'}  (${result.algorithm})\n${result.explanation}`);
    });

  program
    .command('compare-file')
    .description('compare the pairs of a CSV (columns name1, name2, schema; others passed through) into a CSV with score and match')
    .argument('<pairs.csv>')
    .requiredOption('--out <out.csv>', 'output CSV: the input columns plus score and match')
    .action(async (input: string, flags: { out: string }, command: Command) => {
      const ctx = commandContext(command);
      const rows = await compareFile(input, flags.out);
      if (ctx.printer.json) ctx.printer.out(JSON.stringify({ rows, out: flags.out }));
      else ctx.printer.err(`compared ${rows} pairs → ${flags.out}`);
    });
}
