// `embargo ownership <entity-or-party-id>` and GET /v1/ownership/{id} (issue 6 item 5): the findings of one
// listed entity or party on a date, under every rule in force, with the owners that count and every path.
import { AppError } from '../domain/errors.ts';
import { parseEntityId, type EntityId } from '../domain/ids.ts';
import {
  entityNode,
  nodeRef,
  ownershipReport,
  type NodeRef,
  type OwnershipReport,
  type RuleSet,
} from '../graph/index.ts';
import type { BookStore, Store } from '../store/index.ts';
import type { Baseline } from './baseline.ts';
import type { ListContext } from './list-context.ts';
import { subgraphOf, subgraphParts } from './subgraph.ts';
import type { PartyMatch } from './types.ts';

export interface OwnershipView {
  subject: NodeRef;
  kind: 'party' | 'entity';
  name?: string;
  /** For a party: its name matches as of the latest book screening. */
  matches: PartyMatch[];
  report: OwnershipReport;
}

export interface OwnershipDeps {
  store: Store;
  book: BookStore;
  rules: RuleSet;
  baseline: Baseline;
  context: ListContext;
}

function isEntityId(text: string): boolean {
  try {
    parseEntityId(text);
    return true;
  } catch {
    return false;
  }
}

/** `entity:<id>` / `party:<id>` as written; a bare id is a party of the book if there is one, else a listed entity. */
export async function resolveSubject(
  deps: Pick<OwnershipDeps, 'store' | 'book'>,
  text: string,
): Promise<{ ref: NodeRef; kind: 'party' | 'entity'; name?: string }> {
  const id = text.trim();
  const explicit = id.startsWith('entity:') || id.startsWith('party:');
  const ref = explicit ? nodeRef(id) : undefined;
  const partyId = ref === undefined ? id : ref.startsWith('party:') ? ref.slice('party:'.length) : undefined;
  if (partyId !== undefined) {
    const party = await deps.book.party(partyId);
    if (party !== undefined) return { ref: nodeRef(`party:${partyId}`), kind: 'party', name: party.name };
    if (explicit) return { ref: ref!, kind: 'party' };
  }
  const entityId = ref !== undefined ? ref.slice('entity:'.length) : id;
  if (isEntityId(entityId)) {
    const entity = await deps.store.entity(entityId as EntityId);
    if (entity !== undefined)
      return { ref: entityNode(entity.id), kind: 'entity', name: entity.names[0]?.value ?? entity.id };
  }
  throw new AppError('not_found', `no party or listed entity "${id}"`, {
    hint: 'give a party_id of the book (see `embargo parties import`), or a listed entity id such as us_ofac_sdn:27063 (or entity:<id>, party:<id>)',
  });
}

/** The ownership findings of one subject on a date. */
export async function ownershipOf(deps: OwnershipDeps, text: string, date: string): Promise<OwnershipView> {
  const subject = await resolveSubject(deps, text);
  // The subject's owners, up to the top of every chain: all that can change its status.
  const src = { book: deps.book, context: deps.context, baseline: deps.baseline };
  const graph = await subgraphOf(src, await subgraphParts(src, [subject.ref], { down: false }));
  const report = ownershipReport(graph, deps.rules, subject.ref, date);
  const matches =
    subject.kind === 'party' ? (deps.baseline.matches.get(subject.ref.slice('party:'.length)) ?? []) : [];
  return {
    subject: subject.ref,
    kind: subject.kind,
    ...(subject.name === undefined ? {} : { name: subject.name }),
    matches,
    report,
  };
}
