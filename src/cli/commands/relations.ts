// `embargo relations import <file>`: relations CSV (owner, owned, percent, kind, source, as_of), GLEIF level-2 RR
// XML or UK PSC JSON into the book, all edges of a file in one transaction; a file with more than 1 % bad records
// is refused whole.
import type { Command } from 'commander';
import { snakeKeys, type RelationsImportReport } from '../../book/index.ts';
import { isoDate } from '../../domain/ids.ts';
import { commandContext } from '../context.ts';
import { withBook } from './ownership.ts';

function describe(r: RelationsImportReport): string {
  const mapped = r.mappedToParties > 0 ? `; ${r.mappedToParties} registry ids mapped to book parties` : '';
  return `book revision ${r.revision}: ${r.imported} relations from ${r.rowsRead} records (+${r.added} ~${r.replaced})${mapped}; ${r.badRows} bad records skipped — ${r.path} [${r.format}]`;
}

export function registerRelations(program: Command): void {
  const relations = program
    .command('relations')
    .description('ownership and control relations among parties and listed entities');
  relations
    .command('import')
    .description(
      'import relations: CSV owner,owned,percent,kind,source,as_of (endpoints party:<id> or entity:<id>), GLEIF RR XML, UK PSC JSON',
    )
    .argument('<file>', 'relations file')
    .option('--format <id>', 'relations_csv, gleif_rr or uk_psc (default: detected)')
    .option('--as-of <date>', 'as-of date for records that carry none (YYYY-MM-DD)')
    .action(async (file: string, flags: { format?: string; asOf?: string }, command: Command) => {
      const ctx = commandContext(command);
      const options = {
        ...(flags.format === undefined ? {} : { format: flags.format }),
        ...(flags.asOf === undefined ? {} : { asOf: isoDate(flags.asOf) }),
      };
      const report = await withBook(ctx, (service) => service.importRelations(file, options));
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(snakeKeys(report), null, 2));
      else {
        ctx.printer.out(describe(report));
        for (const w of report.warnings.slice(0, 20))
          ctx.printer.err(
            `  ${w.severity === 'bad_record' ? 'bad record' : 'note'} ${w.file}:${w.line}: ${w.reason}`,
          );
        if (report.warnings.length > 20)
          ctx.printer.err(`  … ${report.warnings.length - 20} more (see --json)`);
      }
    });
}
