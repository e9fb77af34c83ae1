// A checkpoint: the chain head (seq, hash) signed with HMAC-SHA256 under a key only the operator holds.
// Kept outside the database (a ticket, an e-mail, a WORM bucket), it lets `audit verify --expect-head` prove
// that the log was not truncated or rewritten since: an attacker with database access cannot forge a new one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { AuditHead } from './record.ts';

const TAG = 'v1';

export interface Checkpoint extends AuditHead {
  /** HMAC-SHA256 (hex) of the head. */
  mac: string;
}

function mac(head: AuditHead, key: string): string {
  return createHmac('sha256', key).update(`embargo-audit-checkpoint-${TAG}|${head.seq}|${head.hash}`).digest('hex');
}

/** Signs a head. */
export function signHead(head: AuditHead, key: string): Checkpoint {
  return { ...head, mac: mac(head, key) };
}

/** The printable form: `v1.<seq>.<hash>.<mac>`. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${TAG}.${checkpoint.seq}.${checkpoint.hash}.${checkpoint.mac}`;
}

/** Reads the printable form back; a malformed token is a usage error. */
export function parseCheckpoint(text: string): Checkpoint {
  const match = /^v1\.(\d+)\.([0-9a-f]{64})\.([0-9a-f]{64})$/.exec(text.trim());
  if (match === null) {
    throw new AppError('usage', `"${text}" is not an audit checkpoint`, {
      hint: 'pass the token printed by `embargo audit checkpoint` (v1.<seq>.<hash>.<mac>)',
    });
  }
  return { seq: Number(match[1]), hash: match[2]!, mac: match[3]! };
}

/** True when the checkpoint was signed with `key` (constant-time comparison). */
export function checkpointSignedWith(checkpoint: Checkpoint, key: string): boolean {
  const expected = Buffer.from(mac(checkpoint, key), 'hex');
  const given = Buffer.from(checkpoint.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
