// trade.gov CSL-compatible search: GET /consolidated_screening_list/v1/search?name=&fuzzy_name=&sources=&types=
// &countries=&size=&offset= → {"total", "sources_used", "results": [CSL fields]}. With fuzzy_name=true the name
// is screened by Embargo's matching engine; without it, a record must contain every word of the name (the
// CSL's plain name search). Without a name, every record of the chosen sources that passes the filters.
import { Type, type Static } from 'typebox';
import type { ResolvedSettings } from '../../app/screening.ts';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import type { EntityId, ListId } from '../../domain/ids.ts';
import { prepareName } from '../../text/index.ts';
import { errorResponses } from '../schemas.ts';
import { callerOf, ready, sendJsonText, type Api, type ApiDeps } from '../types.ts';
import { cslResult, cslType } from './record.ts';
import { CSL_SOURCES, cslCodesOf, cslSource, type CslSource } from './sources.ts';

/** The CSL API's page size bound. */
const MAX_SIZE = 50;
/** Candidates the engine returns before the CSL filters and paging apply. */
const CANDIDATES = 100;
/** Plain (non-fuzzy) search takes engine candidates from this score and keeps those containing every word. */
const PLAIN_CANDIDATE_THRESHOLD = 0.5;

const CslQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 500 })),
    fuzzy_name: Type.Optional(Type.Boolean()),
    sources: Type.Optional(Type.String({ maxLength: 200, description: 'Comma-separated CSL codes: EL, MEU, UVL, DPL, ISN, DTC, SDN, SSI, FSE, PLC, CMIC, MBS, CAP' })),
    types: Type.Optional(Type.String({ maxLength: 100, description: 'Comma-separated: Entity, Individual, Vessel, Aircraft' })),
    countries: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated ISO 3166-1 alpha-2 codes' })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    state: Type.Optional(Type.String({ maxLength: 200 })),
    postal_code: Type.Optional(Type.String({ maxLength: 50 })),
    full_address: Type.Optional(Type.String({ maxLength: 1000 })),
    size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SIZE })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
type CslQueryT = Static<typeof CslQuery>;

interface Filters {
  sources: CslSource[];
  types: Set<string> | undefined;
  countries: Set<string> | undefined;
}

function csv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function filters(query: CslQueryT): Filters {
  const codes = csv(query.sources);
  const sources = codes.length === 0 ? [...CSL_SOURCES] : codes.map((c) => cslSource(c) ?? badValue('sources', c, CSL_SOURCES.map((s) => s.code).join(', ')));
  const types = csv(query.types).map((t) => ['Entity', 'Individual', 'Vessel', 'Aircraft'].find((k) => k.toLowerCase() === t.toLowerCase()) ?? badValue('types', t, 'Entity, Individual, Vessel, Aircraft'));
  const countries = csv(query.countries).map((c) => (/^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : badValue('countries', c, 'two-letter ISO codes, e.g. CN,RU')));
  return { sources, types: types.length === 0 ? undefined : new Set(types), countries: countries.length === 0 ? undefined : new Set(countries) };
}

function badValue(field: string, value: string, allowed: string): never {
  throw new AppError('invalid_input', `${field}: "${value}" is not allowed`, { where: field, hint: `use ${allowed}` });
}

function passes(entity: Entity, f: Filters): boolean {
  const codes = new Set(f.sources.map((s) => s.code));
  if (!cslCodesOf(entity).some((c) => codes.has(c))) return false;
  if (f.types !== undefined && !f.types.has(cslType(entity))) return false;
  if (f.countries === undefined) return true;
  const own = [...entity.countries.map((c) => c.code), ...entity.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country]))];
  return own.some((c) => f.countries!.has(c.toUpperCase()));
}

function containsEveryWord(entity: Entity, words: readonly string[]): boolean {
  return entity.names.some((n) => {
    const tokens = new Set<string>(prepareName(n.value, 'any').tokens);
    return words.every((w) => tokens.has(w));
  });
}

async function byName(deps: ApiDeps, name: string, fuzzy: boolean, lists: string[]): Promise<Entity[]> {
  const settings: ResolvedSettings = deps.service.resolve({ threshold: fuzzy ? deps.service.screener.algorithm.threshold : PLAIN_CANDIDATE_THRESHOLD, lists, limit: CANDIDATES });
  const words = prepareName(name, 'any').tokens;
  const out: Entity[] = [];
  for (const m of deps.service.evaluate({ name }, settings).matches) {
    const entity = await deps.store.entity(m.entity_id as EntityId);
    if (entity !== undefined && (fuzzy || containsEveryWord(entity, words))) out.push(entity);
  }
  return out;
}

async function everyRecord(deps: ApiDeps, parents: ListId[]): Promise<Entity[]> {
  const out: Entity[] = [];
  for await (const e of deps.store.currentEntities(parents)) if (e.status === 'current') out.push(e);
  return out;
}

async function sourcesUsed(deps: ApiDeps, sources: CslSource[]) {
  const versions = await deps.store.currentVersions();
  return sources.flatMap((s) => {
    const loaded = versions.filter((v) => s.lists.some((l) => l.split(':')[0] === v.listId));
    if (loaded.length === 0) return [];
    const latest = loaded.reduce((a, b) => (a.importedAt > b.importedAt ? a : b));
    return [{ source: s.name, source_last_updated: latest.asOf ?? latest.importedAt, last_imported: latest.importedAt }];
  });
}

export function cslRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/consolidated_screening_list/v1/search',
    {
      config: { access: 'screener' },
      schema: { tags: ['csl'], summary: 'Search (trade.gov CSL API-compatible)', querystring: CslQuery, response: errorResponses },
    },
    async (request, reply) => {
      if (!ready(deps, reply)) return reply;
      const query = request.query;
      const f = filters(query);
      const loaded = new Set(deps.service.screener.state().lists.map((v) => v.list_id));
      const lists = [...new Set(f.sources.flatMap((s) => s.lists))].filter((l) => loaded.has(l.split(':')[0]!));
      const name = query.name?.trim() ?? '';
      const candidates =
        lists.length === 0 ? [] : name === '' ? await everyRecord(deps, [...new Set(lists.map((l) => l.split(':')[0] as ListId))]) : await byName(deps, name, query.fuzzy_name === true, lists);
      const matching = candidates.filter((e) => passes(e, f));
      const offset = query.offset ?? 0;
      const size = query.size ?? 10;
      const response = { total: matching.length, sources_used: await sourcesUsed(deps, f.sources), results: matching.slice(offset, offset + size).map(cslResult) };
      const settings = lists.length === 0 ? { ...deps.service.resolve({}), refs: [] } : deps.service.resolve({ lists });
      const header = deps.service.header(settings);
      await deps.service.record(callerOf(request), {
        id: header.id,
        at: header.screened_at,
        kind: 'csl_search',
        settings,
        request: query,
        normalised: { name: prepareName(name, 'any').latin, fuzzy_name: query.fuzzy_name === true, sources: f.sources.map((s) => s.code), types: [...(f.types ?? [])], countries: [...(f.countries ?? [])] },
        response,
        matchCount: response.results.length,
      });
      return sendJsonText(reply.header('x-screening-id', header.id), JSON.stringify(response));
    },
  );
}
