// `embargo keys create|list|revoke`: API keys for the HTTP server. A key's secret is printed once; only its
// SHA-256 is stored.
import type { Command } from 'commander';
import { apiRole, createApiKey } from '../../app/api-keys.ts';
import type { Config } from '../../config/config.ts';
import { AppError } from '../../domain/errors.ts';
import { openAuditStore, type AuditStore } from '../../store/index.ts';
import { commandContext, type CommandContext } from '../context.ts';
import { table } from '../output.ts';

/** Opens the audit store next to the list store for the duration of `fn`. */
export async function withAudit<T>(ctx: CommandContext, fn: (audit: AuditStore, config: Config) => Promise<T>): Promise<T> {
  return ctx.withApp(async (app) => {
    const audit = await openAuditStore(app.config.db);
    try {
      return await fn(audit, app.config);
    } finally {
      await audit.close();
    }
  });
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys for `embargo serve` (create, list, revoke)');
  keys
    .command('create')
    .description('create an API key; its secret is printed once')
    .requiredOption('--name <name>', 'who or what uses the key, e.g. erp-prod (recorded in the audit log)')
    .requiredOption('--role <role>', 'screener (screen), analyst (+ read lists, entities, screenings) or admin (+ audit checkpoint)')
    .action(async (flags: { name: string; role: string }, command: Command) => {
      const ctx = commandContext(command);
      const role = apiRole(flags.role);
      const { key, secret } = await withAudit(ctx, (audit) => createApiKey(audit, flags.name, role));
      if (ctx.printer.json) {
        ctx.printer.out(JSON.stringify({ name: key.name, role: key.role, created_at: key.createdAt, key: secret }, null, 2));
        return;
      }
      ctx.printer.out(secret);
      ctx.printer.err(`key "${key.name}" (${key.role}) created; store the secret now, it cannot be shown again`);
    });
  keys
    .command('list')
    .description('list API keys (names and roles; secrets are not stored)')
    .action(async (_flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const all = await withAudit(ctx, (audit) => audit.listKeys());
      const rows = all.map((k) => ({ name: k.name, role: k.role, created_at: k.createdAt, revoked_at: k.revokedAt }));
      if (ctx.printer.json) ctx.printer.out(JSON.stringify(rows, null, 2));
      else if (rows.length === 0) ctx.printer.out('no API keys: create one with `embargo keys create --name N --role screener`');
      else ctx.printer.out(table(['name', 'role', 'created', 'revoked'], rows.map((r) => [r.name, r.role, r.created_at, r.revoked_at ?? ''])));
    });
  keys
    .command('revoke')
    .description('revoke an API key: requests with it are refused from then on')
    .argument('<name>', 'key name')
    .action(async (name: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command);
      const revoked = await withAudit(ctx, (audit) => audit.revokeKey(name, new Date().toISOString()));
      if (!revoked) throw new AppError('not_found', `no active API key named "${name}"`, { hint: 'see `embargo keys list`' });
      ctx.printer.out(ctx.printer.json ? JSON.stringify({ revoked: name }) : `key "${name}" revoked`);
    });
}
