// Why an alert's finding is gone, in words the analyst can check: the listed record was removed from its list, its
// listing ended, the record or the party changed so that they no longer match, or the owners that made a party
// restricted no longer do.
import { caption, type Entity } from '../domain/entity.ts';
import { diffEntity } from '../ingest/diff.ts';
import type { AlertRecord } from '../store/index.ts';
import type { ListChange } from './list-changes.ts';

export interface ReasonFacts {
  changes: readonly ListChange[];
  changedParties: ReadonlySet<string>;
  /** Current listed entities by id. */
  entities: ReadonlyMap<string, Entity>;
  date: string;
  notInForce: readonly { ruleId: string; reason: string }[];
}

export class CloseReasons {
  readonly #facts: ReasonFacts;
  readonly #removed = new Map<string, ListChange>();
  readonly #changed = new Map<string, { change: ListChange; fields: string[] }>();

  constructor(facts: ReasonFacts) {
    this.#facts = facts;
    for (const c of facts.changes) {
      for (const e of c.removed) this.#removed.set(e.id, c);
      for (const { before, after } of c.changed)
        this.#changed.set(after.id, { change: c, fields: diffEntity(before, after).map((f) => f.field) });
    }
  }

  /** Why a name alert closed. */
  name(a: AlertRecord): string {
    const id = a.entityId ?? '';
    const removed = this.#removed.get(id);
    if (removed !== undefined) return `${id} was removed from ${removed.listId} in version ${removed.to}`;
    const entity = this.#facts.entities.get(id);
    if (entity === undefined) return `${id} is no longer on a loaded list`;
    if (entity.status === 'ended')
      return `the listing of ${caption(entity)} (${id}) has ended${entity.listing.end === undefined ? '' : ` (${entity.listing.end})`}`;
    const changed = this.#changed.get(id);
    const party = this.#facts.changedParties.has(a.partyId);
    if (changed !== undefined)
      return `no longer matches after ${changed.change.listId} version ${changed.change.to} changed the listed record (${changed.fields.join(', ')})${party ? ' and the party changed' : ''}`;
    if (party) return "no longer matches after the party's data changed";
    return 'no longer matches at the threshold';
  }

  /** Why an ownership alert closed. */
  ownership(a: AlertRecord): string {
    const off = this.#facts.notInForce.find((r) => r.ruleId === a.ruleId);
    if (off !== undefined) return `${a.ruleId} is not in force on ${this.#facts.date}: ${off.reason}`;
    return `no longer restricted or under review through ownership under ${a.ruleId ?? 'the rule'} on ${this.#facts.date} (the owners' listings, matches or holdings changed)`;
  }

  of(a: AlertRecord): string {
    return a.kind === 'name' ? this.name(a) : this.ownership(a);
  }
}
