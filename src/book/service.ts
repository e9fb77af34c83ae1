// The counterparty book as a use case, for the CLI and the API: imports, screening, a party's result, ownership
// findings, what-ifs and match decisions. It keeps what is costly to rebuild — the lists' view, the reverse index,
// the book graph — and rebuilds each only when what it depends on changed (list versions, book revision, screening
// run, decisions), so a long-running server answers a what-if without rebuilding the world.
import { AppError } from '../domain/errors.ts';
import type { RelationEdge, RuleSet } from '../graph/index.ts';
import type {
  BookRun,
  BookStore,
  MatchDecision,
  PartyResultRecord,
  Store,
  StoredParty,
} from '../store/index.ts';
import { loadBaseline, type Baseline } from './baseline.ts';
import { loadListContext, type ListContext } from './list-context.ts';
import { ownershipOf, resolveSubject, type OwnershipView } from './ownership.ts';
import { importParties, type BookImportOptions, type PartiesImportReport } from './parties/import-parties.ts';
import { PartyIndex } from './party-index.ts';
import {
  importRelations,
  type RelationsImportOptions,
  type RelationsImportReport,
} from './relations/import-relations.ts';
import { screenBook, type ScreenBookOptions } from './screen-book.ts';
import type { BookSummary, PartyDetail } from './types.ts';
import { whatIf, type WhatIfReport } from './what-if/what-if.ts';
import type { Simulation } from './what-if/simulated.ts';

export interface BookServiceDeps {
  store: Store;
  book: BookStore;
  rules: RuleSet;
}

export interface PartyView {
  party: StoredParty;
  /** The latest run's result for the party (absent when the party was added after it). */
  result?: PartyResultRecord & { detail: PartyDetail | null };
  run?: Pick<BookRun, 'runId' | 'at' | 'date'>;
  relations: RelationEdge[];
}

export class BookService {
  readonly #deps: BookServiceDeps;
  #context: { key: string; value: ListContext } | undefined;
  #baseline: { key: string; value: Baseline } | undefined;
  readonly #index = new PartyIndex();

  constructor(deps: BookServiceDeps) {
    this.#deps = deps;
  }

  get book(): BookStore {
    return this.#deps.book;
  }

  importParties(path: string, options?: BookImportOptions): Promise<PartiesImportReport> {
    return importParties(this.#deps.book, path, options);
  }

  importRelations(path: string, options?: RelationsImportOptions): Promise<RelationsImportReport> {
    return importRelations(this.#deps.book, path, options);
  }

  /** The lists' view, rebuilt when a list version changed. */
  async context(): Promise<ListContext> {
    const key = (await this.#deps.store.currentVersions()).map((v) => `${v.listId}@${v.version}`).join(',');
    if (this.#context?.key !== key) this.#context = { key, value: await loadListContext(this.#deps.store) };
    return this.#context.value;
  }

  /** Screens the whole book (`embargo parties screen`, POST /v1/parties/screen). */
  async screen(options: ScreenBookOptions): Promise<BookSummary> {
    return screenBook(this.#deps.book, await this.context(), this.#deps.rules, options);
  }

  async #stateKey(): Promise<string> {
    const [revision, run, decisions] = await Promise.all([
      this.#deps.book.revision(),
      this.#deps.book.latestRun(),
      this.#deps.book.decisions(),
    ]);
    const lastDecision = decisions.reduce((m, d) => (d.decidedAt > m ? d.decidedAt : m), '');
    return `${revision}|${run?.runId ?? ''}|${decisions.length}|${lastDecision}`;
  }

  /** Today's result: the latest run's matches with decisions applied. */
  async baseline(): Promise<Baseline> {
    const key = await this.#stateKey();
    if (this.#baseline?.key !== key) this.#baseline = { key, value: await loadBaseline(this.#deps.book) };
    return this.#baseline.value;
  }

  /** The reverse index, caught up with the book. */
  async partyIndex(): Promise<PartyIndex> {
    await this.#index.refresh(this.#deps.book);
    return this.#index;
  }

  async party(partyId: string): Promise<PartyView | undefined> {
    const party = await this.#deps.book.party(partyId);
    if (party === undefined) return undefined;
    const [stored, run, relations] = await Promise.all([
      this.#deps.book.result(partyId),
      this.#deps.book.latestRun(),
      this.#deps.book.relationsOf(`party:${partyId}`),
    ]);
    const view: PartyView = { party, relations };
    if (run === undefined) return view;
    // Only parties that are not clear are stored; one that has not changed since the run was screened clear.
    const result =
      stored ??
      (party.revision <= run.revision
        ? {
            partyId,
            runId: run.runId,
            status: 'clear',
            nameStatus: 'clear',
            ownershipStatus: 'clear',
            detail: null,
          }
        : undefined);
    if (result === undefined) return view;
    view.result = result as NonNullable<PartyView['result']>;
    view.run = { runId: run.runId, at: run.at, date: run.date };
    return view;
  }

  async ownership(id: string, date: string): Promise<OwnershipView> {
    const [baseline, context] = await Promise.all([this.baseline(), this.context()]);
    return ownershipOf(
      { store: this.#deps.store, book: this.#deps.book, rules: this.#deps.rules, baseline, context },
      id,
      date,
    );
  }

  async whatIf(simulation: Simulation, date: string): Promise<WhatIfReport> {
    const [context, baseline, index] = await Promise.all([
      this.context(),
      this.baseline(),
      this.partyIndex(),
    ]);
    return whatIf(
      { book: this.#deps.book, context, rules: this.#deps.rules, index, baseline },
      simulation,
      date,
    );
  }

  /** Records an analyst's decision on a party ↔ listed-entity match (both must exist). */
  async decide(decision: MatchDecision): Promise<void> {
    if ((await this.#deps.book.party(decision.partyId)) === undefined) {
      throw new AppError('not_found', `no party ${decision.partyId} in the book`, {
        hint: 'give a party_id of the book',
      });
    }
    await resolveSubject({ store: this.#deps.store, book: this.#deps.book }, `entity:${decision.entityId}`);
    await this.#deps.book.decide(decision);
  }
}
