// What FtM link and Sanction entities point at, as entity ids of the same list. Relations are not attached
// to entities at import: the graph engine reads these helpers (docs/design/ftm.md).
import type { Entity, LinkSchema, RelationKind } from '../../domain/entity.ts';
import { entityId, sourceId, type EntityId } from '../../domain/ids.ts';

/** A directed link stated by one FtM interval entity. */
export interface FtmLink {
  kind: RelationKind;
  fromEntityId: EntityId;
  toEntityId: EntityId;
  /** Ownership share as [lo, hi] in [0, 1]; absent when the entity gives no usable percentage. */
  share?: readonly [number, number];
}

/** Per link schema: the property naming the source party, the one naming the target, and the kind. */
const LINK_ENDS: Readonly<Record<LinkSchema, readonly [string, string, RelationKind]>> = {
  Ownership: ['owner', 'asset', 'ownership'],
  Directorship: ['director', 'organization', 'director'],
  Family: ['person', 'relative', 'family'],
  Associate: ['person', 'associate', 'associate'],
  Membership: ['member', 'organization', 'other'],
  Employment: ['employee', 'employer', 'other'],
  Representation: ['agent', 'client', 'other'],
  Succession: ['predecessor', 'successor', 'other'],
  UnknownLink: ['subject', 'object', 'other'],
};

function isLinkSchema(schema: string): schema is LinkSchema {
  return Object.hasOwn(LINK_ENDS, schema);
}

/** The links an FtM interval entity states (one per from × to pair); [] for any other schema. */
export function ftmLinks(entity: Entity): FtmLink[] {
  if (!isLinkSchema(entity.schema)) return [];
  const [fromProp, toProp, kind] = LINK_ENDS[entity.schema];
  const share = entity.schema === 'Ownership' ? percentageShare(entity.properties.percentage ?? []) : undefined;
  const links: FtmLink[] = [];
  for (const from of idsOf(entity, fromProp)) {
    for (const to of idsOf(entity, toProp)) {
      links.push(share === undefined ? { kind, fromEntityId: from, toEntityId: to } : { kind, fromEntityId: from, toEntityId: to, share });
    }
  }
  return links;
}

/** The entities a Sanction entity sanctions (its `entity` property); [] for any other schema. */
export function ftmSanctionedIds(entity: Entity): EntityId[] {
  return entity.schema === 'Sanction' ? idsOf(entity, 'entity') : [];
}

function idsOf(entity: Entity, prop: string): EntityId[] {
  return (entity.properties[prop] ?? []).filter((v) => v.trim() !== '').map((v) => entityId(entity.listId, sourceId(v)));
}

/**
 * FtM `percentage` values ("100", "25.5", "50%") as a share range: one value gives [p, p], several give
 * [min, max] (sources disagree). Values outside 0–100 or not numbers are ignored; none usable → undefined.
 */
export function percentageShare(values: readonly string[]): readonly [number, number] | undefined {
  const shares = values
    .map((v) => v.trim().replace(/\s*%$/, '').replace(',', '.'))
    .filter((v) => v !== '')
    .map(Number)
    .filter(isPercentage)
    .map((p) => p / 100);
  if (shares.length === 0) return undefined;
  return [Math.min(...shares), Math.max(...shares)];
}

function isPercentage(p: number): boolean {
  return Number.isFinite(p) && p >= 0 && p <= 100;
}
