// Ownership rules as values (loaded from data/rules/ownership-rules.yml by rules-load.ts): which listings make
// an owner restricted, the threshold and how shares combine, what control and unknown shares mean, and the dated
// windows in which each rule is in force.
import type { IsoDate, ListId } from '../domain/ids.ts';
import { exclusiveEndDay, screeningDay, startDay } from './dates.ts';
import type { ListingFact } from './types.ts';

/** `gte`: "50 % or more" (OFAC, BIS). `gt`: "more than 50 %" (EU, UK). */
export type Comparison = 'gte' | 'gt';
/** `sum`: holdings of several restricted owners add up. `individual`: only a single owner's holding counts;
 *  an aggregate that meets the threshold only together gives review (EU/UK case-by-case assessment). */
export type Aggregation = 'sum' | 'individual';
/** What a control edge from a restricted owner makes of the controlled node. */
export type ControlPolicy = 'restricted' | 'review' | 'ignore';

/** Matches a listing fact: same list, same sub-list if given, and any of the programs if given. */
export interface ListingSelector {
  listId: ListId;
  subList?: string;
  programs?: readonly string[];
  /** Sub-lists the selector does not match (e.g. SDN entries that share a program with SSI entries). */
  exceptSubLists?: readonly string[];
  note?: string;
  citation?: string;
}

/** [from, to): the rule is in force (or, with inForce false, suspended) on these days. */
export interface RuleWindow {
  from: IsoDate;
  to?: IsoDate;
  inForce: boolean;
  citation: string;
}

export interface OwnershipRule {
  id: string;
  name: string;
  authority: string;
  jurisdiction: string;
  /** What "restricted" means under this rule, in the rule's own words ("blocked"). */
  restrictedLabel: string;
  citations: readonly string[];
  windows: readonly RuleWindow[];
  /** Fraction in (0, 1]. */
  threshold: number;
  comparison: Comparison;
  aggregation: Aggregation;
  control: ControlPolicy;
  /** Restricted-through-ownership nodes count as restricted owners in turn (OFAC FAQ 401). */
  indirect: boolean;
  unknownShare: { note: string; citation?: string };
  restrictedOwners: readonly ListingSelector[];
  notApplicable: readonly ListingSelector[];
  /** The affiliate takes the licence requirements of its restricted owners (BIS Affiliates rule). */
  inheritLicence: boolean;
}

export interface RuleSet {
  version: number;
  rules: readonly OwnershipRule[];
}

export type RuleApplicability =
  { inForce: true; window: RuleWindow } | { inForce: false; window?: RuleWindow; reason: string };

/** Whether a rule applies on a screening date (YYYY-MM-DD), with the window and its citation. */
export function ruleOn(rule: OwnershipRule, date: string): RuleApplicability {
  const day = screeningDay(date);
  const window = rule.windows.find(
    (w) => startDay(w.from) <= day && (w.to === undefined || day < exclusiveEndDay(w.to)),
  );
  if (window === undefined) {
    return { inForce: false, reason: `${rule.name} is not in force on ${date}` };
  }
  if (!window.inForce)
    return { inForce: false, window, reason: `${rule.name} is suspended on ${date}: ${window.citation}` };
  return { inForce: true, window };
}

/** True when the selector names this listing. */
export function selectorMatches(selector: ListingSelector, fact: ListingFact): boolean {
  if (selector.listId !== fact.listId) return false;
  if (selector.subList !== undefined && selector.subList !== fact.subList) return false;
  if (selector.programs !== undefined && !selector.programs.some((p) => fact.programs.includes(p)))
    return false;
  if (
    selector.exceptSubLists !== undefined &&
    fact.subList !== undefined &&
    selector.exceptSubLists.includes(fact.subList)
  )
    return false;
  return true;
}

/** True when the listing is in force on `day` (start inclusive, end exclusive; partial dates widened). */
export function listingActive(fact: ListingFact, day: number): boolean {
  if (fact.start !== undefined && day < startDay(fact.start)) return false;
  if (fact.end !== undefined && day >= exclusiveEndDay(fact.end)) return false;
  return true;
}

/** The listings of a node that make it a restricted owner under `rule` on `day` (confirmed ones first). */
export function restrictingListings(
  rule: OwnershipRule,
  facts: readonly ListingFact[],
  day: number,
): ListingFact[] {
  return facts
    .filter((f) => listingActive(f, day) && rule.restrictedOwners.some((s) => selectorMatches(s, f)))
    .sort((a, b) => (a.certainty === b.certainty ? 0 : a.certainty === 'confirmed' ? -1 : 1));
}

/** The `not_applicable` selectors that name one of these listings (for an explanatory note). */
export function inapplicableListings(
  rule: OwnershipRule,
  facts: readonly ListingFact[],
  day: number,
): { fact: ListingFact; selector: ListingSelector }[] {
  const out: { fact: ListingFact; selector: ListingSelector }[] = [];
  for (const fact of facts) {
    if (!listingActive(fact, day)) continue;
    const selector = rule.notApplicable.find((s) => selectorMatches(s, fact));
    if (selector !== undefined) out.push({ fact, selector });
  }
  return out;
}

/** The threshold in ppm and the comparison, as one predicate over a ppm sum. */
export function meetsThreshold(rule: OwnershipRule, ppm: number): boolean {
  const t = Math.round(rule.threshold * 1_000_000);
  return rule.comparison === 'gte' ? ppm >= t : ppm > t;
}

/** "≥ 50 %" / "> 50 %". */
export function thresholdText(rule: OwnershipRule): string {
  return `${rule.comparison === 'gte' ? '≥' : '>'} ${Number((rule.threshold * 100).toFixed(4))} %`;
}
