// Name findings: each party screened forward — the party as the query against the index of every loaded list, the
// same engine, threshold and grouping as `embargo parties screen` (src/book) — so that an alert says exactly what
// screening that party alone says. The reverse index (book/party-index.ts) only chooses which parties to screen.
import type { Entity } from '../domain/entity.ts';
import {
  type DecisionIndex,
  type ListContext,
  listedRecord,
  MATCHES_PER_PARTY,
  partyMatches,
  partyQuery,
  screenNames,
} from '../book/index.ts';
import { DEFAULT_ALGORITHM, MatchIndex, Searcher, type Match } from '../matching/index.ts';
import type { BookStore, PartyRecord } from '../store/index.ts';
import { nameFinding, type Finding } from './findings.ts';

export interface NameScreen {
  context: ListContext;
  /** Current listed entities by id (material of each finding). */
  entities: ReadonlyMap<string, Entity>;
  threshold: number;
  /** Matches confirmed in the book (certainty `confirmed`); rejections are not applied here — suppression is. */
  confirmed: DecisionIndex;
  /** The lists' index when it is being built elsewhere (a worker thread); built from the context when absent. */
  index?: Promise<MatchIndex>;
  /** Created on first use and reused: the forward searcher. */
  searcher?: Searcher;
}

function findingsOf(s: NameScreen, party: PartyRecord, matches: readonly Match[]): Finding[] {
  const pm = partyMatches(party.partyId, matches, {
    threshold: s.threshold,
    decisions: s.confirmed,
    record: (id) => listedRecord(s.context, id),
  });
  return pm.map((m) => nameFinding(party, m, s.entities.get(m.entityId)));
}

async function indexOf(s: NameScreen): Promise<MatchIndex> {
  return s.index === undefined ? new MatchIndex(s.context.indexData()) : await s.index;
}

/** Screens a few parties on this thread (the delta). A party the engine refuses has no findings and is reported. */
export async function screenParties(
  s: NameScreen,
  parties: Iterable<PartyRecord>,
): Promise<{ findings: Map<string, Finding[]>; errors: { partyId: string; message: string }[] }> {
  s.searcher ??= new Searcher(await indexOf(s), DEFAULT_ALGORITHM);
  const searcher = s.searcher;
  const findings = new Map<string, Finding[]>();
  const errors: { partyId: string; message: string }[] = [];
  for (const p of parties) {
    try {
      findings.set(
        p.partyId,
        findingsOf(
          s,
          p,
          searcher.search(partyQuery(p), { threshold: s.threshold, limit: MATCHES_PER_PARTY }),
        ),
      );
    } catch (error) {
      errors.push({ partyId: p.partyId, message: error instanceof Error ? error.message : String(error) });
      findings.set(p.partyId, []);
    }
  }
  return { findings, errors };
}

/** Screens the whole book (worker threads for large books); returns the findings of parties that matched. */
export async function screenWholeBook(
  s: NameScreen,
  book: BookStore,
  workers: number,
): Promise<{
  findings: Map<string, Finding[]>;
  screened: number;
  errors: { partyId: string; message: string }[];
}> {
  async function* queries() {
    for await (const p of book.parties())
      yield [p.partyId, partyQuery(p)] as [string, ReturnType<typeof partyQuery>];
  }
  const named = await screenNames((await indexOf(s)).data, queries(), {
    threshold: s.threshold,
    limit: MATCHES_PER_PARTY,
    workers,
  });
  const findings = new Map<string, Finding[]>();
  for (const [partyId, matches] of named.hits) {
    const party = await book.party(partyId);
    if (party !== undefined) findings.set(partyId, findingsOf(s, party, matches));
  }
  return { findings, screened: named.screened, errors: named.errors };
}
