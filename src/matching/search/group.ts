// Groups hits on the same party from several lists (an OFAC SDN record and its copy in the CSL) into one
// match: the best-scoring record leads, the others go under `alsoOn`. Two records are the same party when
// they are distinct records (see distinctRecords), share a normalised name, and their evidence overlaps (a
// birth date, identifier, country or programme in common) without contradicting (birth dates in disjoint years).
import type { EntityCard } from '../types.ts';

export interface GroupCandidate {
  card: EntityCard;
  /** Normalised names of the record. */
  names: readonly string[];
}

function overlaps<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.some((x) => b.includes(x));
}

function years(dates: readonly string[]): string[] {
  return dates.map((d) => d.slice(0, 4));
}

/**
 * Two records that may hold the same party: on different lists, on different sub-lists of an aggregate list
 * (a CSL Entity List row and its SSI row), or twice on one list for an organisation (the Entity List repeats
 * a company once per address). Two persons of the same name on one list are kept apart.
 */
function distinctRecords(a: EntityCard, b: EntityCard): boolean {
  if (a.id === b.id) return false;
  if (a.listId !== b.listId || a.subList !== b.subList) return true;
  return a.schema !== 'Person' && b.schema !== 'Person';
}

/** Whether two hits are the same party. */
export function sameParty(a: GroupCandidate, b: GroupCandidate): boolean {
  if (!distinctRecords(a.card, b.card) || !overlaps(a.names, b.names)) return false;
  const x = a.card;
  const y = b.card;
  // One list repeating an organisation under the same name (once per address) needs no further evidence.
  if (x.listId === y.listId && x.subList === y.subList && x.caption.toLowerCase() === y.caption.toLowerCase())
    return true;
  if (
    x.birthDates.length > 0 &&
    y.birthDates.length > 0 &&
    !overlaps(years(x.birthDates), years(y.birthDates))
  )
    return false;
  return (
    overlaps(x.birthDates, y.birthDates) ||
    overlaps(
      x.identifiers.map((i) => i.key),
      y.identifiers.map((i) => i.key),
    ) ||
    overlaps(x.countries, y.countries) ||
    overlaps(x.programs, y.programs)
  );
}

/** Assigns each hit (best first) to the first earlier leader it is the same party as, or makes it a leader. */
export function groupHits<T extends GroupCandidate>(hits: readonly T[]): { leader: T; others: T[] }[] {
  const groups: { leader: T; others: T[] }[] = [];
  for (const hit of hits) {
    const group = groups.find((g) => sameParty(g.leader, hit));
    if (group === undefined) groups.push({ leader: hit, others: [] });
    else group.others.push(hit);
  }
  return groups;
}
