// The listings a what-if simulates, from `--add-entity` flags, an `--add-file` of JSON lines or an API body: each
// becomes an Entity of the named list (never stored) with id `<listId>:what-if-<n>`, and optional relations
// between simulated entities, parties and listed entities become graph edges.
//
// JSON lines: an entity line has `name` and `list` (`us_ofac_sdn`, or `us_trade_csl:EL` for a sub-list), and may
// have `ref` (how relation lines name it), `schema`, `country`, `ids` (TYPE:VALUE), `aliases`, `programs`,
// `sub_list`, `start`. A relation line has `owner`, `owned` (a `ref` of the file, `party:<id>`, `entity:<id>` or a
// bare party id), `percent` (number, range, or empty = unknown) and `kind`.
import { readFile } from 'node:fs/promises';
import { addIdentifier, addName, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { countryCode, isoDate, listId, sourceId, type ListId } from '../../domain/ids.ts';
import {
  EDGE_KINDS,
  nodeRef,
  parsePercent,
  entityNode,
  type EdgeKind,
  type NodeRef,
  type RelationEdge,
} from '../../graph/index.ts';
import { parseIdentifier } from '../parties/party-row.ts';

/** One listing to simulate. */
export interface SimulatedListing {
  name: string;
  /** A list id, or `<listId>:<subList>`. */
  list: string;
  ref?: string;
  schema?: string;
  country?: string;
  ids?: string[];
  aliases?: string[];
  programs?: string[];
  subList?: string;
  start?: string;
}

export interface SimulatedRelation {
  owner: string;
  owned: string;
  percent?: string;
  kind?: string;
}

export interface Simulation {
  entities: Entity[];
  edges: RelationEdge[];
}

function bad(message: string, where: string, hint?: string): AppError {
  return new AppError('invalid_input', message, { where, ...(hint === undefined ? {} : { hint }) });
}

function listOf(text: string, where: string): { listId: ListId; subList?: string } {
  const [id, sub] = text.trim().split(':', 2) as [string, string | undefined];
  try {
    return { listId: listId(id), ...(sub === undefined || sub === '' ? {} : { subList: sub }) };
  } catch {
    throw bad(
      `"${text}" is not a list id`,
      where,
      'use a list id such as us_ofac_sdn, or a sub-list such as us_trade_csl:EL',
    );
  }
}

function entityOf(s: SimulatedListing, n: number, where: string): Entity {
  if (s.name.trim() === '')
    throw bad('the simulated entity has no name', where, 'give the name of the party to list');
  const { listId: list, subList } = listOf(s.list, where);
  const schema = s.schema ?? 'LegalEntity';
  if (!isPartySchema(schema))
    throw bad(
      `schema "${schema}" is not a party schema`,
      where,
      'use Person, Company, Organization, LegalEntity, Vessel or Airplane',
    );
  const e = newEntity(list, sourceId(`what-if-${n}`), schema, { simulated: s });
  addName(e, s.name, 'primary');
  for (const a of s.aliases ?? []) addName(e, a, 'aka');
  if (s.country !== undefined && s.country !== '')
    e.countries.push({ code: countryCode(s.country), role: 'country' });
  for (const text of s.ids ?? []) {
    const id = parseIdentifier(text);
    if (!id.ok) throw bad(id.reason, where);
    const colon = id.id.indexOf(':');
    addIdentifier(e, {
      type: id.id.slice(0, colon) as Entity['identifiers'][number]['type'],
      value: id.id.slice(colon + 1),
    });
  }
  e.programs.push(...(s.programs ?? []));
  const sub = s.subList ?? subList;
  if (sub !== undefined) e.listing.subList = sub;
  if (s.start !== undefined) e.listing.start = isoDate(s.start);
  return e;
}

function endpoint(text: string, refs: ReadonlyMap<string, Entity>, where: string): NodeRef {
  const sim = refs.get(text.trim());
  if (sim !== undefined) return entityNode(sim.id);
  try {
    return nodeRef(text);
  } catch (error) {
    throw bad(`endpoint "${text}": ${(error as Error).message}`, where);
  }
}

function edgeOf(r: SimulatedRelation, refs: ReadonlyMap<string, Entity>, where: string): RelationEdge {
  const kind = (r.kind ?? 'ownership').toLowerCase();
  if (!(EDGE_KINDS as readonly string[]).includes(kind))
    throw bad(`kind "${kind}" is not one of ${EDGE_KINDS.join(', ')}`, where);
  const share = parsePercent(r.percent ?? '');
  if (!share.ok) throw bad(share.reason, where);
  return {
    owner: endpoint(r.owner, refs, where),
    owned: endpoint(r.owned, refs, where),
    kind: kind as EdgeKind,
    share: share.share,
    source: 'what-if',
  };
}

/** Validates the listings and relations of a what-if. */
export function simulation(
  listings: readonly SimulatedListing[],
  relations: readonly SimulatedRelation[] = [],
  where = 'what-if',
): Simulation {
  if (listings.length === 0)
    throw new AppError('usage', 'a what-if needs at least one entity to list', {
      hint: 'pass --add-entity "<name>" --list <listId>, or --add-file <entities.jsonl>',
    });
  const entities = listings.map((s, i) => entityOf(s, i + 1, `${where}: entity ${i + 1}`));
  const refs = new Map<string, Entity>();
  listings.forEach((s, i) => s.ref !== undefined && refs.set(s.ref, entities[i]!));
  const edges = relations.map((r, i) => edgeOf(r, refs, `${where}: relation ${i + 1}`));
  return { entities, edges };
}

function strings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}

function lineListing(o: Record<string, unknown>): SimulatedListing {
  const s: SimulatedListing = {
    name: String(o['name'] ?? ''),
    list: String(o['list'] ?? o['list_id'] ?? ''),
  };
  const text = (k: string) =>
    typeof o[k] === 'string' || typeof o[k] === 'number' ? String(o[k]) : undefined;
  for (const [key, field] of [
    ['ref', 'ref'],
    ['schema', 'schema'],
    ['country', 'country'],
    ['sub_list', 'subList'],
    ['start', 'start'],
  ] as const) {
    const v = text(key);
    if (v !== undefined) s[field] = v;
  }
  for (const [key, field] of [
    ['ids', 'ids'],
    ['id', 'ids'],
    ['aliases', 'aliases'],
    ['programs', 'programs'],
  ] as const) {
    const v = strings(o[key]);
    if (v !== undefined) s[field] = [...(s[field] ?? []), ...v];
  }
  return s;
}

/** Reads an `--add-file` of JSON lines (entities and relations). */
export async function readSimulationFile(path: string): Promise<Simulation> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('not_found', `cannot read ${path}`, {
      where: path,
      hint: 'check the path',
      cause: error,
    });
  }
  const listings: SimulatedListing[] = [];
  const relations: SimulatedRelation[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw bad(`line ${i + 1} is not valid JSON`, `${path}:${i + 1}`, 'write one JSON object per line');
      }
      if ('owner' in o || 'owned' in o)
        relations.push({
          owner: String(o['owner'] ?? ''),
          owned: String(o['owned'] ?? ''),
          ...(o['percent'] === undefined ? {} : { percent: String(o['percent']) }),
          ...(o['kind'] === undefined ? {} : { kind: String(o['kind']) }),
        });
      else listings.push(lineListing(o));
    });
  return simulation(listings, relations, path);
}
