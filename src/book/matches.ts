// From the engine's matches to the book's: each listed record a party matched (the best one and the records of the
// same party on other lists), how sure the match is, and the party's status by name.
//
// Certainty (issue 7): a match counts as `confirmed` when an analyst confirmed it or when it rests on an identical
// strong identifier (the engine's identifier feature decided it); otherwise it is `potential` — a candidate to
// review. A rejected match (a false positive) is dropped. Only confirmed matches make a party "restricted by name"
// and let its holdings restrict others; a potential match gives "review", so one fuzzy hit never condemns a subtree.
import type { Match } from '../matching/index.ts';
import type { MatchDecisionKind, PartyStatus } from '../store/index.ts';
import type { MatchBasis, PartyMatch } from './types.ts';

/** Decisions by `party id \0 entity id`. */
export type DecisionIndex = ReadonlyMap<string, MatchDecisionKind>;

export function decisionKey(partyId: string, entityId: string): string {
  return `${partyId}\u0000${entityId}`;
}

/** What the book knows of a listed record besides the match (for records grouped under another). */
export interface ListedRecord {
  listId: string;
  subList?: string;
  name?: string;
  /** Identifier values of the record, compared without case and punctuation. */
  identifierKeys?: readonly string[];
}

/** An identifier value as the engine compares it ("AB 12-34" = "AB1234"). */
export function identifierKey(typeValue: string): string {
  return typeValue
    .slice(typeValue.indexOf(':') + 1)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

function certaintyOf(
  decision: MatchDecisionKind | undefined,
  byIdentifier: boolean,
): { certainty: PartyMatch['certainty']; basis: MatchBasis } {
  if (decision === 'confirmed') return { certainty: 'confirmed', basis: 'decision' };
  if (byIdentifier) return { certainty: 'confirmed', basis: 'identifier' };
  return { certainty: 'potential', basis: 'name' };
}

function leaderMatch(
  m: Match,
  decision: MatchDecisionKind | undefined,
  record: ListedRecord | undefined,
): PartyMatch {
  const byIdentifier = m.explanation.some((e) => e.feature === 'identifier');
  const out: PartyMatch = {
    entityId: m.entityId,
    listId: m.listId,
    listedName: m.listedName,
    matchedName: m.matchedName,
    score: m.score,
    band: m.band,
    ...certaintyOf(decision, byIdentifier),
    why: m.explanation.filter((e) => e.contribution !== 0 || e.feature === 'name').map((e) => e.reason),
  };
  if (record?.subList !== undefined) out.subList = record.subList;
  return out;
}

/**
 * The book's matches of one party: every reported match and every record grouped under it scoring at least the
 * threshold, minus rejected ones. `record` describes a listed record (sub-list, name) by entity id.
 */
export function partyMatches(
  partyId: string,
  matches: readonly Match[],
  options: {
    threshold: number;
    decisions: DecisionIndex;
    record: (entityId: string) => ListedRecord | undefined;
    /** The party's identifiers (`type:value`): a grouped record carrying one of them is confirmed by it. */
    identifiers?: readonly string[];
  },
): PartyMatch[] {
  const keys = new Set((options.identifiers ?? []).map(identifierKey).filter((k) => k.length >= 4));
  const out: PartyMatch[] = [];
  const decided = (entityId: string) => options.decisions.get(decisionKey(partyId, entityId));
  for (const m of matches) {
    const d = decided(m.entityId);
    if (d !== 'rejected') out.push(leaderMatch(m, d, options.record(m.entityId)));
    for (const other of m.alsoOn) {
      const od = decided(other.entityId);
      if (other.score < options.threshold || od === 'rejected') continue;
      const record = options.record(other.entityId);
      const sharesId = record?.identifierKeys?.some((k) => keys.has(k)) === true;
      const pm: PartyMatch = {
        entityId: other.entityId,
        listId: other.listId,
        listedName: record?.name ?? m.listedName,
        matchedName: m.matchedName,
        score: other.score,
        band: m.band,
        // A grouped record is confirmed by a decision, or by carrying one of the party's identifiers itself.
        ...certaintyOf(od, sharesId),
        why: [
          `the same party as ${m.entityId} on another list (grouped by the engine)${sharesId ? '; carries the same identifier' : ''}`,
        ],
      };
      if (record?.subList !== undefined) pm.subList = record.subList;
      out.push(pm);
    }
  }
  return out;
}

/** Status by name: restricted with a confirmed match, review with only potential ones, else clear. */
export function nameStatus(matches: readonly PartyMatch[]): PartyStatus {
  if (matches.some((m) => m.certainty === 'confirmed')) return 'restricted';
  return matches.length > 0 ? 'review' : 'clear';
}
