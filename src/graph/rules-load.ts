// Reads and validates the ownership rules file once (YAML or JSON, snake_case keys) into a frozen RuleSet.
// This is the edge of the graph module: the schema library stays here, the engine sees plain values.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { isIsoDate, type IsoDate, type ListId } from '../domain/ids.ts';
import type { ListingSelector, OwnershipRule, RuleSet, RuleWindow } from './rules.ts';
import { exclusiveEndDay, startDay } from './dates.ts';

/** The rules file shipped with Embargo. */
export const DEFAULT_RULES_PATH = new URL('../../data/rules/ownership-rules.yml', import.meta.url);
/** The rules-file format this code reads. */
export const RULES_FORMAT_VERSION = 1;

const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), 'must be a date YYYY-MM-DD');

const selector = z.strictObject({
  list_id: z.string().regex(/^[a-z]{2,3}_[a-z0-9]+(_[a-z0-9]+)*$/, 'must be a list id such as us_ofac_sdn'),
  sub_list: z.string().min(1).optional(),
  programs: z.array(z.string().min(1)).min(1).optional(),
  except_sub_lists: z.array(z.string().min(1)).min(1).optional(),
  note: z.string().optional(),
  citation: z.string().optional(),
});

const window = z.strictObject({
  from: date,
  to: date.optional(),
  in_force: z.boolean(),
  citation: z.string().min(1),
});

const rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'must be snake_case'),
  name: z.string().min(1),
  authority: z.string().min(1),
  jurisdiction: z.string().min(2),
  restricted_label: z.string().min(1),
  citations: z.array(z.string().min(1)).min(1),
  windows: z.array(window).min(1),
  threshold: z.number().gt(0).lte(1),
  comparison: z.enum(['gte', 'gt']),
  aggregation: z.enum(['sum', 'individual']),
  control: z.enum(['restricted', 'review', 'ignore']),
  indirect: z.boolean(),
  inherit_licence: z.boolean().default(false),
  unknown_share: z.strictObject({ note: z.string().min(1), citation: z.string().optional() }),
  restricted_owners: z.array(selector).min(1),
  not_applicable: z.array(selector).default([]),
});

const file = z.strictObject({ version: z.literal(RULES_FORMAT_VERSION), rules: z.array(rule).min(1) });

type RawSelector = z.infer<typeof selector>;
type RawRule = z.infer<typeof rule>;

function toSelector(s: RawSelector): ListingSelector {
  const out: ListingSelector = { listId: s.list_id as ListId };
  if (s.sub_list !== undefined) out.subList = s.sub_list;
  if (s.programs !== undefined) out.programs = Object.freeze([...s.programs]);
  if (s.except_sub_lists !== undefined) out.exceptSubLists = Object.freeze([...s.except_sub_lists]);
  if (s.note !== undefined) out.note = s.note;
  if (s.citation !== undefined) out.citation = s.citation;
  return Object.freeze(out);
}

function toWindow(w: z.infer<typeof window>): RuleWindow {
  const out: RuleWindow = { from: w.from as IsoDate, inForce: w.in_force, citation: w.citation };
  if (w.to !== undefined) out.to = w.to as IsoDate;
  return Object.freeze(out);
}

/** Windows must be non-empty and must not overlap, so that a date picks at most one. */
function checkWindows(r: RawRule, where: string): void {
  const spans = r.windows
    .map((w) => ({ from: startDay(w.from), to: w.to === undefined ? Infinity : exclusiveEndDay(w.to), w }))
    .sort((a, b) => a.from - b.from);
  spans.forEach((s, i) => {
    if (s.to <= s.from) throw invalid(where, `rule ${r.id}: window ${s.w.from}–${s.w.to} is empty`);
    const next = spans[i + 1];
    if (next !== undefined && next.from < s.to) {
      throw invalid(where, `rule ${r.id}: windows from ${s.w.from} and from ${next.w.from} overlap`);
    }
  });
}

function toRule(r: RawRule, where: string): OwnershipRule {
  checkWindows(r, where);
  return Object.freeze({
    id: r.id,
    name: r.name,
    authority: r.authority,
    jurisdiction: r.jurisdiction,
    restrictedLabel: r.restricted_label,
    citations: Object.freeze([...r.citations]),
    windows: Object.freeze(r.windows.map(toWindow)),
    threshold: r.threshold,
    comparison: r.comparison,
    aggregation: r.aggregation,
    control: r.control,
    indirect: r.indirect,
    unknownShare: Object.freeze({ ...r.unknown_share }),
    restrictedOwners: Object.freeze(r.restricted_owners.map(toSelector)),
    notApplicable: Object.freeze(r.not_applicable.map(toSelector)),
    inheritLicence: r.inherit_licence,
  } as OwnershipRule);
}

function invalid(where: string, message: string): AppError {
  return new AppError('invalid_input', `ownership rules ${where}: ${message}`, {
    where,
    hint: 'fix the rules file (see docs/design/ownership.md, "Rules as data")',
  });
}

/** Parses rules-file text (YAML or JSON); throws AppError('invalid_input') naming the first bad field. */
export function parseRuleSet(text: string, where = 'rules file'): RuleSet {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw invalid(where, `not YAML/JSON (${(error as Error).message})`);
  }
  const parsed = file.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(where, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const r of parsed.data.rules) {
    if (ids.has(r.id)) throw invalid(where, `rule id ${r.id} appears twice`);
    ids.add(r.id);
  }
  return Object.freeze({
    version: parsed.data.version,
    rules: Object.freeze(parsed.data.rules.map((r) => toRule(r, where))),
  });
}

/** Reads and validates a rules file (default: the bundled data/rules/ownership-rules.yml). */
export function loadRuleSet(path: string | URL = DEFAULT_RULES_PATH): RuleSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ownership rules ${String(path)}`, {
      where: String(path),
      hint: 'check the path of the rules file',
      cause: error,
    });
  }
  return parseRuleSet(text, String(path));
}
