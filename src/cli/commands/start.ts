// `embargo start` (what `npm start` runs): load the bundled government lists if they are not loaded yet, then
// serve the HTTP API (the screening index is built in a worker thread; GET /readyz says when it is ready).
import type { Command } from 'commander';
import { loadBundledLists } from '../../app/load-bundled.ts';
import { commandContext } from '../context.ts';
import { describeImport } from './import.ts';
import { printLists } from './lists.ts';
import { DEFAULT_SERVE, parsePort, runServer } from './serve.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'load the bundled government lists into the database if they are not loaded yet, then serve the API',
    )
    .option('--host <host>', 'address to listen on', DEFAULT_SERVE.host)
    .option('--port <port>', 'port to listen on', String(DEFAULT_SERVE.port))
    .option('--no-serve', 'only load the lists and print them')
    .action(async (flags: { host: string; port: string; serve: boolean }, command: Command) => {
      const ctx = commandContext(command);
      // Checked before the lists load (minutes on a first run), not when the server starts listening.
      const port = parsePort(flags.port);
      await ctx.withApp(async (app) => {
        const result = await loadBundledLists(app, (r) => {
          if (!ctx.printer.json) ctx.printer.err(describeImport(r));
        });
        if (!ctx.printer.json && result.alreadyLoaded.length > 0) {
          ctx.printer.err(`already loaded: ${result.alreadyLoaded.join(', ')}`);
        }
        printLists(ctx.printer, await app.store.currentVersions());
        if (flags.serve) await runServer(app, { ...DEFAULT_SERVE, host: flags.host, port }, ctx.printer);
      });
    });
}
