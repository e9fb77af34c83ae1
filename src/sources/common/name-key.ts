// Stable keys derived from a name, for lists that print no record id (EU unnumbered annexes, PRC lists,
// DoD 1260H, FCC Covered List, NDAA tables). The key must not change when a later edition re-types the
// same name with other punctuation ("Co., Ltd." / "Co. Ltd", "Xi'an" / "Xi’an"), so it keeps only
// letters and digits of the name.
import { createHash } from 'node:crypto';

/** Lower-case words of letters/digits joined by '-': accents, apostrophes and punctuation folded away. */
export function nameSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** First 12 hex digits of the SHA-1 of the name's slug (48 bits: collision-free at list sizes). */
export function nameHash(name: string): string {
  return createHash('sha1').update(nameSlug(name)).digest('hex').slice(0, 12);
}

/**
 * A readable, stable key for a name: its slug when at most `max` characters, else the slug's first
 * `max - 13` characters, '-', and the hash (so long names stay unique and under the 200-character id limit).
 */
export function nameKey(name: string, max = 80): string {
  const slug = nameSlug(name);
  if (slug.length <= max) return slug;
  return `${slug.slice(0, max - 13).replace(/-+$/, '')}-${nameHash(name)}`;
}
