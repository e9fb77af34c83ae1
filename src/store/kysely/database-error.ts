// A driver's error in words a user can act on: what failed (the driver's own reason) and how to fix it.
// node-postgres errors carry a SQLSTATE `code` (https://www.postgresql.org/docs/current/errcodes-appendix.html),
// socket errors a Node `code` (ECONNREFUSED, ENOTFOUND, …), node:sqlite errors an `errcode`
// (https://www.sqlite.org/rescode.html). Without this, a missing PostgreSQL database read "migration failed".

export interface DescribedError {
  /** The driver's reason, e.g. `database "embargo" does not exist`. */
  reason: string;
  /** How to fix it. */
  hint: string;
}

const PG_HINTS: Readonly<Record<string, string>> = {
  '3D000':
    "create the database first (e.g. psql -h 127.0.0.1 -U postgres -c 'create database embargo'), or point --db at an existing one",
  '28000': 'check the user in the --db URL (and that pg_hba.conf lets it connect)',
  '28P01': 'check the user and password in the --db URL',
  '42501': 'the user of the --db URL needs the right to create tables in that database',
  '57P03': 'PostgreSQL is starting up or shutting down: try again in a moment',
  '53300': 'PostgreSQL has no free connection: raise max_connections or stop idle clients',
};

const SOCKET_HINTS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'start PostgreSQL, or fix the host and port in the --db URL',
  ENOTFOUND: 'check the host name in the --db URL',
  EAI_AGAIN: 'check the host name in the --db URL (the name could not be resolved)',
  ETIMEDOUT: 'check that the host in the --db URL is reachable (firewall, VPN)',
  ECONNRESET:
    'the server closed the connection: check it accepts clients from this machine (pg_hba.conf, TLS)',
};

/** SQLite result codes (primary code = errcode & 0xff). */
const SQLITE_HINTS: Readonly<Record<number, string>> = {
  5: 'another process holds a write lock on the file: try again when it is done',
  8: 'the file or its folder is read-only: pass --db with a writable path',
  13: 'the disk is full',
  14: 'check the folder exists and is writable, or pass --db with another path',
  26: 'the file is not a SQLite database: pass --db with an Embargo database file or a new path',
};

const DEFAULT_HINT = 'check the database is reachable and writable (--db or EMBARGO_DB)';

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message;
  return String(error);
}

function codeOf(error: unknown): unknown {
  if (error instanceof AggregateError && error.errors.length > 0) return codeOf(error.errors[0]);
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function sqliteCodeOf(error: unknown): number | undefined {
  const code =
    typeof error === 'object' && error !== null ? (error as { errcode?: unknown }).errcode : undefined;
  return typeof code === 'number' ? code & 0xff : undefined;
}

/** The reason and a fix for an error raised while opening or migrating a database. */
export function describeDatabaseError(error: unknown): DescribedError {
  const code = codeOf(error);
  const sqlite = sqliteCodeOf(error);
  const hint =
    (typeof code === 'string' ? (PG_HINTS[code] ?? SOCKET_HINTS[code]) : undefined) ??
    (sqlite === undefined ? undefined : SQLITE_HINTS[sqlite]);
  return { reason: reasonOf(error), hint: hint ?? DEFAULT_HINT };
}
