// The ownership graph's domain: nodes (listed entities and the user's parties), edges owner → owned with a
// share range, and the listing facts that make a node a "restricted owner" under a rule. Pure types and the
// validating constructors that are the only way to make a Share or a NodeRef.
import { AppError } from '../domain/errors.ts';
import { parseEntityId, type Brand, type EntityId, type IsoDate, type ListId } from '../domain/ids.ts';

/** A fraction of a company's equity in [0, 1] (0.5 = 50 %). Made only by `share()`. */
export type Share = Brand<number, 'Share'>;
/** A share known to lie in [lo, hi]; exact = [x, x]; unknown = [0, 1] (RelationClaim uses the same tuple). */
export type ShareRange = readonly [lo: Share, hi: Share];

/** Validates a fraction in [0, 1]. */
export function share(value: number): Share {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new AppError('invalid_input', `share ${value} is not a fraction between 0 and 1`, {
      hint: 'give shares as fractions (0.5) or, in files, as percentages (50)',
    });
  }
  return value as Share;
}

/** Validates lo ≤ hi, both in [0, 1]. */
export function shareRange(lo: number, hi: number): ShareRange {
  const l = share(lo);
  const h = share(hi);
  if (l > h)
    throw new AppError('invalid_input', `share range [${lo}, ${hi}] has its low end above its high end`);
  return [l, h];
}

/** An exact share: [x, x]. */
export function exactShare(value: number): ShareRange {
  return shareRange(value, value);
}

/** Nothing is known about the size of the holding. */
export const UNKNOWN_SHARE: ShareRange = Object.freeze([0 as Share, 1 as Share]) as ShareRange;

/** True for the [0, 1] range: the source names a holding but not its size. */
export function isUnknownShare(range: ShareRange): boolean {
  return range[0] === 0 && range[1] === 1;
}

/** `entity:<listId>:<sourceId>` (a listed record) or `party:<party_id>` (the user's book, or an external id). */
export type NodeRef = Brand<string, 'NodeRef'>;

const ENTITY = 'entity:';
const PARTY = 'party:';

/** The node of a listed entity. */
export function entityNode(id: EntityId): NodeRef {
  return `${ENTITY}${id}` as NodeRef;
}

/** The node of a party; external registries use a namespaced id, e.g. `lei:529900…`, `gb_coh:08209948`. */
export function partyNode(partyId: string): NodeRef {
  const id = partyId.trim();
  if (id === '' || id.length > 300 || /[\r\n]/.test(id)) {
    throw new AppError('invalid_input', `party id "${partyId}" is empty, too long or spans lines`, {
      hint: 'a party id is the party_id of your book, e.g. party:C-1042',
    });
  }
  return `${PARTY}${id}` as NodeRef;
}

/** Parses an endpoint as written in a relations file: `entity:<entityId>`, `party:<id>`, or a bare party id. */
export function nodeRef(text: string): NodeRef {
  const value = text.trim();
  if (value.startsWith(ENTITY)) {
    const { listId, sourceId } = parseEntityId(value.slice(ENTITY.length));
    return `${ENTITY}${listId}:${sourceId}` as NodeRef;
  }
  return partyNode(value.startsWith(PARTY) ? value.slice(PARTY.length) : value);
}

/** The entity id of an `entity:` node, else undefined. */
export function entityIdOf(ref: NodeRef): EntityId | undefined {
  return ref.startsWith(ENTITY) ? (ref.slice(ENTITY.length) as EntityId) : undefined;
}

/**
 * What an edge says. Only `ownership` carries an equity share the rules add up; `control` (board control,
 * voting rights, accounting consolidation) counts as the rule's data says; `director` and `other` (fund
 * manager, "Linked To") are kept for display and never make anyone restricted.
 */
export type EdgeKind = 'ownership' | 'control' | 'director' | 'other';
export const EDGE_KINDS: readonly EdgeKind[] = ['ownership', 'control', 'director', 'other'];

/** One relation owner → owned, as read from a list or a relations file. */
export interface RelationEdge {
  owner: NodeRef;
  owned: NodeRef;
  kind: EdgeKind;
  /** Equity share of `owner` in `owned`; for control edges, the voting-rights band where the source gives one. */
  share: ShareRange;
  /** Where the fact comes from, e.g. `us_ofac_cons`, `gleif-rr`, `uk-psc`, `csv:relations.csv`. */
  source: string;
  /** The date the source states the fact (list or file date). Newer facts win over older ones for a pair. */
  asOf?: IsoDate;
  /** The relation holds from this date (inclusive)… */
  validFrom?: IsoDate;
  /** …until this date (exclusive): a PSC's `ceased_on`, a GLEIF period end. */
  validTo?: IsoDate;
  /** Display names the source gives for the endpoints (PSC and GLEIF records name the owner). */
  ownerName?: string;
  ownedName?: string;
  /** The source's words, e.g. "Owned or Controlled By", "ownership-of-shares-25-to-50-percent". */
  note?: string;
}

/** How sure we are that a node is the listed party: a party matched to a listed entity may be only a candidate. */
export type Certainty = 'confirmed' | 'potential';

/** One listing of a node: which list (and sub-list, programs) names it, and when. */
export interface ListingFact {
  listId: ListId;
  /** CSL sub-list (`EL`, `MEU`, `SDN`, `CMIC`, …) or the list's own sub-list. */
  subList?: string;
  programs: readonly string[];
  /** Listing in force from (inclusive) / until (exclusive); partial dates allowed. */
  start?: IsoDate;
  end?: IsoDate;
  certainty: Certainty;
  /** The listed entity this fact comes from (for a party matched to it, the matched entity). */
  entityId?: EntityId;
  /** Display name of the listed entity. */
  name?: string;
  /** BIS licence requirement / review policy of an Entity List or MEU entry (the Affiliates rule inherits it). */
  licenseRequirement?: string;
  licensePolicy?: string;
}
