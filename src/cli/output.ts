// Printing for the CLI: aligned tables for people, JSON for programs, and the one place errors become exit codes.
import { AppError } from '../domain/errors.ts';

/** Exit codes (docs/contracts.md): 0 ok, 1 findings or failure, 2 usage error. */
export const EXIT = { ok: 0, findings: 1, failure: 1, usage: 2 } as const;

export interface Printer {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function stdPrinter(json: boolean): Printer {
  return {
    json,
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** Renders rows as a left-aligned text table with a header line. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** Prints an error as what / where / how to fix, and returns the exit code it maps to. */
export function reportError(printer: Printer, error: unknown): number {
  if (error instanceof AppError) {
    if (printer.json) {
      printer.err(JSON.stringify({ error: { code: error.code, message: error.message, where: error.where, hint: error.hint } }));
    } else {
      printer.err(`error: ${error.message}`);
      if (error.where !== undefined) printer.err(`  where: ${error.where}`);
      if (error.hint !== undefined) printer.err(`  fix: ${error.hint}`);
    }
    return error.code === 'usage' || error.code.startsWith('invalid_') || error.code === 'unknown_format' ? EXIT.usage : EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  printer.err(`error: ${message}`);
  return EXIT.failure;
}
