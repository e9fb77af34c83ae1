#!/usr/bin/env node
// The `embargo` command line: global options, one file per command, errors mapped to exit codes once.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAlerts } from './commands/alerts.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCompare } from './commands/compare.ts';
import { registerDiff } from './commands/diff.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerKeys } from './commands/keys.ts';
import { registerLists } from './commands/lists.ts';
import { registerMonitor } from './commands/monitor.ts';
import { registerOwnership } from './commands/ownership.ts';
import { registerParties } from './commands/parties.ts';
import { registerRelations } from './commands/relations.ts';
import { registerScreen } from './commands/screen.ts';
import { registerScreenFile } from './commands/screen-file.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerUpdate } from './commands/update.ts';
import { registerWhatIf } from './commands/what-if.ts';
import { EXIT, reportError, stdPrinter } from './output.ts';

/** The version in package.json (read once, at start-up). */
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

export function buildProgram(): Command {
  const program = new Command('embargo')
    .description('Screen parties against export-control and sanctions lists')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--db <location>', 'SQLite file or postgres:// URL (env EMBARGO_DB; default ./embargo.db)')
    .option('--json', 'print results as JSON')
    .exitOverride()
    .showHelpAfterError();
  registerImport(program);
  registerLists(program);
  registerDiff(program);
  registerStart(program);
  registerExport(program);
  registerUpdate(program);
  registerScreen(program);
  registerScreenFile(program);
  registerCompare(program);
  registerServe(program);
  registerAudit(program);
  registerKeys(program);
  registerParties(program);
  registerRelations(program);
  registerOwnership(program);
  registerWhatIf(program);
  registerMonitor(program);
  registerAlerts(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(stdPrinter(argv.includes('--json')), error);
  }
}

// A closed pipe (`embargo diff … | head`) ends output quietly instead of crashing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
