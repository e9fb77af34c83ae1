// The AuditStore on Kysely, for SQLite and PostgreSQL. Appends are group-committed: every append that arrives
// while a transaction is being written waits for the next one, so throughput stays high even though each
// commit is made durable (SQLite connection with synchronous=FULL; PostgreSQL's default synchronous_commit).
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, SqliteDialect, type Selectable } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrated } from './kysely/open-kysely.ts';
import {
  chainAfter,
  toBody,
  type AuditBody,
  type AuditHead,
  type AuditInput,
  type AuditRecord,
} from '../audit/index.ts';
import { AppError } from '../domain/errors.ts';
import type { ApiKeyRecord, ApiRole, AuditRange, AuditStore } from './audit-store.ts';
import { migrationProvider } from './migrations/index.ts';
import { isPostgresUrl } from './open.ts';
import { openNodeSqlite } from './sqlite/node-sqlite-database.ts';
import { createPgPool } from './postgres/pool.ts';

interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor: string;
  channel: string;
  kind: string;
  algorithm: string;
  threshold: string;
  lists: string;
  request: string;
  normalised: string;
  response: string;
  match_count: number;
  prev_hash: string;
  hash: string;
}

interface AuditDatabase {
  audit_log: AuditLogTable;
  audit_head: { id: number; seq: number; hash: string };
  api_keys: {
    id: string;
    name: string;
    role: string;
    secret_hash: string;
    created_at: string;
    revoked_at: string | null;
  };
}

/** Records per group commit, and rows per INSERT (15 columns × 500 stays under SQLite's parameter limit). */
const MAX_GROUP = 500;
/** How often the checkpointer thread looks for new commits to checkpoint (SQLite server only). */
const CHECKPOINT_MS = 100;
/** Rows per page when streaming the log. */
const READ_PAGE = 1000;

/** Writes one group of records as one transaction and returns them chained. */
export interface GroupWriter {
  write(bodies: AuditBody[]): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

type Link = Pick<AuditRecord, 'seq' | 'prevHash' | 'hash'>;
type Reply = { id: number; links: Link[] } | { id: number; error: string };

/**
 * SQLite writer on a worker thread (see sqlite/audit-writer-worker.ts): the fsync does not block the caller. A
 * checkpointer thread (sqlite/audit-checkpointer-worker.ts) keeps WAL checkpoints out of the writer's commits.
 */
class WorkerGroupWriter implements GroupWriter {
  readonly #worker: Worker;
  readonly #checkpointer: Worker;
  readonly #pending = new Map<number, { resolve: (r: Link[]) => void; reject: (e: Error) => void }>();
  #next = 0;
  #failed: Error | undefined;

