// What every command gets: the printer and a way to open the app with the global options applied.
import type { Command } from 'commander';
import { openApp, type AppContext } from '../app/context.ts';
import { loadConfig } from '../config/config.ts';
import { stdPrinter, type Printer } from './output.ts';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export interface CommandContext {
  printer: Printer;
  /** Opens the app, runs `fn`, always closes. */
  withApp<T>(fn: (app: AppContext) => Promise<T>): Promise<T>;
}

export function commandContext(command: Command): CommandContext {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const printer = stdPrinter(globals.json === true);
  const config = loadConfig(process.env, { db: globals.db });
  return {
    printer,
    async withApp(fn) {
      const app = await openApp(config);
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
  };
}
