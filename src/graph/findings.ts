// Findings for one node and one date: per rule in force, restricted / review / clear, the owners that count,
// every path with each hop's share, the aggregate range, and the reasons in plain words.
import { AppError } from '../domain/errors.ts';
import type { OwnershipGraph } from './graph.ts';
import { CLEAR, RESTRICTED, REVIEW, evaluateRule, type RuleState } from './propagate.ts';
import { ancestorGraph } from './subgraph.ts';
import { countingSeeds, findPaths, seedListing, type OwnershipPath, type PathOptions } from './paths.ts';
import { ruleOn, thresholdText, type OwnershipRule, type RuleSet } from './rules.ts';
import { formatAggregate } from './share.ts';
import type { ListingFact, NodeRef } from './types.ts';
import { explain, ownersThatCount, type CountingOwner } from './explain.ts';

export type { CountingOwner } from './explain.ts';

export type FindingStatus = 'restricted' | 'review' | 'clear';

/** A licence requirement inherited from a listed owner (BIS Affiliates rule). */
export interface InheritedLicence {
  owner: NodeRef;
  ownerName?: string;
  requirement?: string;
  policy?: string;
}

export interface RuleFinding {
  ruleId: string;
  ruleName: string;
  authority: string;
  status: FindingStatus;
  /** listed: the subject itself is a restricted owner; ownership/control: through its owners. */
  basis: 'listed' | 'ownership' | 'control' | 'none';
  /** What "restricted" means under this rule ("blocked", …). */
  restrictedLabel: string;
  /** "≥ 50 %" / "> 50 %". */
  threshold: string;
  /** Share held by restricted owners [lo] up to the share held by restricted-or-review owners [hi], capped at 1. */
  aggregate: { lo: number; hi: number; text: string };
  owners: CountingOwner[];
  paths: OwnershipPath[];
  pathsTruncated: boolean;
  /** Why, in plain words (one line each). */
  reasons: string[];
  /** Context that does not change the status (e.g. an owner on a list the rule does not extend to). */
  notes: string[];
  licences: InheritedLicence[];
  citations: string[];
}

export interface OwnershipReport {
  subject: NodeRef;
  name?: string;
  date: string;
  /** The subject's own listings. */
  listings: readonly ListingFact[];
  findings: RuleFinding[];
  /** Rules that do not apply on this date (suspended or not yet in force), with the reason and citation. */
  notInForce: { ruleId: string; ruleName: string; reason: string }[];
}

export interface ReportOptions extends PathOptions {
  /** Whole-graph states already computed for this date (book screening), keyed by rule id. */
  states?: ReadonlyMap<string, RuleState>;
}

const STATUS_NAME: Record<number, FindingStatus> = {
  [CLEAR]: 'clear',
  [REVIEW]: 'review',
  [RESTRICTED]: 'restricted',
};

function aggregateOf(state: RuleState, v: number): RuleFinding['aggregate'] {
  const lo = Math.min(state.sumLo[v]! / 1e6, 1);
  const hi = Math.min(state.sumHi[v]! / 1e6, 1);
  return { lo, hi, text: formatAggregate(lo, hi) };
}

function basisOf(state: RuleState, v: number, status: number): RuleFinding['basis'] {
  if (status === CLEAR) return 'none';
  if (state.seed[v]! >= status) return 'listed';
  const a = state.rule.aggregation === 'sum' ? state.sumLo[v]! : state.maxLo[v]!;
  const owned = status === RESTRICTED ? a > 0 : state.sumHi[v]! > 0;
  return owned ? 'ownership' : 'control';
}

function licencesOf(state: RuleState, v: number, status: number): InheritedLicence[] {
  if (!state.rule.inheritLicence || status === CLEAR) return [];
  const seeds = state.seed[v]! > 0 ? [v] : countingSeeds(state, v, status);
  return seeds.flatMap((s) => {
    const listing = seedListing(state, s);
    if (listing === undefined) return [];
    const out: InheritedLicence = { owner: state.graph.refOf(s) };
    const name = state.graph.labelOf(s) ?? listing.name;
    if (name !== undefined) out.ownerName = name;
    if (listing.licenseRequirement !== undefined) out.requirement = listing.licenseRequirement;
    if (listing.licensePolicy !== undefined) out.policy = listing.licensePolicy;
    return [out];
  });
}

/** The finding of one evaluated rule for one node. */
export function ruleFinding(state: RuleState, subject: number, options: PathOptions = {}): RuleFinding {
  const status = state.status[subject]!;
  const { rule } = state;
  const { paths, truncated } =
    status === CLEAR || state.seed[subject]! >= status
      ? { paths: [], truncated: false }
      : findPaths(state, subject, status, options);
  const { reasons, notes } = explain(state, subject);
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    authority: rule.authority,
    status: STATUS_NAME[status]!,
    basis: basisOf(state, subject, status),
    restrictedLabel: rule.restrictedLabel,
    threshold: thresholdText(rule),
    aggregate: aggregateOf(state, subject),
    owners: ownersThatCount(state, subject),
    paths,
    pathsTruncated: truncated,
    reasons,
    notes,
    licences: licencesOf(state, subject, status),
    citations: [...rule.citations],
  };
}

/**
 * The ownership report of one node on one date under every rule of the set. Rules not in force that day are
 * listed with their reason. Without precomputed whole-graph states, each rule is evaluated on the node's
 * ancestor graph only. A node the graph does not know has no owners: every rule in force reports clear.
 */
export function ownershipReport(
  graph: OwnershipGraph,
  rules: RuleSet,
  subject: NodeRef,
  date: string,
  options: ReportOptions = {},
): OwnershipReport {
  const report: OwnershipReport = { subject, date, listings: [], findings: [], notInForce: [] };
  const id = graph.idOf(subject);
  if (id !== undefined) {
    report.listings = graph.listingsOf(id);
    const name = graph.labelOf(id);
    if (name !== undefined) report.name = name;
  }
  let local: OwnershipGraph | undefined;
  for (const rule of rules.rules) {
    const on = ruleOn(rule, date);
    if (!on.inForce) {
      report.notInForce.push({ ruleId: rule.id, ruleName: rule.name, reason: on.reason });
      continue;
    }
    if (id === undefined) {
      report.findings.push(emptyFinding(rule, on.window.citation));
      continue;
    }
    const whole = options.states?.get(rule.id);
    if (whole !== undefined && (whole.date !== date || whole.graph !== graph)) {
      throw new AppError('invalid_input', `the state given for ${rule.id} is for another date or graph`);
    }
    // In the ancestor graph the subject is node 0.
    local ??= whole === undefined ? ancestorGraph(graph, id) : undefined;
    const finding =
      whole !== undefined
        ? ruleFinding(whole, id, options)
        : ruleFinding(evaluateRule(local!, rule, date), 0, options);
    finding.citations.push(on.window.citation);
    report.findings.push(finding);
  }
  return report;
}

function emptyFinding(rule: OwnershipRule, windowCitation: string): RuleFinding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    authority: rule.authority,
    status: 'clear',
    basis: 'none',
    restrictedLabel: rule.restrictedLabel,
    threshold: thresholdText(rule),
    aggregate: { lo: 0, hi: 0, text: formatAggregate(0, 0) },
    owners: [],
    paths: [],
    pathsTruncated: false,
    reasons: ['no known owners or listings'],
    notes: [],
    licences: [],
    citations: [...rule.citations, windowCitation],
  };
}
