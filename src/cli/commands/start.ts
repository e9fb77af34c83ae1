// `embargo start` (what `npm start` runs): load the bundled government lists if needed, then run the product.
// Until the HTTP server lands it prints the lists table.
import type { Command } from 'commander';
import { loadBundledLists } from '../../app/load-bundled.ts';
import { commandContext } from '../context.ts';
import { describeImport } from './import.ts';
import { printLists } from './lists.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('load the bundled government lists into the database if they are not loaded yet, then show them')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      await ctx.withApp(async (app) => {
        const result = await loadBundledLists(app, (r) => {
          if (!ctx.printer.json) ctx.printer.err(describeImport(r));
        });
        if (!ctx.printer.json && result.alreadyLoaded.length > 0) {
          ctx.printer.err(`already loaded: ${result.alreadyLoaded.join(', ')}`);
        }
        printLists(ctx.printer, await app.store.currentVersions());
      });
    });
}