  constructor(path: string) {
    // The writer counts its commits here; the checkpointer checkpoints after ticks that saw some.
    const commits = new Int32Array(new SharedArrayBuffer(4));
    this.#worker = new Worker(new URL('./sqlite/audit-writer-worker.ts', import.meta.url), {
      workerData: { path, commits },
    });
    this.#checkpointer = new Worker(new URL('./sqlite/audit-checkpointer-worker.ts', import.meta.url), {
      workerData: { path, commits, intervalMs: CHECKPOINT_MS },
    });
    // A failed checkpointer costs latency, not records: the writer's own checkpoint (its backstop) takes over.
    this.#checkpointer.on('error', () => undefined);
    this.#worker.on('message', (reply: Reply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(reply.links);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the audit writer thread exited (code ${code})`)));
  }

  /** A dead writer fails every pending and later append (the requests answer 503) instead of hanging them. */
  #fail(error: Error): void {
    this.#failed ??= error;
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  async write(bodies: AuditBody[]): Promise<AuditRecord[]> {
    if (this.#failed !== undefined) throw this.#failed;
    const id = this.#next++;
    const links = await new Promise<Link[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, bodies });
    });
    return bodies.map((body, i) => ({ ...body, ...links[i]! }));
  }

  async close(): Promise<void> {
    this.#failed ??= new Error('the audit store is closed');
    await Promise.all([this.#worker.terminate(), this.#checkpointer.terminate()]);
  }
}

interface Pending {
  body: AuditBody;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

function appendFailure(cause: unknown): AppError {
  return new AppError('database', 'the screening could not be written to the audit log', {
    hint: 'check the database is reachable and writable',
    cause,
  });
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actor: row.actor,
    channel: row.channel,
    kind: row.kind,
    algorithm: row.algorithm,
    threshold: row.threshold,
    lists: row.lists,
    request: row.request,
    normalised: row.normalised,
    response: row.response,
    matchCount: Number(row.match_count),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toRow(record: AuditRecord): AuditLogTable {
  const { matchCount, prevHash, ...rest } = record;
  return { ...rest, match_count: matchCount, prev_hash: prevHash };
}

function toKey(row: AuditDatabase['api_keys']): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiRole,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export class KyselyAuditStore implements AuditStore {
  readonly dialect: 'sqlite' | 'postgres';
  readonly #db: Kysely<AuditDatabase>;
  readonly #writer: GroupWriter | undefined;
  #queue: Pending[] = [];
  #flushing = false;

  /** `writer` replaces the in-connection transaction for appends (the SQLite worker thread). */
  constructor(db: Kysely<AuditDatabase>, dialect: 'sqlite' | 'postgres', writer?: GroupWriter) {
    this.#db = db;
    this.dialect = dialect;
    this.#writer = writer;
  }

  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({
      db: this.#db,
      provider: migrationProvider,
    }).migrateToLatest();
    if (error !== undefined || results?.some((r) => r.status === 'Error') === true) {
      throw new AppError('database', 'audit database migration failed', {
        hint: 'check the database is reachable and writable',
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    while (this.#flushing || this.#queue.length > 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await this.#writer?.close();
    await this.#db.destroy();
  }

  append(input: AuditInput): Promise<AuditRecord> {
    const body = toBody(input);
    return new Promise((resolve, reject) => {
      this.#queue.push({ body, resolve, reject });
      if (!this.#flushing) void this.#drain();
    });
  }

  /**
   * Writes queued records group by group until the queue is empty. The next group is taken only once the
   * previous one has committed and this thread has read the answer: a busy thread (screening) thus lets groups
   * grow, so commits cost less CPU exactly when CPU is short; an idle one sends the next group at once.
   */
  async #drain(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        // Let the event loop read pending requests first: their records join this group, so one commit (and
        // one fsync, which blocks the thread on SQLite) serves many screenings.
        await new Promise((resolve) => setImmediate(resolve));
        const group = this.#queue.splice(0, MAX_GROUP);
        try {
          const records = await this.#writeGroup(group.map((p) => p.body));
          group.forEach((p, i) => p.resolve(records[i]!));
        } catch (error) {
          const failure = appendFailure(error);
          for (const p of group) p.reject(failure);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #writeGroup(bodies: AuditBody[]): Promise<AuditRecord[]> {
    if (this.#writer !== undefined) return this.#writer.write(bodies);
    return this.#db.transaction().execute(async (trx) => {
      // Write the head row first: on SQLite that takes the write lock before anything is read (so a reader
      // cannot go stale), on PostgreSQL it row-locks the head, serialising appenders across processes.
      await trx
        .updateTable('audit_head')
        .set((eb) => ({ seq: eb.ref('seq') }))
        .where('id', '=', 1)
        .execute();
      const row = await trx
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const records = chainAfter({ seq: Number(row.seq), hash: row.hash }, bodies);
      await trx.insertInto('audit_log').values(records.map(toRow)).execute();
      const last = records[records.length - 1]!;
      await trx
        .updateTable('audit_head')
        .set({ seq: last.seq, hash: last.hash })
        .where('id', '=', 1)
        .execute();
      return records;
    });
  }

  async get(id: string): Promise<AuditRecord | undefined> {
    const row = await this.#db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  }

  async head(): Promise<AuditHead> {
    const row = await this.#db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(row.seq), hash: row.hash };
  }

  async *records(range: AuditRange = {}): AsyncIterable<AuditRecord> {
    let after = 0;
    for (;;) {
      let q = this.#db.selectFrom('audit_log').selectAll().where('seq', '>', after);
      if (range.from !== undefined) q = q.where('at', '>=', range.from);
      if (range.to !== undefined) q = q.where('at', '<', range.to);
      const rows = await q.orderBy('seq').limit(READ_PAGE).execute();
      for (const row of rows) yield toRecord(row);
      if (rows.length < READ_PAGE) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async seqOfHash(hash: string): Promise<number | undefined> {
    const row = await this.#db
      .selectFrom('audit_log')
      .select('seq')
      .where('hash', '=', hash)
      .orderBy('seq')
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.seq);
  }

  async createKey(key: ApiKeyRecord): Promise<void> {
    const existing = await this.#db
      .selectFrom('api_keys')
      .select('id')
      .where('name', '=', key.name)
      .executeTakeFirst();
    if (existing !== undefined) {
      throw new AppError('conflict', `an API key named "${key.name}" already exists`, {
        hint: 'choose another --name, or revoke the old key first',
      });
    }
    await this.#db
      .insertInto('api_keys')
      .values({
        id: key.id,
        name: key.name,
        role: key.role,
        secret_hash: key.secretHash,
        created_at: key.createdAt,
        revoked_at: key.revokedAt,
      })
      .execute();
  }

  async keyBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .executeTakeFirst();
    return row === undefined ? undefined : toKey(row);
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (
      await this.#db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('name').execute()
    ).map(toKey);
  }

  async revokeKey(name: string, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

export interface AuditStoreOptions {
  /** SQLite: append on a worker thread (a server), so commits do not block the event loop. */
  writerThread?: boolean;
}

function openSqliteAudit(path: string, options: AuditStoreOptions): AuditStore {
  let opened;
  try {
    opened = openNodeSqlite(path);
  } catch (error) {
    throw new AppError('database', `cannot open SQLite database ${path}`, {
      where: path,
      hint: 'check the folder exists and is writable, or pass --db',
      cause: error,
    });
  }
  // Each audit commit reaches the disk before the answer is sent (WAL + FULL syncs the log on commit).
  opened.raw.exec('PRAGMA synchronous = FULL;');
  const db = new Kysely<AuditDatabase>({ dialect: new SqliteDialect({ database: opened.database }) });
  return new KyselyAuditStore(
    db,
    'sqlite',
    options.writerThread === true ? new WorkerGroupWriter(path) : undefined,
  );
}

function openPostgresAudit(url: string): AuditStore {
  const pool = createPgPool(url, 2);
  // An idle connection closed by the server (restart, failover) is an 'error' event; without a listener it
  // would crash the process. The pool opens a new connection for the next query.
  pool.on('error', () => undefined);
  return new KyselyAuditStore(
    new Kysely<AuditDatabase>({ dialect: new PostgresDialect({ pool }) }),
    'postgres',
  );
}

/** Opens and migrates the audit store in the database at `location` (the same location as the list store). */
export async function openAuditStore(location: string, options: AuditStoreOptions = {}): Promise<AuditStore> {
  return migrated(isPostgresUrl(location) ? openPostgresAudit(location) : openSqliteAudit(location, options));
}
