// The one way the stores open a PostgreSQL pool.
import pg from 'pg';

// PostgreSQL returns int8 (count(*), sums) as strings by default (STACK.md).
pg.types.setTypeParser(20, Number);

/**
 * A pool whose idle connections may die without taking the process down: node-postgres emits 'error' on the
 * pool when the server ends an idle client (restart, `pg_terminate_backend`, a dropped database), and an
 * unhandled 'error' event would crash the process. The next query simply gets a fresh connection.
 */
export function createPgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
