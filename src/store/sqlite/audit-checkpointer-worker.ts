// Checkpoints the audit database's WAL on its own thread and connection (docs/design/audit.md), so that the
// writer thread's commits never include one: a checkpoint copies the WAL's new pages into the database file
// and syncs it — several milliseconds that every screening waiting on that commit would wait too. The writer
// counts its commits in a shared Int32Array; a tick with no new commit does nothing.
import { DatabaseSync } from 'node:sqlite';
import { workerData } from 'node:worker_threads';

const { path, commits, intervalMs } = workerData as { path: string; commits: Int32Array; intervalMs: number };
const db = new DatabaseSync(path);
// PASSIVE: copies what it can without waiting for readers or the writer, never blocks them; what it could not
// copy (a reader on an old snapshot, the writer's backstop checkpoint running) is copied on a later tick.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
// -1: commits made before this thread started (it can start seconds late on a loaded machine) count as new.
let seen = -1;
setInterval(() => {
  const now = Atomics.load(commits, 0);
  if (now === seen) return;
  const result = checkpoint.get() as { busy: number; log: number; checkpointed: number };
  // Only a complete pass settles these commits; a partial one (a reader on an old snapshot) is retried next tick.
  if (result.busy === 0 && result.checkpointed >= result.log) seen = now;
}, intervalMs);
