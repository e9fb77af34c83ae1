// Audit records as CSV rows or JSON lines for auditors. Both keep the hash fields, so an export can be
// re-verified offline; JSON lines carry the JSON fields parsed, CSV carries them as the stored text.
import type { AuditRecord } from './record.ts';

export type ExportFormat = 'csv' | 'jsonl';

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor',
  'channel',
  'kind',
  'algorithm',
  'threshold',
  'match_count',
  'lists',
  'request',
  'normalised',
  'response',
  'prev_hash',
  'hash',
] as const;

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(r: AuditRecord): string {
  const values = [r.seq, r.id, r.at, r.actor, r.channel, r.kind, r.algorithm, r.threshold, r.matchCount, r.lists, r.request, r.normalised, r.response, r.prevHash, r.hash];
  return `${values.map(csvField).join(',')}\r\n`;
}

export function jsonLine(r: AuditRecord): string {
  const out = {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    channel: r.channel,
    kind: r.kind,
    algorithm: r.algorithm,
    threshold: Number(r.threshold),
    match_count: r.matchCount,
    lists: JSON.parse(r.lists) as unknown,
    request: JSON.parse(r.request) as unknown,
    normalised: JSON.parse(r.normalised) as unknown,
    response: JSON.parse(r.response) as unknown,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
  return `${JSON.stringify(out)}\n`;
}
