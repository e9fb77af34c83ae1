// Screening as a use case: validate the settings, run the engine and the jurisdiction check, and write the
// audit record before the answer is returned (issue 5: "stored durably before the answer is sent").
// The API's own endpoints, the yente- and CSL-compatible ones and `embargo screen` all go through here.
import type { AuditChannel, AuditKind, ListVersionRef } from '../audit/index.ts';
import {
  findJurisdictions,
  type JurisdictionFinding,
  type JurisdictionTable,
} from '../jurisdictions/index.ts';
import type { Match, ScreenOptions, ScreenPool } from '../matching/index.ts';
import type { AuditStore } from '../store/index.ts';
import { batchItem, outcomeItem, screenOnPool } from './batch-items.ts';
import type { BatchPool } from './batch-pool.ts';
import { checkListSelection } from './list-selection.ts';
import { normaliseQuery, toScreenQuery } from './normalise-query.ts';
import { screeningId } from './screening-id.ts';
import type { Screener } from './screener.ts';
import type {
  BatchItem,
  BatchResponse,
  MatchOut,
  PartyQuery,
  PartyResult,
  ScreenSettings,
  ScreeningHeader,
  ScreeningResponse,
} from './screening-types.ts';

/** Who asked, and through which door. */
export interface Caller {
  actor: string;
  channel: AuditChannel;
}

/** Settings checked against the loaded lists, with defaults applied. */
export interface ResolvedSettings {
  threshold: number;
  limit: number;
  lists: string[] | undefined;
  /** The list versions screened against. */
  refs: ListVersionRef[];
}

/** An answer and its JSON text (what is sent and stored). */
export interface Answered<T> {
  body: T;
  json: string;
}

/** What the compatible endpoints record (they shape their own answers). */
export interface AuditEntry {
  id: string;
  at: string;
  kind: AuditKind;
  settings: ResolvedSettings;
  request: unknown;
  normalised: unknown;
  response: unknown;
  /** JSON.stringify(response), when already made. */
  responseText?: string;
  matchCount: number;
}

export interface ScreeningDeps {
  screener: Screener;
  audit: AuditStore;
  jurisdictions: JurisdictionTable | undefined;
  /** Worker threads for batches (the server); absent: batches are screened on this thread. */
  batchPool?: BatchPool;
}

/** Matches reported per party unless the caller asks otherwise (the engine's default). */
export const DEFAULT_LIMIT = 10;
/** Parties screened between two event-loop turns in a batch screened on this thread (≈ 10 ms of work). */
const BATCH_SLICE = 50;

export function matchOut(m: Match): MatchOut {
  return {
    entity_id: m.entityId,
    list_id: m.listId,
    source_id: m.sourceId,
    schema: m.schema,
    listed_name: m.listedName,
    matched_name: m.matchedName,
    score: m.score,
    band: m.band,
    algorithm: m.algorithm,
    explanation: m.explanation.map((e) => ({
      feature: e.feature,
      contribution: e.contribution,
      reason: e.reason,
    })),
    also_on: m.alsoOn.map((a) => ({
      entity_id: a.entityId,
      list_id: a.listId,
      source_id: a.sourceId,
      score: a.score,
    })),
  };
}

/** The engine's options for resolved settings. */
function engineOptions(settings: ResolvedSettings): ScreenOptions {
  return {
    threshold: settings.threshold,
    limit: settings.limit,
    ...(settings.lists === undefined ? {} : { lists: settings.lists }),
  };
}

export class ScreeningService {
  readonly #deps: ScreeningDeps;

  constructor(deps: ScreeningDeps) {
    this.#deps = deps;
  }

  get screener(): Screener {
    return this.#deps.screener;
  }

  /** Applies defaults and checks that every requested list (or `<list>:<sub-list>`) is loaded. */
  resolve(settings: ScreenSettings): ResolvedSettings {
    const loaded = this.#deps.screener.state().lists;
    const lists = settings.lists?.map((l) => l.trim()).filter((l) => l !== '');
    const wanted = lists === undefined || lists.length === 0 ? undefined : lists;
    // Same check as the CLI's --lists: a mistyped sub-list (us_trade_csl:XX) is a 400, never a silent "clear".
    if (wanted !== undefined)
      checkListSelection(
        wanted,
        loaded.map((v) => v.list_id),
      );
    const parents = wanted === undefined ? undefined : new Set(wanted.map((l) => l.split(':')[0]!));
    return {
      threshold: settings.threshold ?? this.#deps.screener.algorithm.threshold,
      limit: settings.limit ?? DEFAULT_LIMIT,
      lists: wanted,
      refs: parents === undefined ? loaded : loaded.filter((v) => parents.has(v.list_id)),
    };
  }

  /** Engine matches and jurisdiction findings for one party (no audit record: callers record the request). */
  evaluate(party: PartyQuery, settings: ResolvedSettings): PartyResult {
    return this.#result(party, this.#deps.screener.screen(toScreenQuery(party), engineOptions(settings)));
  }

