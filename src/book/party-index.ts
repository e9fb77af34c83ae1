// The reverse index of the book (issue 7 item 3): the matching engine indexing the parties instead of listed names,
// so that one listed entity is looked up in the whole book in milliseconds (what-if, and monitoring when a list
// changes). Kept current as parties change, like a log-structured index: parties changed since the main index
// was built go into a small delta index (rebuilt on each refresh, in milliseconds) and their old entries in the
// main index are masked; once the delta holds more than 5 % of the book, everything is rebuilt. A rebuilt index is
// stored (index-file.ts), so a command-line run loads it and applies only what changed since.
//
// A lookup finds candidates only: the reverse direction (listed name as the query, party as the record) scores a
// pair differently from screening the party, so candidates are taken generously (threshold 0.6, up to 256 names
// scored per query) and the caller re-scores each candidate in the forward direction.
import {
  buildFromCards,
  DEFAULT_ALGORITHM,
  MatchIndex,
  Searcher,
  type Algorithm,
  type EntityCard,
  type MatchIndexData,
  type ScreenQuery,
} from '../matching/index.ts';
import { deserialiseIndex, serialiseIndex } from './index-file.ts';
import type { BookStore, StoredParty } from '../store/index.ts';
import { partyCard, partyIdOfCard } from './party-card.ts';

/** Lowest reverse score kept as a candidate (the forward threshold is 0.8; the reverse score may be lower). */
export const CANDIDATE_THRESHOLD = 0.6;
/** Delta share of the book above which the whole index is rebuilt. */
const REBUILD_SHARE = 0.05;

/** The engine's settings for the reverse direction: many parties may share a listed name's tokens. */
export const REVERSE_ALGORITHM: Algorithm = {
  ...DEFAULT_ALGORITHM,
  settings: { ...DEFAULT_ALGORITHM.settings, candidateLimit: 256 },
};

interface Part {
  index: MatchIndex;
  searcher: Searcher;
}

function partOf(data: MatchIndexData): Part {
  const index = new MatchIndex(data);
  return { index, searcher: new Searcher(index, REVERSE_ALGORITHM) };
}

function part(cards: EntityCard[]): Part | undefined {
  return cards.length === 0 ? undefined : partOf(buildFromCards(cards, REVERSE_ALGORITHM));
}

/** What a stored index must have been built with to be used (the engine's data format and algorithm). */
function engineVersion(): { indexFormat: string; algorithm: string } {
  return { indexFormat: buildFromCards([], REVERSE_ALGORITHM).format, algorithm: REVERSE_ALGORITHM.id };
}

export interface PartyCandidate {
  partyId: string;
  /** Reverse score (listed name as the query). */
  score: number;
}

export class PartyIndex {
  #main: Part | undefined;
  #mainSize = 0;
  #delta: Part | undefined;
  /** Cards of the delta, by party id (the latest version of each changed party). */
  readonly #deltaCards = new Map<string, EntityCard>();
  /** Book revision the index reflects. */
  #revision = 0;

  /** Book revision the index is current with. */
  get revision(): number {
    return this.#revision;
  }

  get size(): { main: number; delta: number } {
    return { main: this.#mainSize, delta: this.#deltaCards.size };
  }

  /** Builds the whole index from the book, and stores it so that the next process loads it instead. */
  async rebuild(book: BookStore): Promise<void> {
    const revision = await book.revision();
    const cards: EntityCard[] = [];
    for await (const p of book.parties()) cards.push(partyCard(p));
    const data = cards.length === 0 ? undefined : buildFromCards(cards, REVERSE_ALGORITHM);
    this.#main = data === undefined ? undefined : partOf(data);
    this.#mainSize = cards.length;
    this.#delta = undefined;
    this.#deltaCards.clear();
    this.#revision = revision;
    if (data !== undefined) await book.saveIndex(revision, serialiseIndex(data, revision));
  }

  /** Loads the stored index if there is a usable one (same engine version, not ahead of the book). */
  async #load(book: BookStore, revision: number): Promise<boolean> {
    const stored = await book.loadIndex();
    if (stored === undefined || stored.revision > revision) return false;
    const loaded = deserialiseIndex(stored.parts, engineVersion());
    if (loaded === undefined) return false;
    this.#main = partOf(loaded.data);
    this.#mainSize = loaded.data.cards.length;
    this.#delta = undefined;
    this.#deltaCards.clear();
    this.#revision = loaded.revision;
    return true;
  }

  /** Catches up with the book: changed parties go to the delta (or everything is rebuilt). Returns parties applied. */
  async refresh(book: BookStore): Promise<number> {
    const revision = await book.revision();
    if (this.#main === undefined && !(await this.#load(book, revision))) {
      await this.rebuild(book);
      return this.#mainSize;
    }
    if (revision === this.#revision) return 0;
    const changed: StoredParty[] = [];
    for await (const p of book.parties({ sinceRevision: this.#revision })) changed.push(p);
    this.apply(changed, revision);
    if (this.#deltaCards.size > Math.max(1000, REBUILD_SHARE * this.#mainSize)) await this.rebuild(book);
    return changed.length;
  }

  /** Applies changed parties (new or updated) as of `revision`. */
  apply(parties: readonly StoredParty[], revision: number): void {
    for (const p of parties) this.#deltaCards.set(p.partyId, partyCard(p));
    if (parties.length > 0) this.#delta = part([...this.#deltaCards.values()]);
    this.#revision = Math.max(this.#revision, revision);
  }

  /** Parties that may match the query, best first (reverse scores). */
  candidates(query: ScreenQuery, threshold = CANDIDATE_THRESHOLD): PartyCandidate[] {
    const best = new Map<string, number>();
    const take = (id: string, score: number): void => {
      const partyId = partyIdOfCard(id);
      if (score > (best.get(partyId) ?? 0)) best.set(partyId, score);
    };
    const options = { threshold, limit: 10_000 };
    for (const m of this.#main?.searcher.search(query, options) ?? []) {
      // Parties of one name are grouped by the engine as "the same party on several lists": keep every one.
      for (const hit of [{ entityId: m.entityId, score: m.score }, ...m.alsoOn]) {
        if (!this.#deltaCards.has(partyIdOfCard(hit.entityId))) take(hit.entityId, hit.score);
      }
    }
    for (const m of this.#delta?.searcher.search(query, options) ?? []) {
      for (const hit of [{ entityId: m.entityId, score: m.score }, ...m.alsoOn])
        take(hit.entityId, hit.score);
    }
    return [...best].map(([partyId, score]) => ({ partyId, score })).sort((a, b) => b.score - a.score);
  }
}
