// Ownership findings: the book and the lists as one graph (src/book/graph-build.ts) with the parties' current name
// matches as listing facts — confirmed matches restrict, potential ones give review, cleared ones (false positives)
// are left out — every rule in force on the date evaluated over it (one fixed point per rule), and a finding for
// each party that is restricted or under review through its owners. Over the whole graph, or over the local graph
// of a delta (the parties a change can move and their ancestors, ownership-scope.ts).
import { buildBookGraph, evaluateRules, type ListContext, type PartyMatch } from '../book/index.ts';
import { ownershipReport, partyNode, type RelationEdge, type RuleSet } from '../graph/index.ts';
import type { BookStore } from '../store/index.ts';
import { ownershipFinding, type Finding } from './findings.ts';

export interface OwnershipInput {
  context: ListContext;
  book: BookStore;
  rules: RuleSet;
  date: string;
  /** Effective name matches per party (cleared ones already removed). */
  matches: ReadonlyMap<string, readonly PartyMatch[]>;
  /** Labels of the matched parties (their own names). */
  names: ReadonlyMap<string, string>;
  /** A delta: the book relations of the local graph, and the parties to report on (ownership-scope.ts). */
  scope?: { relations: readonly RelationEdge[]; parties: ReadonlySet<string> };
}

export interface OwnershipResult {
  findings: Finding[];
  /** Rules not in force on the date, with why. */
  notInForce: { ruleId: string; reason: string }[];
  relations: number;
  nodes: number;
}

/** Party ids whose status under some rule comes through their owners (not from their own listing or match). */
function flaggedParties(
  states: ReturnType<typeof evaluateRules>['states'],
  refOf: (v: number) => string,
): Set<string> {
  const out = new Set<string>();
  for (const state of states.values()) {
    state.status.forEach((s, v) => {
      if (s === 0 || state.seed[v]! >= s) return;
      const ref = refOf(v);
      if (ref.startsWith('party:')) out.add(ref.slice('party:'.length));
    });
  }
  return out;
}

/** Relations in one fixed order (the first edge that names a node labels it; see GraphBuilder.node). */
export function sortedRelations(edges: RelationEdge[]): RelationEdge[] {
  const key = (e: RelationEdge): string => `${e.owner}\u001f${e.owned}\u001f${e.kind}\u001f${e.source}`;
  return edges
    .map((e) => [key(e), e] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, e]) => e);
}

async function allRelations(book: BookStore): Promise<RelationEdge[]> {
  const out: RelationEdge[] = [];
  for await (const e of book.relations()) out.push(e);
  return out;
}

export async function ownershipFindings(input: OwnershipInput): Promise<OwnershipResult> {
  const { graph, relationCount } = await buildBookGraph({
    context: input.context,
    relations: sortedRelations(
      input.scope === undefined ? await allRelations(input.book) : [...input.scope.relations],
    ),
    partyMatches: input.matches as ReadonlyMap<string, readonly PartyMatch[]>,
    partyNames: input.names,
  });
  const ev = evaluateRules(graph, input.rules, input.date);
  const findings: Finding[] = [];
  const only = input.scope?.parties;
  for (const partyId of [...flaggedParties(ev.states, (v) => graph.refOf(v))].sort()) {
    if (only !== undefined && !only.has(partyId)) continue;
    // A registry node of a relations file (`party:lei:…`) that is no party of the book gets no alert.
    const party = await input.book.party(partyId);
    if (party === undefined) continue;
    const report = ownershipReport(graph, input.rules, partyNode(partyId), input.date, { states: ev.states });
    for (const f of report.findings)
      if (f.status !== 'clear' && f.basis !== 'listed') findings.push(ownershipFinding(party, f));
  }
  return {
    findings,
    notInForce: ev.notInForce.map((r) => ({ ruleId: r.ruleId, reason: r.reason })),
    relations: relationCount,
    nodes: graph.nodeCount,
  };
}
