// Adapts Node's built-in node:sqlite to the better-sqlite3-shaped interface Kysely's SqliteDialect expects.
// (STACK.md: better-sqlite3 would need a native build; node:sqlite ships with Node 22.5+.)
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Params = ReadonlyArray<unknown>;

function toSqlite(params: Params): SQLInputValue[] {
  // node:sqlite rejects booleans and undefined; SQLite has neither.
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p === undefined ? null : p)) as SQLInputValue[];
}

/** Opens (creating if needed) a SQLite file with WAL journaling, so a killed writer never corrupts it. */
export function openNodeSqlite(path: string): { database: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      const statement = raw.prepare(sql);
      return {
        reader: statement.columns().length > 0,
        all: (params: Params) => statement.all(...toSqlite(params)),
        run: (params: Params) => {
          const r = statement.run(...toSqlite(params));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (params: Params) => statement.iterate(...toSqlite(params)) as IterableIterator<unknown>,
      };
    },
  };
  return { database, raw };
}
