// trade.gov CSL-compatible search: GET /consolidated_screening_list/v1/search?name=&fuzzy_name=&sources=&types=
// &countries=&size=&offset= → {"total", "sources_used", "results": [CSL fields]}.
//   fuzzy_name=true  the name is screened by Embargo's matching engine (ranked, at most 100 candidates);
//   otherwise        one of a record's names must hold every word of the name (the CSL's plain name search;
//                    accents and case ignored), in list order;
//   no name          every record of the chosen sources that passes the filters.
// Plain and name-less searches scan what the index holds of each party (in memory), then read only the page.
import { Type, type Static } from 'typebox';
import type { EntityCard } from '../../matching/index.ts';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import type { EntityId } from '../../domain/ids.ts';
import { normaliseAddress } from '../../jurisdictions/index.ts';
import { prepareName } from '../../text/index.ts';
import { errorResponses } from '../schemas.ts';
import { callerOf, ready, sendJsonText, type Api, type ApiDeps } from '../types.ts';
import { cslResult, cslType } from './record.ts';
import { CSL_SOURCES, cslCodesOf, cslSource, type CslSource } from './sources.ts';

/** The CSL API's page size bound. */
const MAX_SIZE = 50;
/** Candidates the engine returns before the CSL filters and paging apply. */
const CANDIDATES = 100;

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

/** What the filters need of a record: from an index card, or from a stored entity (engine matches). */
interface Row {
  id: string;
  listId: string;
  subList: string | undefined;
  programs: readonly string[];
  schema: string;
  /** Lower-case ISO codes. */
  countries: readonly string[];
  names: readonly string[];
}

interface Filters {
  sources: CslSource[];
  types: Set<string> | undefined;
  countries: Set<string> | undefined;
}

function csv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function badValue(field: string, value: string, allowed: string): never {
  throw new AppError('invalid_input', `${field}: "${value}" is not allowed`, { where: field, hint: `use ${allowed}` });
}

function filters(query: CslQueryT): Filters {
  const codes = csv(query.sources);
  const sources = codes.length === 0 ? [...CSL_SOURCES] : codes.map((c) => cslSource(c) ?? badValue('sources', c, CSL_SOURCES.map((s) => s.code).join(', ')));
  const types = csv(query.types).map((t) => ['Entity', 'Individual', 'Vessel', 'Aircraft'].find((k) => k.toLowerCase() === t.toLowerCase()) ?? badValue('types', t, 'Entity, Individual, Vessel, Aircraft'));
  const countries = csv(query.countries).map((c) => (/^[A-Za-z]{2}$/.test(c) ? c.toLowerCase() : badValue('countries', c, 'two-letter ISO codes, e.g. CN,RU')));
  return { sources, types: types.length === 0 ? undefined : new Set(types), countries: countries.length === 0 ? undefined : new Set(countries) };
}

function passes(row: Row, f: Filters): boolean {
  const codes = new Set(f.sources.map((s) => s.code));
  if (!cslCodesOf(row).some((c) => codes.has(c))) return false;
  if (f.types !== undefined && !f.types.has(cslType(row.schema))) return false;
  return f.countries === undefined || row.countries.some((c) => f.countries!.has(c));
}

function fromCard(card: EntityCard): Row {
  return { id: card.id, listId: card.listId, subList: card.subList, programs: card.programs, schema: card.schema, countries: card.countries, names: card.names };
}

function fromEntity(e: Entity): Row {
  const countries = [...e.countries.map((c) => c.code as string), ...e.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country as string]))];
  return { id: e.id, listId: e.listId, subList: e.listing.subList, programs: e.programs, schema: e.schema, countries, names: e.names.map((n) => n.value) };
}

/** True when one of the names holds every word (whole words, accents and case ignored). */
function containsEveryWord(row: Row, words: readonly string[]): boolean {
  return row.names.some((name) => {
    const padded = ` ${normaliseAddress(name)} `;
    return words.every((w) => padded.includes(` ${w} `));
  });
}

async function fuzzy(deps: ApiDeps, name: string, lists: string[]): Promise<Row[]> {
  const settings = deps.service.resolve({ lists, limit: CANDIDATES });
  const out: Row[] = [];
  for (const m of deps.service.evaluate({ name }, settings).matches) {
    const entity = await deps.store.entity(m.entity_id as EntityId);
    if (entity !== undefined) out.push(fromEntity(entity));
  }
  return out;
}

/** Index cards of the chosen lists (or sub-lists) that pass `keep`, in index order. */
function scan(deps: ApiDeps, lists: string[], keep: (row: Row) => boolean): Row[] {
  const wanted = new Set(lists);
  const out: Row[] = [];
  for (const card of deps.service.screener.cards()) {
    if (!wanted.has(card.listId) && !(card.subList !== undefined && wanted.has(`${card.listId}:${card.subList}`))) continue;
    const row = fromCard(card);
    if (keep(row)) out.push(row);
  }
  return out;
}

async function candidates(deps: ApiDeps, query: CslQueryT, lists: string[]): Promise<Row[]> {
  const name = query.name?.trim() ?? '';
  if (lists.length === 0) return [];
  if (name === '') return scan(deps, lists, () => true);
  if (query.fuzzy_name === true) return fuzzy(deps, name, lists);
  const words = normaliseAddress(name).split(' ').filter((w) => w !== '');
  return scan(deps, lists, (row) => containsEveryWord(row, words));
}

async function page(deps: ApiDeps, rows: Row[]) {
  const out = [];
  for (const row of rows) {
    const entity = await deps.store.entity(row.id as EntityId);
    if (entity !== undefined) out.push(cslResult(entity));
  }
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
      const matching = (await candidates(deps, query, lists)).filter((row) => passes(row, f));
      const offset = query.offset ?? 0;
      const results = await page(deps, matching.slice(offset, offset + (query.size ?? 10)));
      const response = { total: matching.length, sources_used: await sourcesUsed(deps, f.sources), results };
      const json = JSON.stringify(response);
      const settings = lists.length === 0 ? { ...deps.service.resolve({}), refs: [] } : deps.service.resolve({ lists });
      const header = deps.service.header(settings);
      await deps.service.record(callerOf(request), {
        id: header.id,
        at: header.screened_at,
        kind: 'csl_search',
        settings,
        request: query,
        normalised: { name: prepareName(query.name ?? '', 'any').latin, fuzzy_name: query.fuzzy_name === true, sources: f.sources.map((s) => s.code), types: [...(f.types ?? [])], countries: [...(f.countries ?? [])] },
        response,
        responseText: json,
        matchCount: results.length,
      });
      return sendJsonText(reply.header('x-screening-id', header.id), json);
    },
  );
}
