// The material data a finding rests on, for good-guy suppression (issue 8 item 3): a cleared (party, entity) pair
// stays cleared until the party's data or the listed record changes materially — names, identifiers, birth date,
// country, programs. Addresses, remarks, citations and source-format noise are not material: a listed record that
// only gained a remark does not re-open a pair an analyst cleared. Each snapshot is kept with the alert so that a
// re-opened alert can say what changed.
import { createHash } from 'node:crypto';
import type { Entity } from '../domain/entity.ts';
import type { PartyRecord } from '../store/index.ts';

/** The material fields of a party (the book keeps no birth date for a party). */
export interface PartyMaterial {
  name: string;
  schema: string;
  country: string | null;
  identifiers: string[];
}

/** The material fields of a listed record. */
export interface EntityMaterial {
  names: string[];
  identifiers: string[];
  birthDates: string[];
  countries: string[];
  programs: string[];
  /** `current` or `ended`: a listing that ends is a material change. */
  status: string;
}

/** One field that changed between two snapshots. */
export interface MaterialChange {
  field: string;
  removed: string[];
  added: string[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

export function partyMaterial(p: PartyRecord): PartyMaterial {
  return {
    name: p.name,
    schema: p.schema,
    country: p.country ?? null,
    identifiers: sorted(p.identifiers.map((i) => i.toLowerCase())),
  };
}

export function entityMaterial(e: Entity): EntityMaterial {
  return {
    names: sorted(e.names.map((n) => n.value)),
    identifiers: sorted(e.identifiers.map((i) => `${i.type}:${i.value}`)),
    birthDates: sorted(e.birthDates),
    countries: sorted(
      [
        ...e.countries.map((c) => c.code),
        ...e.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country])),
      ].map((c) => c.toLowerCase()),
    ),
    programs: sorted(e.programs),
    status: e.status,
  };
}

/** Canonical JSON (keys sorted at every level): equal content gives equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function materialHash(material: unknown): string {
  return createHash('sha256').update(canonicalJson(material)).digest('hex').slice(0, 32);
}

function asValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : canonicalJson(v)));
  return [typeof value === 'string' ? value : canonicalJson(value)];
}

/** Field-by-field changes between two snapshots (nested objects give dotted field names: `entity.programs`). */
export function materialChanges(before: unknown, after: unknown, prefix = ''): MaterialChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = sorted([...Object.keys(before), ...Object.keys(after)]);
    return keys.flatMap((k) => materialChanges(before[k], after[k], prefix === '' ? k : `${prefix}.${k}`));
  }
  const a = asValues(before);
  const b = asValues(after);
  const removed = a.filter((v) => !b.includes(v));
  const added = b.filter((v) => !a.includes(v));
  return removed.length === 0 && added.length === 0 ? [] : [{ field: prefix, removed, added }];
}

/** "entity.programs: −CMIC-EO13959 +SDGT; party.name: …" */
export function describeChanges(changes: readonly MaterialChange[]): string {
  return changes
    .map((c) => `${c.field}: ${[...c.removed.map((v) => `−${v}`), ...c.added.map((v) => `+${v}`)].join(' ')}`)
    .join('; ');
}
