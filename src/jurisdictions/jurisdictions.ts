// Jurisdiction findings: does a party's country or address lie in an embargoed country or region?
// The table is data (data/jurisdictions/embargoed.json, one citation per legal basis), read and checked once.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';

export type JurisdictionLevel = 'comprehensive_embargo' | 'export_license_required' | 'regional_restrictions';

const Citation = z.object({ authority: z.string().min(1), citation: z.string().min(1), url: z.string().url().optional() });

const Jurisdiction = z.object({
  code: z.string().regex(/^[a-z]{2}(-[a-z0-9]{1,12})?$/, 'lower-case ISO 3166-1 alpha-2, optionally with a -region suffix'),
  name: z.string().min(1),
  level: z.enum(['comprehensive_embargo', 'export_license_required', 'regional_restrictions']),
  countries: z.array(z.string().regex(/^[a-z]{2}(-[a-z0-9]{1,12})?$/)),
  address_terms: z.array(z.string().min(2)),
  citations: z.array(Citation).min(1, 'every entry needs at least one citation'),
  comment: z.string().optional(),
});

const Table = z.object({ format: z.literal('embargo-jurisdictions-v1'), as_of: z.string(), note: z.string().optional(), jurisdictions: z.array(Jurisdiction) });

export type JurisdictionEntry = z.infer<typeof Jurisdiction>;
export type JurisdictionCitation = z.infer<typeof Citation>;

/** A loaded table, with address terms prepared for whole-word matching. */
export interface JurisdictionTable {
  asOf: string;
  entries: readonly JurisdictionEntry[];
  terms: readonly { entry: JurisdictionEntry; term: string; padded: string }[];
}

/** What a screening reports. */
export interface JurisdictionFinding {
  code: string;
  name: string;
  level: JurisdictionLevel;
  matched_on: 'country' | 'address';
  /** The country code given, or the address words that matched. */
  value: string;
  citations: JurisdictionCitation[];
}

/** Lower case, accents and apostrophes dropped, anything but letters and digits as single spaces. */
export function normaliseAddress(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Builds a table from parsed JSON; a malformed file is reported with the field at fault. */
export function jurisdictionTable(json: unknown, where: string): JurisdictionTable {
  const parsed = Table.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('unusable_file', `${where}: ${issue.path.join('.')}: ${issue.message}`, {
      where,
      hint: 'fix the jurisdictions file (format embargo-jurisdictions-v1, see docs/design/api.md) or point EMBARGO_JURISDICTIONS at another one',
    });
  }
  const entries = parsed.data.jurisdictions;
  const terms = entries.flatMap((entry) =>
    entry.address_terms.map((t) => normaliseAddress(t)).filter((t) => t !== '').map((term) => ({ entry, term, padded: ` ${term} ` })),
  );
  return { asOf: parsed.data.as_of, entries, terms };
}

/** Reads the table at `path`. */
export function loadJurisdictions(path: string): JurisdictionTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('unusable_file', `cannot read the jurisdictions file ${path}`, { where: path, hint: 'check EMBARGO_JURISDICTIONS', cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('unusable_file', `${path} is not JSON`, { where: path, hint: (error as Error).message });
  }
  return jurisdictionTable(json, path);
}

function finding(entry: JurisdictionEntry, matchedOn: 'country' | 'address', value: string): JurisdictionFinding {
  return { code: entry.code, name: entry.name, level: entry.level, matched_on: matchedOn, value, citations: entry.citations };
}

/** Findings for a party: its countries (codes, any case) and addresses (free text), one per jurisdiction. */
export function findJurisdictions(table: JurisdictionTable, party: { countries?: readonly string[]; addresses?: readonly string[] }): JurisdictionFinding[] {
  const found = new Map<string, JurisdictionFinding>();
  for (const raw of party.countries ?? []) {
    const code = raw.trim().toLowerCase();
    for (const entry of table.entries) {
      if (!found.has(entry.code) && entry.countries.includes(code)) found.set(entry.code, finding(entry, 'country', code));
    }
  }
  for (const address of party.addresses ?? []) {
    const padded = ` ${normaliseAddress(address)} `;
    for (const { entry, term, padded: needle } of table.terms) {
      if (!found.has(entry.code) && padded.includes(needle)) found.set(entry.code, finding(entry, 'address', term));
    }
  }
  return [...found.values()];
}
