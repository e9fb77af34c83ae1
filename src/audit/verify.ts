// Walks the chain in seq order and names what is wrong, record by record:
//   edited     a record's content no longer matches its own hash;
//   deleted    seqs are missing between two records;
//   reordered  a record links to a record that is not its predecessor;
//   broken_link a record links to a hash found nowhere (its predecessor was rewritten with a new hash, or
//              deleted and the rest renumbered);
//   truncated  the log ends before a head known from elsewhere (a checkpoint, or the head row);
//   head_mismatch / bad_signature  the checkpoint or head row disagrees with the log, or was not signed with our key.
import { checkpointSignedWith, type Checkpoint } from './checkpoint.ts';
import { GENESIS_HASH, recordHash, type AuditHead, type AuditRecord } from './record.ts';

export type ProblemKind = 'edited' | 'deleted' | 'reordered' | 'broken_link' | 'truncated' | 'head_mismatch' | 'bad_signature';

export interface Problem {
  kind: ProblemKind;
  seq: number;
  detail: string;
}

export interface VerifyOptions {
  /** A checkpoint kept elsewhere; its signature is checked when `key` is given. */
  expect?: Checkpoint;
  key?: string;
  /**
   * Reads the head row the store keeps next to the log. Read before and after the walk, so that records appended
   * while verifying (a live server) are not mistaken for tampering.
   */
  readHead?: () => Promise<AuditHead>;
  /** Seq of the record with this hash (0 for the genesis hash), to tell a reordering from a rewrite. */
  locate(hash: string): Promise<number | undefined>;
}

export interface VerifyReport {
  ok: boolean;
  records: number;
  /** The last record read. */
  head: AuditHead;
  problems: Problem[];
}

interface Walk {
  prev: AuditHead;
  prevContentOk: boolean;
  records: number;
  problems: Problem[];
  /** Hash of the record at the expected head's seq, when met. */
  hashAtExpected: string | undefined;
}

async function linkProblem(record: AuditRecord, walk: Walk, options: VerifyOptions): Promise<Problem | undefined> {
  if (record.prevHash === walk.prev.hash) return undefined;
  const target = record.prevHash === GENESIS_HASH ? 0 : await options.locate(record.prevHash);
  if (target !== undefined) {
    return { kind: 'reordered', seq: record.seq, detail: `record ${record.seq} follows record ${target} in the chain, but sits after record ${walk.prev.seq}` };
  }
  return {
    kind: walk.prevContentOk ? 'broken_link' : 'edited',
    seq: walk.prev.seq,
    detail: `record ${record.seq} links to a hash no record has: record ${walk.prev.seq} was rewritten, or records were deleted and renumbered`,
  };
}

async function step(record: AuditRecord, walk: Walk, options: VerifyOptions): Promise<void> {
  const contentOk = recordHash(record.prevHash, record) === record.hash;
  if (!contentOk) walk.problems.push({ kind: 'edited', seq: record.seq, detail: `record ${record.seq} (${record.id}) does not match its hash: its content was changed` });
  if (record.seq !== walk.prev.seq + 1) {
    const range = record.seq - 1 === walk.prev.seq + 1 ? `${walk.prev.seq + 1}` : `${walk.prev.seq + 1}–${record.seq - 1}`;
    walk.problems.push({ kind: 'deleted', seq: walk.prev.seq + 1, detail: `record(s) ${range} are missing` });
  } else {
    const problem = await linkProblem(record, walk, options);
    if (problem !== undefined) walk.problems.push(problem);
  }
  if (options.expect?.seq === record.seq) walk.hashAtExpected = record.hash;
  walk.prev = { seq: record.seq, hash: record.hash };
  walk.prevContentOk = contentOk;
  walk.records += 1;
}

function checkExpected(walk: Walk, options: VerifyOptions): void {
  const expect = options.expect;
  if (expect === undefined) return;
  if (options.key !== undefined && !checkpointSignedWith(expect, options.key)) {
    walk.problems.push({ kind: 'bad_signature', seq: expect.seq, detail: 'the checkpoint was not signed with the configured audit key' });
  }
  if (expect.seq > walk.prev.seq) {
    walk.problems.push({ kind: 'truncated', seq: walk.prev.seq + 1, detail: `the log ends at record ${walk.prev.seq}, the checkpoint says ${expect.seq}` });
  } else if (expect.seq > 0 && walk.hashAtExpected !== undefined && walk.hashAtExpected !== expect.hash) {
    walk.problems.push({ kind: 'head_mismatch', seq: expect.seq, detail: `record ${expect.seq} has another hash than the checkpoint: the chain was rewritten` });
  }
}

/** The last record must lie between the head rows read before and after the walk, and match the one it equals. */
function checkStoredHead(walk: Walk, before: AuditHead | undefined, after: AuditHead | undefined): void {
  if (before === undefined || after === undefined) return;
  const last = walk.prev;
  if (last.seq < before.seq) {
    walk.problems.push({ kind: 'truncated', seq: last.seq + 1, detail: `the log ends at record ${last.seq}, its head row says ${before.seq}` });
  } else if (last.seq > after.seq) {
    walk.problems.push({ kind: 'head_mismatch', seq: after.seq, detail: `records after the head row (${after.seq}) up to ${last.seq}: they were not written by Embargo` });
  } else {
    const same = [before, after].find((h) => h.seq === last.seq);
    if (same !== undefined && same.hash !== last.hash) {
      walk.problems.push({ kind: 'head_mismatch', seq: last.seq, detail: `the head row's hash differs from record ${last.seq}'s` });
    }
  }
}

/** Verifies records given in seq order. */
export async function verifyChain(records: AsyncIterable<AuditRecord>, options: VerifyOptions): Promise<VerifyReport> {
  const walk: Walk = { prev: { seq: 0, hash: GENESIS_HASH }, prevContentOk: true, records: 0, problems: [], hashAtExpected: undefined };
  const before = await options.readHead?.();
  for await (const record of records) await step(record, walk, options);
  const after = await options.readHead?.();
  checkExpected(walk, options);
  checkStoredHead(walk, before, after);
  return { ok: walk.problems.length === 0, records: walk.records, head: walk.prev, problems: walk.problems };
}
