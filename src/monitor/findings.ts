// What the monitor alerts on (issue 8 item 2): a name finding — a party of the book matches a listed entity at or
// above the threshold — or an ownership finding — a party is restricted or needs review under an ownership rule
// through its owners. Each finding has a stable key, so the same finding found again is the same alert.
import type { Entity } from '../domain/entity.ts';
import type { RuleFinding } from '../graph/index.ts';
import type { PartyMatch } from '../book/index.ts';
import type { AlertKind, PartyRecord } from '../store/index.ts';
import { entityMaterial, partyMaterial, type EntityMaterial, type PartyMaterial } from './material.ts';

/** Separates the parts of a key (a party id may hold any printable character; PostgreSQL text cannot hold NUL). */
const SEP = '\u001f';

export function nameKey(partyId: string, entityId: string): string {
  return `name:${partyId}${SEP}${entityId}`;
}

export function ownershipKey(partyId: string, ruleId: string): string {
  return `ownership:${partyId}${SEP}${ruleId}`;
}

export interface Finding {
  key: string;
  kind: AlertKind;
  partyId: string;
  entityId: string | null;
  ruleId: string | null;
  listId: string | null;
  /** Name score; for ownership, 1 for restricted and 0.5 for review. */
  score: number;
  summary: string;
  /** What suppression compares (see material.ts). */
  material: NameMaterial | OwnershipMaterial;
  /** The match or the rule finding, for display. */
  detail: unknown;
}

export interface NameMaterial {
  party: PartyMaterial;
  entity: EntityMaterial;
}

export interface OwnershipMaterial {
  party: PartyMaterial;
  status: string;
  /** The direct owners that count, as `<node> <status>` (`entity:…` / `party:…`), sorted. */
  owners: string[];
}

const pct = (x: number): string => x.toFixed(2);

/** A name finding from the book's match of a party to a listed entity. */
export function nameFinding(party: PartyRecord, match: PartyMatch, entity: Entity | undefined): Finding {
  const material: NameMaterial = {
    party: partyMaterial(party),
    entity:
      entity === undefined
        ? {
            names: [match.listedName],
            identifiers: [],
            birthDates: [],
            countries: [],
            programs: [],
            status: 'current',
          }
        : entityMaterial(entity),
  };
  return {
    key: nameKey(party.partyId, match.entityId),
    kind: 'name',
    partyId: party.partyId,
    entityId: match.entityId,
    ruleId: null,
    listId: match.listId,
    score: match.score,
    summary: `${party.name} ↔ ${match.listedName} (${match.listId}${match.subList === undefined ? '' : `:${match.subList}`}) score ${pct(match.score)}, ${match.certainty}`,
    material,
    detail: match,
  };
}

const byText = <T>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * The finding in a canonical order: owners, paths, licences, reasons and notes sorted, so that the same finding computed over a differently
 * numbered graph (the whole book, or a delta's local graph) is the same JSON and refreshes nothing.
 */
function canonical(f: RuleFinding): RuleFinding {
  return {
    ...f,
    owners: byText(f.owners),
    paths: byText(f.paths),
    licences: byText(f.licences),
    reasons: [...f.reasons].sort(),
    notes: [...f.notes].sort(),
  };
}

/** An ownership finding of a party under one rule (status reached through owners, not by its own listing). */
export function ownershipFinding(party: PartyRecord, found: RuleFinding): Finding {
  const finding = canonical(found);
  const owners = [...new Set(finding.owners.map((o) => `${o.node as string} ${o.status}`))].sort();
  const material: OwnershipMaterial = { party: partyMaterial(party), status: finding.status, owners };
  const via = finding.owners.map((o) => o.name ?? (o.node as string)).slice(0, 3);
  return {
    key: ownershipKey(party.partyId, finding.ruleId),
    kind: 'ownership',
    partyId: party.partyId,
    entityId: null,
    ruleId: finding.ruleId,
    listId: null,
    score: finding.status === 'restricted' ? 1 : 0.5,
    summary: `${party.name}: ${finding.status} under ${finding.ruleName} through ${via.join(', ')}${finding.owners.length > 3 ? ', …' : ''} (${finding.aggregate.text})`,
    material,
    detail: finding,
  };
}
