// One query against one index: candidates → full name alignment → evidence → grouped, explained matches.
// All scratch buffers live here and are reused, so a query allocates only its results.
import type { Algorithm } from '../algorithms/types.ts';
import { bandOf } from '../algorithms/index.ts';
import {
  alignNames,
  alignScore,
  type AlignmentSettings,
  type PairSimilarity,
} from '../features/name-alignment.ts';
import { namesWithin } from '../name-parts.ts';
import { hintForSchema } from '../prepare.ts';
import { schemaReason } from '../features/schema.ts';
import { NAME_FLAG } from '../index/data.ts';
import type { MatchIndex } from '../index/match-index.ts';
import { phoneticKey } from '../../text/index.ts';
import type { Match, ScreenOptions, ScreenQuery } from '../types.ts';
import { CandidateGenerator, type NameFilter } from './candidates.ts';
import { weighEvidence, MAX_EVIDENCE_GAIN, nameWeight, type Evidence } from './evidence.ts';
import { describeName } from './explain.ts';
import { groupHits } from './group.ts';
import { QueryRepair } from './query-repair.ts';
import { prepareQuery, type PreparedQuery } from './query.ts';
import { ListedSide, QuerySide } from './sides.ts';
import { MAX_QUERY_TOKENS, SimilarityTable } from './sim-table.ts';

export const DEFAULT_LIMIT = 10;
/** Lists that aggregate others (the CSL copies SDN records): on equal scores the original list leads. */
const AGGREGATE_LISTS: ReadonlySet<string> = new Set(['us_trade_csl']);

/** Work done by the last query (for the benchmark). */
export interface SearchStats {
  /** Names that received any candidate credit. */
  touched: number;
  /** Names scored in full. */
  scored: number;
}

interface Hit {
  entity: number;
  name: number;
  nameScore: number;
  evidence: Evidence;
}

export class Searcher {
  readonly #ix: MatchIndex;
  readonly #algorithm: Algorithm;
  readonly #sims: SimilarityTable;
  readonly #gen: CandidateGenerator;
  readonly #query: QuerySide;
  readonly #listed: ListedSide;
  readonly #pairSim: PairSimilarity;
  readonly #repair: QueryRepair;
  /** Alignment settings of the current query (reordered joins for person-like queries only). */
  #align: AlignmentSettings;
  readonly #entBest: Float32Array;
  readonly #entName: Int32Array;
  readonly #entStamp: Uint32Array;
  #entEpoch = 0;
  readonly #entities: number[] = [];
  readonly stats: SearchStats = { touched: 0, scored: 0 };
  #listFilterKey = '';
  #listFilter: Pick<NameFilter, 'lists' | 'subLists'> = { lists: undefined, subLists: undefined };

  constructor(ix: MatchIndex, algorithm: Algorithm) {
    if (algorithm.settings.maxQueryTokens > MAX_QUERY_TOKENS)
      throw new RangeError('maxQueryTokens is above 16');
    this.#ix = ix;
    this.#algorithm = algorithm;
    this.#sims = new SimilarityTable(ix.data, algorithm.settings);
    this.#gen = new CandidateGenerator(ix, this.#sims, algorithm.settings);
    this.#listed = new ListedSide(ix.data);
    this.#query = new QuerySide(MAX_QUERY_TOKENS, this.#sims.tokenIds);
    this.#repair = new QueryRepair(ix);
    this.#align = { ...algorithm.settings, reorderedJoins: true, skeletons: false };
    this.#pairSim = (i, j) => this.#sims.get(i, this.#listed.token(j));
    this.#entBest = new Float32Array(ix.entityCount);
    this.#entName = new Int32Array(ix.entityCount);
    this.#entStamp = new Uint32Array(ix.entityCount);
  }

