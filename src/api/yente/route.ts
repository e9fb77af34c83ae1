// yente-compatible endpoints: POST /match/{dataset} (query by example, FollowTheMoney entities) and
// GET /algorithms. Dataset `default` covers every loaded list; a list id selects one. Responses follow
// yente's models field by field; Embargo adds `screening_id` (the audit record) and, per query,
// `jurisdictions` (embargoed-country findings), which yente clients ignore.
import { Type } from 'typebox';
import type { ResolvedSettings } from '../../app/screening.ts';
import type { MatchOut, PartyQuery } from '../../app/screening-types.ts';
import { AppError } from '../../domain/errors.ts';
import type { EntityId } from '../../domain/ids.ts';
import type { JurisdictionFinding } from '../../jurisdictions/index.ts';
import { notFound } from '../errors.ts';
import { AnyObject, errorResponses } from '../schemas.ts';
import { callerOf, ready, sendJsonText, type Api, type ApiDeps } from '../types.ts';
import { readExample, type ReadExample } from './example.ts';
import { algorithmsResponse, featureDocs, scoredEntity, type ScoredEntity } from './response.ts';
import { MatchBody, MatchQuery, YENTE_DEFAULT_LIMIT, YENTE_MAX_LIMIT, type MatchBodyT, type MatchQueryT } from './schemas.ts';

const ALGORITHM_ALIASES = new Set(['default', 'best']);

/** The lists a request may match: the dataset, narrowed by include_dataset, minus exclude_dataset. */
function datasetLists(deps: ApiDeps, dataset: string, query: MatchQueryT): string[] {
  const loaded = deps.service.screener.state().lists.map((v) => v.list_id);
  if (dataset !== 'default' && !loaded.includes(dataset)) {
    throw notFound(`dataset ${dataset}`, `use default or a loaded list id: ${loaded.join(', ')}`);
  }
  let lists = dataset === 'default' ? loaded : [dataset];
  if (query.include_dataset !== undefined && query.include_dataset.length > 0) lists = lists.filter((l) => query.include_dataset!.includes(l));
  return lists.filter((l) => !(query.exclude_dataset ?? []).includes(l));
}

function checkAlgorithm(deps: ApiDeps, name: string | undefined): void {
  const id = deps.service.screener.algorithm.id;
  if (name === undefined || name === id || ALGORITHM_ALIASES.has(name)) return;
  throw new AppError('invalid_input', `algorithm ${name} is not available`, { where: 'algorithm', hint: `use ${id} (or default / best); GET /algorithms lists them` });
}

/** Screens every name of an example and keeps each party's best-scoring match. */
function bestMatches(deps: ApiDeps, parties: PartyQuery[], settings: ResolvedSettings): MatchOut[] {
  const best = new Map<string, MatchOut>();
  for (const party of parties) {
    for (const m of deps.service.evaluate(party, settings).matches) {
      const seen = best.get(m.entity_id);
      if (seen === undefined || m.score > seen.score) best.set(m.entity_id, m);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entity_id.localeCompare(b.entity_id));
}

/** What one /match request asks, checked: lists, settings, examples. */
interface MatchPlan {
  lists: string[];
  limit: number;
  threshold: number;
  settings: ResolvedSettings;
  examples: { key: string; read: ReadExample }[];
  excludedSchemata: Set<string>;
  excludedIds: Set<string>;
}

/** yente's EntityMatches, plus Embargo's jurisdiction findings. */
interface EntityMatches {
  status: number;
  results: ScoredEntity[];
  total: { value: number; relation: 'eq' };
  query: ReadExample['echo'];
  jurisdictions: JurisdictionFinding[];
}

function planMatch(deps: ApiDeps, dataset: string, query: MatchQueryT, body: MatchBodyT): MatchPlan {
  const lists = datasetLists(deps, dataset, query);
  checkAlgorithm(deps, query.algorithm);
  const limit = Math.min(query.limit ?? YENTE_DEFAULT_LIMIT, YENTE_MAX_LIMIT);
  const threshold = query.threshold ?? deps.service.screener.algorithm.threshold;
  // yente returns results from `cutoff` up, and marks those from `threshold` up as matches.
  const cutoff = Math.min(query.cutoff ?? threshold, threshold);
  const keys = Object.keys(body.queries);
  if (keys.length === 0) throw new AppError('invalid_input', 'No queries provided.', { where: 'queries', hint: 'give at least one query' });
  return {
    lists,
    limit,
    threshold,
    settings: deps.service.resolve({ threshold: cutoff, limit, lists }),
    examples: keys.map((key) => ({ key, read: readExample(key, body.queries[key]!) })),
    excludedSchemata: new Set(query.exclude_schema ?? []),
    excludedIds: new Set(query.exclude_entity_ids ?? []),
  };
}

async function matchExample(deps: ApiDeps, read: ReadExample, plan: MatchPlan): Promise<EntityMatches> {
  const matches = plan.lists.length === 0 ? [] : bestMatches(deps, read.parties, plan.settings).filter((m) => !plan.excludedSchemata.has(m.schema) && !plan.excludedIds.has(m.entity_id));
  const results: ScoredEntity[] = [];
  for (const m of matches.slice(0, plan.limit)) results.push(scoredEntity(m, await deps.store.entity(m.entity_id as EntityId), plan.threshold));
  return {
    status: 200,
    results,
    total: { value: matches.length, relation: 'eq' },
    query: read.echo,
    jurisdictions: deps.service.jurisdictionsOf({ countries: read.countries, addresses: read.addresses }),
  };
}

export function yenteRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/algorithms',
    { config: { access: 'screener' }, schema: { tags: ['yente'], summary: 'Matching algorithms (yente-compatible)', response: { 200: AnyObject, ...errorResponses } } },
    async () => algorithmsResponse(deps.service.screener.algorithm),
  );

  app.post(
    '/match/:dataset',
    {
      config: { access: 'screener' },
      schema: {
        tags: ['yente'],
        summary: 'Query-by-example matching (yente-compatible)',
        description: 'Body `{"queries": {"q1": {"schema": "Company", "properties": {"name": ["…"], "country": ["cn"]}}}}`; each response lists results with score, match and features.',
        params: Type.Object({ dataset: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: MatchQuery,
        body: MatchBody,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      if (!ready(deps, reply)) return reply;
      const plan = planMatch(deps, request.params.dataset, request.query, request.body);
      const header = deps.service.header(plan.settings);
      const responses: Record<string, EntityMatches> = {};
      for (const { key, read } of plan.examples) responses[key] = await matchExample(deps, read, plan);
      const response = { responses, matcher: featureDocs(deps.service.screener.algorithm), limit: plan.limit, screening_id: header.id };
      const json = JSON.stringify(response);
      await deps.service.record(callerOf(request), {
        id: header.id,
        at: header.screened_at,
        kind: 'yente_match',
        settings: { ...plan.settings, threshold: plan.threshold },
        request: { dataset: request.params.dataset, params: request.query, body: request.body },
        normalised: Object.fromEntries(plan.examples.map(({ key, read }) => [key, read.parties])),
        response,
        responseText: json,
        matchCount: Object.values(responses).reduce((n, r) => n + r.results.length, 0),
      });
      return sendJsonText(reply.header('x-batch-size', String(plan.examples.length)), json);
    },
  );
}
