// Groups hits on the same party from several lists (an OFAC SDN record and its copy in the CSL) into one
// match: the best-scoring record leads, the others go under `alsoOn`. Two records are the same party when
// they are on different lists, share a normalised name, and their evidence overlaps (a birth date,
// identifier, country or programme in common) without contradicting (birth dates in disjoint years).
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

/** Whether two hits are the same party on two lists. */
export function sameParty(a: GroupCandidate, b: GroupCandidate): boolean {
  if (a.card.listId === b.card.listId || !overlaps(a.names, b.names)) return false;
  const x = a.card;
  const y = b.card;
  if (x.birthDates.length > 0 && y.birthDates.length > 0 && !overlaps(years(x.birthDates), years(y.birthDates))) return false;
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
    const group = groups.find((g) => sameParty(g.leader, hit) && !g.others.some((o) => o.card.listId === hit.card.listId));
    if (group === undefined) groups.push({ leader: hit, others: [] });
    else group.others.push(hit);
  }
  return groups;
}
