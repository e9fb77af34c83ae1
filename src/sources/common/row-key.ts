// Stable record keys for US lists that print no record id (BIS DPL, State ISN, State ITAR). The key is the
// first 16 hex digits (64 bits) of the SHA-1 of the identifying fields, each reduced to its letters and
// digits (common/name-key.ts) so that a later edition re-typing "Co., Ltd." as "Co. Ltd" keeps the key.
// Fields are joined with '|', which no slug contains, so two different field lists cannot hash the same input.
import { createHash } from 'node:crypto';
import { nameSlug } from './name-key.ts';

/** sha1(slug(field1) | slug(field2) | …), first 16 hex digits. */
export function rowKey(fields: readonly string[]): string {
  return createHash('sha1').update(fields.map(nameSlug).join('|')).digest('hex').slice(0, 16);
}