  /**
   * Matches at or above the threshold, best first, grouped across lists. A name holding other names
   * ("X (f.k.a. Y)") is screened as each of them as well; each party keeps its best match.
   */
  search(query: ScreenQuery, options: ScreenOptions = {}): Match[] {
    const names = namesWithin(query.name);
    if (names.length === 1) return this.#searchOne(query, options);
    const best = new Map<string, Match>();
    for (const name of names) {
      for (const m of this.#searchOne({ ...query, name }, options)) {
        const had = best.get(m.entityId);
        if (had === undefined || m.score > had.score) best.set(m.entityId, m);
      }
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : 1))
      .slice(0, options.limit ?? DEFAULT_LIMIT);
  }

  #searchOne(query: ScreenQuery, options: ScreenOptions): Match[] {
    const q = prepareQuery(query, this.#algorithm, (p, schema) => this.#repair.repair(p, schema));
    const threshold = options.threshold ?? this.#algorithm.threshold;
    this.#begin(q);
    const filter: NameFilter = { classMask: q.schemaMask, ...this.#lists(options.lists) };
    const candidates = this.#gen.generate(this.#query, q.originalScriptKey, filter);
    this.stats.touched = this.#gen.touchedCount;
    this.stats.scored = candidates.length;
    for (const n of candidates) this.#consider(n, q.originalScriptKey);
    this.#exactNames(q, filter);
    this.#identifierHits(q, filter);
    const hits = this.#weigh(q, threshold);
    return this.#matches(q, hits, options.limit ?? DEFAULT_LIMIT);
  }

  /** The names candidate generation picks for full scoring (for the recall property test and the benchmark). */
  candidateNames(query: ScreenQuery, options: ScreenOptions = {}): number[] {
    const q = prepareQuery(query, this.#algorithm, (p, schema) => this.#repair.repair(p, schema));
    this.#begin(q);
    const filter: NameFilter = { classMask: q.schemaMask, ...this.#lists(options.lists) };
    const names = [...this.#gen.generate(this.#query, q.originalScriptKey, filter)];
    for (const n of this.#ix.latinNames.get(q.latin) ?? [])
      if ((this.#ix.data.nameClass[n] & q.schemaMask) !== 0) names.push(n);
    return names;
  }

  /**
   * The naive oracle: the name score of every listed name (0 for names of incompatible schemata), computed
   * without candidate generation. Slow by design; tests check the fast path against it.
   */
  scoreEveryName(query: ScreenQuery): Float32Array {
    const q = prepareQuery(query, this.#algorithm, (p, schema) => this.#repair.repair(p, schema));
    this.#begin(q);
    this.#gen.generate(this.#query, q.originalScriptKey, {
      classMask: q.schemaMask,
      lists: undefined,
      subLists: undefined,
    });
    const scores = new Float32Array(this.#ix.nameCount);
    for (let n = 0; n < scores.length; n++) {
      if ((this.#ix.data.nameClass[n] & q.schemaMask) !== 0)
        scores[n] = this.#scoreName(n, q.originalScriptKey);
    }
    return scores;
  }

  #begin(q: PreparedQuery): void {
    const tokens = q.tokens;
    const personLike = hintForSchema(q.schema) !== 'organization';
    if (this.#align.reorderedJoins !== personLike) {
      const st = this.#algorithm.settings;
      const beta = personLike ? st.listedUnmatchedFactor : st.listedUnmatchedFactorOrganization;
      this.#align = { ...this.#align, reorderedJoins: personLike, listedUnmatchedFactor: beta };
    }
    this.#sims.reset(tokens);
    this.#sims.abjad = q.abjad;
    if (this.#align.skeletons !== q.abjad) this.#align = { ...this.#align, skeletons: q.abjad };
    for (let i = 0; i < tokens.length; i++) {
      const id = this.#ix.tokenIds.get(tokens[i]) ?? -1;
      this.#sims.tokenIds[i] = id;
      // A listed token's phonetic key was computed when the index was built: only unknown words need one now.
      if (tokens[i].length < 2) this.#sims.phon[i] = -1;
      else if (id >= 0) this.#sims.phon[i] = this.#ix.data.tokenPhon[id];
      else this.#sims.phon[i] = this.#ix.phonIds.get(phoneticKey(tokens[i])) ?? -1;
    }
    this.#query.tokens = tokens;
    this.#query.count = tokens.length;
    this.#entities.length = 0;
    if (++this.#entEpoch === 0xffffffff) {
      this.#entStamp.fill(0);
      this.#entEpoch = 1;
    }
  }

  #lists(lists: readonly string[] | undefined): Pick<NameFilter, 'lists' | 'subLists'> {
    if (lists === undefined) return { lists: undefined, subLists: undefined };
    const key = lists.join(',');
    if (key === this.#listFilterKey) return this.#listFilter;
    const wanted = new Set(lists);
    const d = this.#ix.data;
    this.#listFilter = {
      lists: Uint8Array.from(d.listKeys, (k) => (wanted.has(k) ? 1 : 0)),
      subLists: Uint8Array.from(d.subListKeys, (k) => (k !== '' && wanted.has(k) ? 1 : 0)),
    };
    this.#listFilterKey = key;
    return this.#listFilter;
  }

  /** Name score of listed name n against the prepared query (weak aliases discounted). */
  #scoreName(n: number, originalScriptKey: string | undefined): number {
    const d = this.#ix.data;
    let s = alignScore(this.#query, this.#listed.at(n), this.#pairSim, this.#align);
    if (
      originalScriptKey !== undefined &&
      d.nameOrig[n] >= 0 &&
      d.origKeys[d.nameOrig[n]] === originalScriptKey
    )
      s = 1;
    if ((d.nameFlags[n] & NAME_FLAG.weak) !== 0) s *= this.#algorithm.settings.weakAliasFactor;
    return s;
  }

  #consider(n: number, originalScriptKey: string | undefined): void {
    const e = this.#ix.data.nameEntity[n];
    const s = this.#scoreName(n, originalScriptKey);
    if (this.#entStamp[e] !== this.#entEpoch) {
      this.#entStamp[e] = this.#entEpoch;
      this.#entBest[e] = s;
      this.#entName[e] = n;
      this.#entities.push(e);
    } else if (s > this.#entBest[e]) {
      this.#entBest[e] = s;
      this.#entName[e] = n;
    }
  }

  /** Listed names spelled exactly as the query are scored whatever the candidate bound said. */
  #exactNames(q: PreparedQuery, filter: NameFilter): void {
    const d = this.#ix.data;
    for (const n of this.#ix.latinNames.get(q.latin) ?? []) {
      if ((d.nameClass[n] & filter.classMask) === 0) continue;
      if (
        filter.lists !== undefined &&
        filter.lists[d.nameList[n]] !== 1 &&
        filter.subLists?.[d.nameSubList[n]] !== 1
      )
        continue;
      this.#consider(n, q.originalScriptKey);
    }
  }

  /** Listed parties carrying a query identifier are scored whatever their names. */
  #identifierHits(q: PreparedQuery, filter: NameFilter): void {
    const d = this.#ix.data;
    for (const id of q.identifiers) {
      const k = this.#ix.identifierIds.get(id.key);
      if (k === undefined) continue;
      for (let p = d.idStart[k]; p < d.idStart[k + 1]; p++) {
        const e = d.idEntities[p];
        if (this.#entStamp[e] === this.#entEpoch) continue;
        for (let n = d.entityNameStart[e]; n < d.entityNameStart[e + 1]; n++) {
          if ((d.nameClass[n] & filter.classMask) !== 0) this.#consider(n, q.originalScriptKey);
        }
      }
    }
  }

  #weigh(q: PreparedQuery, threshold: number): Hit[] {
    const d = this.#ix.data;
    const weight = nameWeight(this.#algorithm);
    const hits: Hit[] = [];
    for (const e of this.#entities) {
      const nameScore = this.#entBest[e];
      if (weight * nameScore + MAX_EVIDENCE_GAIN < threshold && q.identifiers.length === 0) continue;
      const evidence = weighEvidence(q, d.cards[e], nameScore, this.#algorithm);
      if (evidence.score >= threshold) hits.push({ entity: e, name: this.#entName[e], nameScore, evidence });
    }
    hits.sort((a, b) => b.evidence.score - a.evidence.score || this.#tieBreak(a.entity, b.entity));
    return hits;
  }

  #tieBreak(a: number, b: number): number {
    const ca = this.#ix.data.cards[a];
    const cb = this.#ix.data.cards[b];
    const agg = Number(AGGREGATE_LISTS.has(ca.listId)) - Number(AGGREGATE_LISTS.has(cb.listId));
    return agg || (ca.id < cb.id ? -1 : ca.id > cb.id ? 1 : 0);
  }

  #matches(q: PreparedQuery, hits: Hit[], limit: number): Match[] {
    const d = this.#ix.data;
    const withNames = hits.map((h) => ({
      hit: h,
      card: d.cards[h.entity],
      names: this.#latinNames(h.entity),
    }));
    return groupHits(withNames)
      .slice(0, limit)
      .map((g) => ({
        ...this.#match(q, g.leader.hit),
        alsoOn: g.others.map((o) => ({
          entityId: o.card.id,
          listId: o.card.listId,
          sourceId: o.card.sourceId,
          score: round(o.hit.evidence.score),
        })),
      }));
  }

  #latinNames(e: number): string[] {
    const d = this.#ix.data;
    return d.nameLatin.slice(d.entityNameStart[e], d.entityNameStart[e + 1]);
  }

  #match(q: PreparedQuery, hit: Hit): Match {
    const d = this.#ix.data;
    const card = d.cards[hit.entity];
    const matchedName = card.names[d.nameAlias[hit.name]];
    const aligned = alignNames(this.#query, this.#listed.at(hit.name), this.#pairSim, this.#align, true);
    const notes: string[] = [];
    if ((d.nameFlags[hit.name] & NAME_FLAG.weak) !== 0)
      notes.push(`weak alias ×${this.#algorithm.settings.weakAliasFactor}`);
    if (hit.nameScore > aligned.score + 1e-6 && (d.nameFlags[hit.name] & NAME_FLAG.weak) === 0)
      notes.push('same name in the original script');
    const weight = nameWeight(this.#algorithm);
    return {
      entityId: card.id,
      listId: card.listId,
      sourceId: card.sourceId,
      schema: card.schema,
      listedName: card.caption,
      matchedName,
      score: round(hit.evidence.score),
      band: bandOf(hit.evidence.score, this.#algorithm),
      algorithm: this.#algorithm.id,
      explanation: [
        {
          feature: 'name',
          contribution: round(weight * hit.nameScore),
          reason: describeName(
            q.query.name,
            matchedName,
            aligned.pairs,
            this.#query,
            this.#listed,
            hit.nameScore,
            notes,
          ),
        },
        { feature: 'schema', contribution: 0, reason: schemaReason(q.schema, card.schema) },
        ...hit.evidence.outcomes.map((o) => ({ ...o, contribution: round(o.contribution) })),
      ],
      alsoOn: [],
    };
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
