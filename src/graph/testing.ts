// Small builders for tests, examples and benchmarks: graphs written as short tuples.
import { listId } from '../domain/ids.ts';
import { GraphBuilder, type OwnershipGraph } from './graph.ts';
import { parsePercent } from './share.ts';
import { nodeRef, type Certainty, type EdgeKind, type ListingFact, type RelationEdge } from './types.ts';

/** [owner, owned, percent text ("60", "25-50", "" = unknown), kind (default ownership)]. */
export type EdgeSpec = readonly [owner: string, owned: string, percent: string, kind?: EdgeKind];

export interface ListingSpec {
  node: string;
  listId: string;
  subList?: string;
  programs?: string[];
  certainty?: Certainty;
  start?: string;
  end?: string;
  name?: string;
  licenseRequirement?: string;
}

/** One edge from a spec tuple; throws on a bad percent (tests write valid ones). */
export function edgeOf([owner, owned, percent, kind]: EdgeSpec, source = 'test'): RelationEdge {
  const parsed = parsePercent(percent);
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    owner: nodeRef(owner),
    owned: nodeRef(owned),
    kind: kind ?? 'ownership',
    share: parsed.share,
    source,
  };
}

/** A listing fact from a spec. */
export function factOf(spec: ListingSpec): ListingFact {
  const fact: ListingFact = {
    listId: listId(spec.listId),
    programs: spec.programs ?? [],
    certainty: spec.certainty ?? 'confirmed',
    name: spec.name ?? spec.node,
  };
  if (spec.subList !== undefined) fact.subList = spec.subList;
  if (spec.start !== undefined) fact.start = spec.start as ListingFact['start'] & string;
  if (spec.end !== undefined) fact.end = spec.end as ListingFact['end'] & string;
  if (spec.licenseRequirement !== undefined) fact.licenseRequirement = spec.licenseRequirement;
  return fact;
}

/** A graph from edge tuples and listings. */
export function graphOf(edges: readonly EdgeSpec[], listings: readonly ListingSpec[] = []): OwnershipGraph {
  const b = new GraphBuilder();
  for (const l of listings) b.addListing(nodeRef(l.node), factOf(l));
  for (const e of edges) b.addEdge(edgeOf(e));
  return b.build();
}
