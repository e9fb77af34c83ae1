// `embargo lists`: the loaded lists with their current version.
import type { Command } from 'commander';
import { listInfo } from '../../domain/lists.ts';
import type { ListVersion } from '../../store/index.ts';
import { commandContext } from '../context.ts';
import { table, type Printer } from '../output.ts';

export function printLists(printer: Printer, versions: ListVersion[]): void {
  const rows = versions.map((v) => {
    const info = listInfo(v.listId);
    return { id: v.listId, name: info.name, authority: info.authority, kind: info.kind, version: v.version, asOf: v.asOf, entities: v.entityCount, importedAt: v.importedAt };
  });
  if (printer.json) {
    printer.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    printer.out('no lists loaded yet: run `embargo import <file>` or `npm start`');
    return;
  }
  printer.out(
    table(
      ['id', 'name', 'authority', 'kind', 'version', 'as of', 'entities'],
      rows.map((r) => [r.id, r.name, r.authority, r.kind, r.version, r.asOf ?? '—', r.entities]),
    ),
  );
}

export function registerLists(program: Command): void {
  program
    .command('lists')
    .description('show the loaded lists: id, name, authority, kind, current version, as-of date, entity count')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      await ctx.withApp(async (app) => printLists(ctx.printer, await app.store.currentVersions()));
    });
}
