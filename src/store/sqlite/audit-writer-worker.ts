// Worker thread that appends audit groups to a SQLite file on its own connection, so the commit's fsync
// (synchronous=FULL) waits here and not on the server's event loop. Same chain code as every other writer
// (chainAfter); BEGIN IMMEDIATE takes the write lock before the head is read. A request is answered only after
// its transaction has committed.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { chainAfter, type AuditBody } from '../../audit/index.ts';

if (parentPort === null) throw new Error('audit-writer-worker.ts must run in a worker thread');
const port = parentPort;
const { path, commits } = workerData as { path: string; commits?: Int32Array };
const db = new DatabaseSync(path);
// cache_size: the audit indexes' pages stay in this connection's cache (SQLite's default is 2 MiB), so an append
// does not re-read the index pages it touches from the file (one pread each). 16 MiB, bounded.
db.exec(
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -16384;',
);
// With a checkpointer thread (audit-checkpointer-worker.ts) this connection checkpoints only as a backstop, when
// the WAL has grown to 10,000 pages (40 MiB) because the checkpointer could not keep up or has died.
if (commits !== undefined) db.exec('PRAGMA wal_autocheckpoint = 10000;');

/** Prepared on first use: the tables exist by then (the opener migrates before the first append). */
function statements() {
  return {
    head: db.prepare('select seq, hash from audit_head where id = 1'),
    insert: db.prepare(
      'insert into audit_log (seq, id, at, actor, channel, kind, algorithm, threshold, lists, request, normalised, response, match_count, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    moveHead: db.prepare('update audit_head set seq = ?, hash = ? where id = 1'),
  };
}
let prepared: ReturnType<typeof statements> | undefined;

function write(bodies: AuditBody[]) {
  const { head, insert, moveHead } = (prepared ??= statements());
  db.exec('BEGIN IMMEDIATE');
  try {
    const row = head.get() as { seq: number; hash: string };
    const records = chainAfter({ seq: Number(row.seq), hash: row.hash }, bodies);
    for (const r of records) {
      insert.run(
        r.seq,
        r.id,
        r.at,
        r.actor,
        r.channel,
        r.kind,
        r.algorithm,
        r.threshold,
        r.lists,
        r.request,
        r.normalised,
        r.response,
        r.matchCount,
        r.prevHash,
        r.hash,
      );
    }
    const last = records[records.length - 1]!;
    moveHead.run(last.seq, last.hash);
    db.exec('COMMIT');
    if (commits !== undefined) Atomics.add(commits, 0, 1);
    // Only the chain fields go back: the caller has the bodies.
    return records.map((r) => ({ seq: r.seq, prevHash: r.prevHash, hash: r.hash }));
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

port.on('message', (message: { id: number; bodies: AuditBody[] }) => {
  try {
    port.postMessage({ id: message.id, links: write(message.bodies) });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