  /** The answer for one party once the engine has matched it. */
  #result(party: PartyQuery, found: readonly Match[]): PartyResult {
    const matches = found.map(matchOut);
    const jurisdictions = this.jurisdictionsOf({
      countries: party.country === undefined ? [] : [party.country],
      addresses: party.address === undefined ? [] : [party.address],
    });
    const status = matches.length > 0 || jurisdictions.length > 0 ? 'potential_match' : 'clear';
    return { query: party, normalised: normaliseQuery(party), status, matches, jurisdictions };
  }

  /** Embargoed countries and regions among a party's countries and addresses. */
  jurisdictionsOf(party: {
    countries: readonly string[];
    addresses: readonly string[];
  }): JurisdictionFinding[] {
    const table = this.#deps.jurisdictions;
    return table === undefined ? [] : findJurisdictions(table, party);
  }

  header(settings: ResolvedSettings): ScreeningHeader {
    const now = Date.now();
    return {
      id: screeningId(now),
      screened_at: new Date(now).toISOString(),
      algorithm: this.#deps.screener.algorithm.id,
      threshold: settings.threshold,
      lists: settings.refs,
    };
  }

  /** Screens one party and records it. */
  async screenOne(
    caller: Caller,
    party: PartyQuery,
    settings: ScreenSettings,
  ): Promise<Answered<ScreeningResponse>> {
    const resolved = this.resolve(settings);
    const result = this.evaluate(party, resolved);
    const header = this.header(resolved);
    const response: ScreeningResponse = { ...header, ...result };
    const json = JSON.stringify(response);
    await this.record(caller, {
      id: header.id,
      at: header.screened_at,
      kind: 'screen',
      settings: resolved,
      request: { ...party, ...settings },
      normalised: result.normalised,
      response,
      responseText: json,
      matchCount: result.matches.length,
    });
    return { body: response, json };
  }

  /** Screens many parties; a party the engine cannot read is an error item, not a failed batch. */
  async screenBatch(
    caller: Caller,
    parties: PartyQuery[],
    settings: ScreenSettings,
  ): Promise<Answered<BatchResponse>> {
    const resolved = this.resolve(settings);
    const pool = this.#deps.batchPool;
    const pooled =
      pool === undefined
        ? undefined
        : await pool.use((threads) => this.#screenOnPool(threads, parties, resolved));
    const results = pooled ?? (await this.#screenHere(parties, resolved));
    const count = (s: string) => results.filter((r) => r.status === s).length;
    const header = this.header(resolved);
    const response: BatchResponse = {
      ...header,
      summary: {
        parties: parties.length,
        potential_matches: count('potential_match'),
        clear: count('clear'),
        errors: count('error'),
      },
      results,
    };
    const json = JSON.stringify(response);
    await this.record(caller, {
      id: header.id,
      at: header.screened_at,
      kind: 'batch',
      settings: resolved,
      request: { parties, ...settings },
      normalised: results.map((r) => ('normalised' in r ? r.normalised : null)),
      response,
      responseText: json,
      matchCount: results.reduce((n, r) => n + ('matches' in r ? r.matches.length : 0), 0),
    });
    return { body: response, json };
  }

  /** The batch on this thread, yielding between slices so that other requests are not stalled behind it. */
  async #screenHere(parties: PartyQuery[], settings: ResolvedSettings): Promise<BatchItem[]> {
    const results: BatchItem[] = [];
    for (const [index, party] of parties.entries()) {
      results.push(batchItem(party, index, () => this.evaluate(party, settings)));
      if (index % BATCH_SLICE === BATCH_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }

  /**
   * The batch in chunks on the pool's threads; this thread only cuts, assembles and serialises, so it keeps
   * answering single screenings meanwhile.
   */
  async #screenOnPool(
    pool: ScreenPool,
    parties: PartyQuery[],
    settings: ResolvedSettings,
  ): Promise<BatchItem[]> {
    const outcomes = await screenOnPool(pool, parties.map(toScreenQuery), engineOptions(settings));
    return parties.map((party, index) =>
      outcomeItem(party, index, outcomes[index]!, (matches) => this.#result(party, matches)),
    );
  }

  /** Appends the audit record; resolves once it is durable. */
  async record(caller: Caller, entry: AuditEntry): Promise<void> {
    await this.#deps.audit.append({
      id: entry.id,
      at: entry.at,
      actor: caller.actor,
      channel: caller.channel,
      kind: entry.kind,
      algorithm: this.#deps.screener.algorithm.id,
      threshold: entry.settings.threshold,
      lists: entry.settings.refs,
      request: entry.request,
      normalised: entry.normalised,
      response: entry.response,
      ...(entry.responseText === undefined ? {} : { responseText: entry.responseText }),
      matchCount: entry.matchCount,
    });
  }

  /** The stored answer of a screening, as the JSON text that was sent. */
  async storedResponse(id: string): Promise<string | undefined> {
    return (await this.#deps.audit.get(id))?.response;
  }
}
