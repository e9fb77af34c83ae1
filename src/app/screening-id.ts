// Screening ids: UUID version 7 (RFC 9562 §5.7) — 48 bits of Unix milliseconds, then 74 random bits. Still a
// UUID to clients, but ids made close in time sort close together, so the audit log's unique index on `id`
// grows at its right edge: a group commit touches a page or two of that index instead of one random page per
// record (each a 4 KiB write to the WAL and again at checkpoint). The time in the id is no secret: the record
// and the answer carry `screened_at` anyway.
import { randomUUID } from 'node:crypto';

/** A UUIDv7 for the time `ms` (default now). The random bits and the variant come from a v4 UUID. */
export function screeningId(ms: number = Date.now()): string {
  // v4: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; keep everything after the version digit (12 + 62 random bits).
  const random = randomUUID();
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
