// Which parties' ownership findings a change can move, and the part of the graph that decides them — so that a delta
// run evaluates the rules over a few thousand nodes instead of the whole book.
//
// A node's status under a rule depends only on its ancestors (holdings flow from owner to owned). So:
//   seeds     nodes whose own listing facts changed: listed entities added, changed or removed; parties whose
//             matches changed (re-screened, decided) or whose data changed; both ends of list-stated relations that
//             appeared or disappeared;
//   affected  the seeds and everything below them through ownership and control edges (book relations, relations
//             the lists state, and a matched entity → its parties);
//   local     the affected nodes and all their ancestors, with the edges among them.
// Evaluating the rules on the local graph gives every affected party exactly the status the whole graph gives it;
// the other parties cannot have moved. (The oracle test checks this against full evaluations.)
import type { Entity } from '../domain/entity.ts';
import { type ListContext, listContextOf, type PartyMatch } from '../book/index.ts';
import type { RelationEdge } from '../graph/index.ts';
import type { BookStore } from '../store/index.ts';
import type { ListChange } from './list-changes.ts';

/** Edge kinds that pass a status on (graph-build.ts); director and other links never do. */
const CARRIES_STATUS: ReadonlySet<string> = new Set(['ownership', 'control']);

const edgeKey = (e: RelationEdge): string => `${e.owner}>${e.owned}>${e.kind}>${e.source}`;

/** Both ends of the list-stated relations that differ between the lists before and after the changes. */
export function claimSeeds(context: ListContext, changes: readonly ListChange[]): Set<string> {
  const changedLists = new Set(changes.map((c) => c.listId));
  const before: Entity[] = [
    ...context.entities.filter((e) => !changedLists.has(e.listId)),
    ...changes.flatMap((c) => c.before),
  ];
  const old = new Map(listContextOf([], before).claimEdges.map((e) => [edgeKey(e), e]));
  const now = new Map(context.claimEdges.map((e) => [edgeKey(e), e]));
  const out = new Set<string>();
  for (const [k, e] of now) if (!old.has(k)) out.add(e.owner).add(e.owned);
  for (const [k, e] of old) if (!now.has(k)) out.add(e.owner).add(e.owned);
  return out;
}

export interface ScopeInput {
  book: BookStore;
  context: ListContext;
  /** Effective matches of every party (the graph's party listing facts). */
  matches: ReadonlyMap<string, readonly PartyMatch[]>;
  seeds: ReadonlySet<string>;
}

export interface OwnershipScope {
  /** Party ids whose findings may have moved. */
  parties: Set<string>;
  /** Book relations among the affected nodes and their ancestors. */
  relations: RelationEdge[];
}

/** Book relations per node, read once each. */
class RelationReader {
  readonly #book: BookStore;
  readonly #cache = new Map<string, RelationEdge[]>();
  constructor(book: BookStore) {
    this.#book = book;
  }
  async of(node: string): Promise<RelationEdge[]> {
    let edges = this.#cache.get(node);
    if (edges === undefined) {
      // Only book nodes have book relations; listed entities may too (a relations file can name them).
      edges = await this.#book.relationsOf(node);
      this.#cache.set(node, edges);
    }
    return edges;
  }
  all(): RelationEdge[] {
    const seen = new Map<string, RelationEdge>();
    for (const edges of this.#cache.values()) for (const e of edges) seen.set(edgeKey(e), e);
    return [...seen.values()];
  }
}

function index(edges: readonly RelationEdge[], by: 'owner' | 'owned'): Map<string, RelationEdge[]> {
  const out = new Map<string, RelationEdge[]>();
  for (const e of edges) out.set(e[by], [...(out.get(e[by]) ?? []), e]);
  return out;
}

/**
 * Walks from `start` with `next` until no new node turns up, a frontier at a time: the reads of one frontier go
 * out together (PostgreSQL answers them on several pooled connections at once).
 */
async function closure(
  start: Iterable<string>,
  next: (node: string) => Promise<string[]>,
): Promise<Set<string>> {
  const seen = new Set(start);
  let frontier = [...seen];
  while (frontier.length > 0) {
    const found = await Promise.all(frontier.map(next));
    frontier = [];
    for (const nodes of found) {
      for (const n of nodes) {
        if (seen.has(n)) continue;
        seen.add(n);
        frontier.push(n);
      }
    }
  }
  return seen;
}

export async function ownershipScope(input: ScopeInput): Promise<OwnershipScope> {
  const reader = new RelationReader(input.book);
  const claimsByOwner = index(input.context.claimEdges, 'owner');
  const claimsByOwned = index(input.context.claimEdges, 'owned');
  const partiesOf = new Map<string, string[]>();
  for (const [partyId, ms] of input.matches)
    for (const m of ms)
      partiesOf.set(`entity:${m.entityId}`, [
        ...(partiesOf.get(`entity:${m.entityId}`) ?? []),
        `party:${partyId}`,
      ]);
  const down = async (node: string): Promise<string[]> => [
    ...(await reader.of(node))
      .filter((e) => e.owner === node && CARRIES_STATUS.has(e.kind))
      .map((e) => e.owned as string),
    ...(claimsByOwner.get(node) ?? [])
      .filter((e) => CARRIES_STATUS.has(e.kind))
      .map((e) => e.owned as string),
    ...(partiesOf.get(node) ?? []),
  ];
  const affected = await closure(input.seeds, down);
  const up = async (node: string): Promise<string[]> => [
    ...(await reader.of(node)).filter((e) => e.owned === node).map((e) => e.owner as string),
    ...(claimsByOwned.get(node) ?? []).map((e) => e.owner as string),
    // A matched party stands for its entity, whose owners pass their status on through it.
    ...(node.startsWith('party:')
      ? (input.matches.get(node.slice('party:'.length)) ?? []).map((m) => `entity:${m.entityId}`)
      : []),
  ];
  await closure(affected, up);
  const parties = new Set(
    [...affected].filter((n) => n.startsWith('party:')).map((n) => n.slice('party:'.length)),
  );
  return { parties, relations: reader.all() };
}
