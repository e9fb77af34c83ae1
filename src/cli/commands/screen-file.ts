// `embargo screen-file <in> --out <out>`: batch screening with the contract of the "Matching engine" issue (item
// 6) extended by "Screening interfaces" (item 1): CSV, XLSX or JSON lines in; JSON lines (one object per data
// row, in input order) or CSV (one line per match) out; worker threads; a progress bar; one audit record per
// file, written before the output appears (src/app/batch/screen-file.ts).
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { screenFileAudited } from '../../app/batch/screen-file.ts';
import { AppError } from '../../domain/errors.ts';
import { DEFAULT_THRESHOLD, defaultWorkers } from '../../matching/index.ts';
import { commandContext } from '../context.ts';
import { rowProgressBar } from '../progress.ts';

interface ScreenFileFlags {
  out: string;
  lists?: string;
  threshold?: string;
  inputFormat?: string;
  outputFormat?: string;
  workers?: string;
  progress?: boolean;
}

function threshold(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (flag.trim() === '' || !(n >= 0 && n <= 1))
    throw new AppError('usage', `--threshold must be a number from 0 to 1, got "${flag}"`);
  return n;
}

function workers(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (flag.trim() === '' || !Number.isInteger(n) || n < 1 || n > 256)
    throw new AppError('usage', `--workers must be a whole number from 1 to 256, got "${flag}"`, {
      hint: `1 screens on the main thread; the default is this machine's ${defaultWorkers()} cores`,
    });
  return n;
}

export function registerScreenFile(program: Command): void {
  program
    .command('screen-file')
    .description(
      'screen every row of a CSV, XLSX or JSON lines file (columns name, schema, country, birth_date, id, address, reference); recorded in the audit log',
    )
    .argument('<in>', 'input: .csv, .xlsx (first sheet, header row 1) or .jsonl (one object per line)')
    .requiredOption(
      '--out <out>',
      'output: .jsonl (one object per input row, in input order) or .csv (one line per match)',
    )
    .option('--input-format <format>', 'csv, xlsx or jsonl (default: from the extension)')
    .option('--output-format <format>', 'jsonl or csv (default: from the --out extension; none → jsonl)')
    .option(
      '--lists <ids>',
      'comma-separated list ids or sub-lists (e.g. us_ofac_sdn,us_trade_csl:EL); default: every loaded list',
    )
    .option('--threshold <t>', `report matches scoring at least this (default ${DEFAULT_THRESHOLD})`)
    .option(
      '--workers <n>',
      `threads screening; 1 = no worker thread (default: all ${defaultWorkers()} cores; 1 for inputs under 1 MB)`,
    )
    .option('--progress', 'show the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'never show the progress bar')
    .action(async (input: string, flags: ScreenFileFlags, command: Command) => {
      const ctx = commandContext(command);
      const lists = flags.lists
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const min = threshold(flags.threshold);
      const threads = workers(flags.workers);
      const bar = rowProgressBar('screening', { force: flags.progress, json: ctx.printer.json });
      const report = await ctx
        .withApp((app) =>
          screenFileAudited(
            app,
            { actor: `local:${userInfo().username}`, channel: 'cli' },
            {
              input,
              output: flags.out,
              ...(flags.inputFormat === undefined ? {} : { inputFormat: flags.inputFormat }),
              ...(flags.outputFormat === undefined ? {} : { outputFormat: flags.outputFormat }),
              ...(lists === undefined || lists.length === 0 ? {} : { lists }),
              ...(min === undefined ? {} : { threshold: min }),
              ...(threads === undefined ? {} : { workers: threads }),
              onProgress: (p) => bar.update(p),
            },
          ),
        )
        .finally(() => bar.stop());
      const s = report.summary;
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(report));
      else
        ctx.printer.err(
          `screened ${s.rows} rows: ${s.rows_with_matches} with matches, ${s.potential_matches} potential matches (matches or embargoed jurisdictions), ${s.errors} with errors → ${flags.out}\n` +
            `screening ${report.id} recorded in the audit log (output sha256 ${report.output.sha256})`,
        );
    });
}
