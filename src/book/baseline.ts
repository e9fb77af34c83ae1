// "Today's result" of the book: the matches stored by the latest screening run, with the analyst's decisions made
// since then applied (a match rejected after the run no longer counts; one confirmed counts as confirmed).
import type { BookRun, BookStore } from '../store/index.ts';
import type { DecisionIndex } from './matches.ts';
import { decisionKey } from './matches.ts';
import { decisionIndex } from './screen-book.ts';
import type { PartyDetail, PartyMatch } from './types.ts';

export interface Baseline {
  run: BookRun | undefined;
  /** Party id → its name matches (parties without any are absent). */
  matches: Map<string, PartyMatch[]>;
}

function withDecisions(
  partyId: string,
  matches: readonly PartyMatch[],
  decisions: DecisionIndex,
): PartyMatch[] {
  const out: PartyMatch[] = [];
  for (const m of matches) {
    const d = decisions.get(decisionKey(partyId, m.entityId));
    if (d === 'rejected') continue;
    out.push(
      d === 'confirmed' && m.certainty !== 'confirmed'
        ? { ...m, certainty: 'confirmed', basis: 'decision' }
        : m,
    );
  }
  return out;
}

/** The stored matches of the latest run. */
export async function loadBaseline(book: BookStore): Promise<Baseline> {
  const run = await book.latestRun();
  const decisions = await decisionIndex(book);
  const matches = new Map<string, PartyMatch[]>();
  for await (const r of book.flaggedResults()) {
    const stored = (r.detail as PartyDetail | null)?.matches ?? [];
    const kept = withDecisions(r.partyId, stored, decisions);
    if (kept.length > 0) matches.set(r.partyId, kept);
  }
  return { run, matches };
}
