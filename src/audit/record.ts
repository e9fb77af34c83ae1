// An audit record: one screening as it was asked and answered, chained to the record before it by SHA-256.
// The hash covers the stored text of every field plus the previous record's hash, so changing, removing or
// moving any record breaks the chain from that point on (docs/design/audit.md).
import { createHash } from 'node:crypto';

/** The `prevHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);
/** Bumped if the hashed layout ever changes; part of every hash so old and new chains cannot be confused. */
export const AUDIT_FORMAT = 'embargo-audit-v1';

export type AuditChannel = 'api' | 'cli';
/**
 * What kind of request produced the record: our screen endpoints, the yente or CSL compatible ones, or a step of an
 * alert's life (opened, closed, re-opened, each review decision; src/monitor/audit.ts), or a screened file
 * (`embargo screen-file`: one record per file, docs/design/batch-screening.md).
 */
export type AuditKind = 'screen' | 'batch' | 'batch_file' | 'yente_match' | 'csl_search' | 'alert';

/** A list and the version that was screened against. */
export interface ListVersionRef {
  list_id: string;
  version: number;
}

/** What a caller appends. `request`, `normalised` and `response` are JSON values. */
export interface AuditInput {
  id: string;
  /** ISO timestamp (UTC) of the screening. */
  at: string;
  /** API key name, or `local:<user>` for the CLI and loopback callers without a key. */
  actor: string;
  channel: AuditChannel;
  kind: AuditKind;
  algorithm: string;
  threshold: number;
  lists: readonly ListVersionRef[];
  /** The query as received. */
  request: unknown;
  /** The query as the engine read it. */
  normalised: unknown;
  /** The answer exactly as sent. */
  response: unknown;
  /** The answer already serialised (JSON.stringify(response)), when the caller has it: saves a second pass. */
  responseText?: string;
  matchCount: number;
}

/** The hashed fields, as text: exactly what is stored. */
export interface AuditBody {
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
  matchCount: number;
}

/** A stored record: its place in the chain, the hash it links to and its own hash. */
export interface AuditRecord extends AuditBody {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The last record of the chain (seq 0 and the genesis hash for an empty log). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Serialises the JSON fields once; the result is what gets stored and hashed. */
export function toBody(input: AuditInput): AuditBody {
  return {
    id: input.id,
    at: input.at,
    actor: input.actor,
    channel: input.channel,
    kind: input.kind,
    algorithm: input.algorithm,
    threshold: String(input.threshold),
    lists: JSON.stringify(input.lists),
    request: JSON.stringify(input.request ?? null),
    normalised: JSON.stringify(input.normalised ?? null),
    response: input.responseText ?? JSON.stringify(input.response ?? null),
    matchCount: input.matchCount,
  };
}

/** SHA-256 (hex) of the format tag, the previous hash and every field, in a fixed order. */
export function recordHash(prevHash: string, body: AuditBody): string {
  // A JSON array of strings is an unambiguous encoding: no field can bleed into the next.
  const fields = [
    AUDIT_FORMAT,
    prevHash,
    body.id,
    body.at,
    body.actor,
    body.channel,
    body.kind,
    body.algorithm,
    body.threshold,
    body.lists,
    body.request,
    body.normalised,
    body.response,
    String(body.matchCount),
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Chains bodies after `head`: consecutive seqs, each linked to the one before. */
export function chainAfter(head: AuditHead, bodies: readonly AuditBody[]): AuditRecord[] {
  let prevHash = head.hash;
  let seq = head.seq;
  return bodies.map((body) => {
    seq += 1;
    const hash = recordHash(prevHash, body);
    const record = { ...body, seq, prevHash, hash };
    prevHash = hash;
    return record;
  });
}
