// `embargo audit checkpoint|verify|export`: the hash-chained audit log of screenings.
//   checkpoint  prints the head signed with EMBARGO_AUDIT_KEY (keep it somewhere the database cannot reach);
//   verify      walks the chain and names every edited, deleted, reordered or truncated record (exit 1 if any);
//   export      writes records in a time range as CSV or JSON lines.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { csvHeader, csvRow, formatCheckpoint, jsonLine, parseCheckpoint, signHead, verifyChain, type ExportFormat, type VerifyReport } from '../../audit/index.ts';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/ids.ts';
import { commandContext } from '../context.ts';
import { EXIT, type Printer } from '../output.ts';
import { withAudit } from './keys.ts';

const NO_KEY = new AppError('usage', 'no audit key is configured', { hint: 'set EMBARGO_AUDIT_KEY to a secret kept outside the database' });

/** `--from`/`--to` as a bound on `at`: a date means its start (from) or the start of the next day (to, inclusive). */
export function timeBound(value: string | undefined, flag: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (flag === 'to') day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time.getTime())) {
    throw new AppError('usage', `--${flag} must be a date (YYYY-MM-DD) or an ISO timestamp, got "${value}"`);
  }
  return time.toISOString();
}

function printReport(printer: Printer, report: VerifyReport): void {
  if (printer.json) {
    printer.out(JSON.stringify(report, null, 2));
    return;
  }
  printer.out(`${report.records} records, head ${report.head.seq} ${report.head.hash}`);
  if (report.ok) printer.out('audit chain intact');
  for (const p of report.problems) printer.out(`${p.kind} at record ${p.seq}: ${p.detail}`);
}

function formatOf(flag: string | undefined, output: string | undefined): ExportFormat {
  const f = flag ?? (output?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  if (f !== 'csv' && f !== 'jsonl') throw new AppError('usage', `--format must be csv or jsonl, got "${f}"`);
  return f;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log of screenings: checkpoint, verify, export');
  audit
    .command('checkpoint')
    .description('print the head of the audit chain signed with EMBARGO_AUDIT_KEY, to keep outside the database')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      await withAudit(ctx, async (store, config) => {
        const key = config.auditKey;
        if (key === undefined) throw NO_KEY;
        const head = await store.head();
        const checkpoint = formatCheckpoint(signHead(head, key));
        const at = new Date().toISOString();
        if (ctx.printer.json) ctx.printer.out(JSON.stringify({ seq: head.seq, hash: head.hash, checkpoint, at }, null, 2));
        else {
          ctx.printer.out(checkpoint);
          ctx.printer.err(`record ${head.seq} at ${at}; verify later with: embargo audit verify --expect-head ${checkpoint}`);
        }
      });
    });
  audit
    .command('verify')
    .description('verify the chain: detects edited, deleted, reordered and truncated records (exit code 1 if any)')
    .option('--expect-head <checkpoint>', 'a checkpoint printed earlier by `embargo audit checkpoint`')
    .action(async (flags: { expectHead?: string }, command: Command) => {
      const ctx = commandContext(command);
      const expect = flags.expectHead === undefined ? undefined : parseCheckpoint(flags.expectHead);
      const report = await withAudit(ctx, async (store, config) => {
        if (expect !== undefined && config.auditKey === undefined) ctx.printer.err('note: EMBARGO_AUDIT_KEY is not set, so the checkpoint signature was not checked');
        return verifyChain(store.records(), {
          readHead: () => store.head(),
          locate: (hash) => store.seqOfHash(hash),
          ...(expect === undefined ? {} : { expect }),
          ...(config.auditKey === undefined ? {} : { key: config.auditKey }),
        });
      });
      printReport(ctx.printer, report);
      process.exitCode = report.ok ? EXIT.ok : EXIT.failure;
    });
  audit
    .command('export')
    .description('write audit records as CSV or JSON lines (default: all, JSON lines on standard output)')
    .option('--from <date>', 'first day (YYYY-MM-DD) or instant (ISO timestamp) to include')
    .option('--to <date>', 'last day to include (YYYY-MM-DD), or instant to stop before')
    .option('--format <format>', 'csv or jsonl (default: from --output, else jsonl)')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (flags: { from?: string; to?: string; format?: string; output?: string }, command: Command) => {
      const ctx = commandContext(command);
      const format = formatOf(flags.format, flags.output);
      const from = timeBound(flags.from, 'from');
      const to = timeBound(flags.to, 'to');
      const stream: Writable = flags.output === undefined ? process.stdout : createWriteStream(flags.output);
      const count = await withAudit(ctx, async (store) => {
        let n = 0;
        if (format === 'csv') await write(stream, csvHeader());
        for await (const record of store.records({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) })) {
          await write(stream, format === 'csv' ? csvRow(record) : jsonLine(record));
          n++;
        }
        return n;
      });
      if (flags.output !== undefined) {
        stream.end();
        await finished(stream);
        ctx.printer.err(`wrote ${count} audit records to ${flags.output}`);
      }
    });
}
