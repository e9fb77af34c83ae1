// Relations stated by the lists themselves, as graph edges: RelationClaims on entities (OFAC advanced-XML
// "Owned or Controlled By", OFAC "Linked To" remarks, CSL "Parent Organization", DoD 1260H parents, UK
// "Parent company", vessel owners) and FtM Ownership/Directorship link entities. A claim that names its target
// only by name is resolved through a caller-supplied resolver (exact normalised-name lookup); a name that finds
// no entity, or more than one, is reported as unresolved rather than guessed.
import type { Entity, RelationClaim, RelationKind } from '../../domain/entity.ts';
import type { EntityId, IsoDate } from '../../domain/ids.ts';
import {
  entityNode,
  UNKNOWN_SHARE,
  shareRange,
  type EdgeKind,
  type RelationEdge,
} from '../../graph/types.ts';
import { ftmLinks } from '../ftm/index.ts';

/** Finds the listed entities a name denotes (exact normalised-name lookup; see `exactNameResolver`). */
export type NameResolver = (name: string) => readonly EntityId[];

export interface UnresolvedClaim {
  entityId: EntityId;
  claim: RelationClaim;
  reason: 'not_found' | 'ambiguous';
  candidates: EntityId[];
}

export interface ClaimEdges {
  edges: RelationEdge[];
  unresolved: UnresolvedClaim[];
}

const KIND: Readonly<Record<RelationKind, EdgeKind>> = {
  ownership: 'ownership',
  control: 'control',
  director: 'director',
  family: 'other',
  associate: 'other',
  other: 'other',
};

/** Names compared for exact lookup: NFKC, case-folded, punctuation to spaces, whitespace collapsed. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function addTo(index: Map<string, EntityId[]>, name: string, id: EntityId): void {
  const key = nameKey(name);
  if (key === '') return;
  const ids = index.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  index.set(key, ids);
}

/**
 * A resolver over the names of these entities. Entities whose primary name matches win over those matching only
 * by an alias: OFAC's "Linked To: NATIONAL IRANIAN TANKER COMPANY" is the entry of that name, not the
 * representative office that has it as an a.k.a.
 */
export function exactNameResolver(entities: Iterable<Entity>): NameResolver {
  const primary = new Map<string, EntityId[]>();
  const any = new Map<string, EntityId[]>();
  for (const e of entities) {
    for (const n of e.names) {
      addTo(any, n.value, e.id);
      if (n.kind === 'primary') addTo(primary, n.value, e.id);
    }
  }
  return (name) => {
    const key = nameKey(name);
    return primary.get(key) ?? any.get(key) ?? [];
  };
}

function claimEdge(
  entity: Entity,
  claim: RelationClaim,
  other: EntityId,
  asOf: IsoDate | undefined,
): RelationEdge {
  const self = entityNode(entity.id);
  const that = entityNode(other);
  // role: what the other party is. owner → it owns this entity; owned → this entity owns it; related → no direction.
  const [owner, owned] =
    claim.role === 'owned' ? [self, that] : claim.role === 'owner' ? [that, self] : [self, that];
  const edge: RelationEdge = {
    owner,
    owned,
    kind: claim.role === 'related' ? 'other' : KIND[claim.kind],
    share: claim.share === undefined ? UNKNOWN_SHARE : shareRange(claim.share[0], claim.share[1]),
    source: entity.listId,
  };
  if (claim.note !== undefined) edge.note = claim.note;
  if (asOf !== undefined) edge.asOf = asOf;
  return edge;
}

function ftmEdges(entity: Entity, asOf: IsoDate | undefined): RelationEdge[] {
  return ftmLinks(entity).map((link) => {
    const edge: RelationEdge = {
      owner: entityNode(link.fromEntityId),
      owned: entityNode(link.toEntityId),
      kind: KIND[link.kind],
      share: link.share === undefined ? UNKNOWN_SHARE : shareRange(link.share[0], link.share[1]),
      source: entity.listId,
      note: `${entity.schema} ${entity.sourceId}`,
    };
    if (asOf !== undefined) edge.asOf = asOf;
    return edge;
  });
}

/**
 * Candidates for a name: a list's relations usually name entries of the same list (OFAC "Linked To" names an
 * SDN, a 1260H parent another 1260H company), so one same-list candidate wins over entries on other lists.
 * Whether entries of different lists are one company is the matcher's call, not made here: several
 * candidates are reported as ambiguous rather than all linked (two edges would count one holding twice).
 */
function resolveName(entity: Entity, name: string, resolve: NameResolver): EntityId[] {
  const candidates = resolve(name).filter((id) => id !== entity.id);
  const sameList = candidates.filter((id) => id.startsWith(`${entity.listId}:`));
  return sameList.length === 1 ? sameList : [...candidates];
}

const edgeKey = (e: RelationEdge): string => `${e.owner}>${e.owned}:${e.kind}:${e.share[0]}-${e.share[1]}`;

/**
 * Edges from the relation claims and FtM link entities of a list's entities. `asOf` is the list version's
 * date. Each relation is emitted once even when both ends state it; self-references are dropped.
 */
export function edgesFromClaims(
  entities: Iterable<Entity>,
  options: { resolve: NameResolver; asOf?: IsoDate },
): ClaimEdges {
  const out: ClaimEdges = { edges: [], unresolved: [] };
  const seen = new Set<string>();
  const add = (edge: RelationEdge): void => {
    const key = edgeKey(edge);
    if (edge.owner === edge.owned || seen.has(key)) return;
    seen.add(key);
    out.edges.push(edge);
  };
  for (const entity of entities) {
    ftmEdges(entity, options.asOf).forEach(add);
    for (const claim of entity.relations) {
      const candidates =
        'entityId' in claim.other
          ? [claim.other.entityId]
          : resolveName(entity, claim.other.name, options.resolve);
      if (candidates.length === 1) add(claimEdge(entity, claim, candidates[0]!, options.asOf));
      else
        out.unresolved.push({
          entityId: entity.id,
          claim,
          reason: candidates.length === 0 ? 'not_found' : 'ambiguous',
          candidates,
        });
    }
  }
  return out;
}
