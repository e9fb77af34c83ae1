// `embargo export <listId>`: the list's current (or a given) version as FollowTheMoney JSON lines.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { listId } from '../../domain/ids.ts';
import { writeFtmJsonl } from '../../sources/ftm/index.ts';
import { commandContext } from '../context.ts';

interface ExportFlags {
  out?: string;
  version?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a list (current version, or --version) as FollowTheMoney JSON lines')
    .argument('<listId>', 'list id, e.g. us_ofac_sdn')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--version <n>', 'list version to export (default: current)')
    .action(async (id: string, flags: ExportFlags, command: Command) => {
      const ctx = commandContext(command);
      const list = listId(id);
      await ctx.withApp(async (app) => {
        const versions = await app.store.listVersions(list);
        const current = (await app.store.currentVersions()).find((v) => v.listId === list)?.version;
        const version = flags.version === undefined ? current : Number(flags.version);
        if (version === undefined || !versions.some((v) => v.version === version)) {
          throw new AppError('not_found', `list ${id} has no version ${flags.version ?? '(none loaded)'}`, {
            hint: versions.length === 0 ? 'import the list first' : `versions: ${versions.map((v) => v.version).join(', ')}`,
          });
        }
        const stream = flags.out === undefined ? process.stdout : createWriteStream(flags.out);
        const count = await writeFtmJsonl(app.store.entitiesAt(list, version), stream);
        if (flags.out !== undefined) {
          stream.end();
          await finished(stream);
          ctx.printer.err(`wrote ${count} entities of ${id} v${version} to ${flags.out}`);
        }
      });
    });
}
