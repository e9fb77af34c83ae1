// UK Companies House "Persons with Significant Control" records (snapshot lines `{company_number, data}` or
// API resources), as a JSON array or JSON lines. Each PSC of a company becomes up to two edges PSC → company:
//   ownership-of-shares-* / right-to-share-surplus-assets-* (LLPs) → ownership with the band as a range;
//   voting-rights-*, right-to-appoint-and-remove-*, significant-influence-or-control* → control.
// Bands follow the Companies House descriptions (psc_descriptions.yml in companieshouse/api-enumerations):
// "25-to-50" = more than 25 % but not more than 50 %; "50-to-75" = more than 50 % but less than 75 %;
// "75-to-100" = 75 % or more; "more-than-25" (overseas entities) = more than 25 %. Exclusive ends move by one
// ppm (see EXCLUSIVE_STEP), so "more than 50 %" passes a "> 50 %" test and "not more than 50 %" does not.
// The company is `party:gb_coh:<company_number>`; a corporate PSC registered at Companies House is
// `party:gb_coh:<its number>`, any other PSC `party:gb_psc:<PSC id from links.self>`.
import { basename } from 'node:path';
import { isoDate, isIsoDate, type IsoDate } from '../../domain/ids.ts';
import { EXCLUSIVE_STEP } from '../../graph/share.ts';
import {
  shareRange,
  UNKNOWN_SHARE,
  type NodeRef,
  type RelationEdge,
  type ShareRange,
} from '../../graph/types.ts';
import type { DetectInput, ImportWarning } from '../types.ts';
import { jsonRecords } from './json-objects.ts';
import { partyRefOf } from './party-ref.ts';
import type { RelationEvent, RelationFormat, RelationReadOptions } from './types.ts';

const E = EXCLUSIVE_STEP;
const BANDS: Readonly<Record<string, readonly [number, number]>> = {
  '25-to-50': [0.25 + E, 0.5],
  '50-to-75': [0.5 + E, 0.75 - E],
  '75-to-100': [0.75, 1],
  'more-than-25': [0.25 + E, 1],
};
const BAND = /(25-to-50|50-to-75|75-to-100|more-than-25)-percent/;
const OWNERSHIP = /^(ownership-of-shares|right-to-share-surplus-assets)-/;
const CONTROL = /^(voting-rights-|right-to-appoint-and-remove-|significant-influence-or-control)/;
const PSC_KIND = /(person-with-significant-control|beneficial-owner)$/;

type Psc = Record<string, unknown> & {
  kind?: string;
  name?: string;
  natures_of_control?: unknown;
  ceased_on?: string;
  notified_on?: string;
  links?: { self?: string };
  identification?: {
    registration_number?: string;
    place_registered?: string;
    country_registered?: string;
    legal_authority?: string;
  };
};

type Mapped = { edges: RelationEdge[]; notes: string[] } | { bad: string } | { skip: string | undefined };

/** The band of a nature as a share range; several natures of one kind: at least the largest low end, at most the sum of the high ends. */
function combinedBand(natures: string[]): ShareRange {
  const bands = natures.map((n) => BANDS[BAND.exec(n)?.[1] ?? '']).filter((b) => b !== undefined);
  if (bands.length === 0) return UNKNOWN_SHARE;
  const lo = Math.max(...bands.map((b) => b[0]));
  return shareRange(
    lo,
    Math.max(
      lo,
      Math.min(
        1,
        bands.reduce((a, b) => a + b[1], 0),
      ),
    ),
  );
}

/** Companies House numbers are 8 characters; numeric ones are zero-padded (registers print "3530981" too). */
function companyNumber(value: string): string {
  const v = value.replace(/\s+/g, '').toUpperCase();
  return /^\d{1,8}$/.test(v) ? v.padStart(8, '0') : v;
}

function registeredAtCompaniesHouse(id: Psc['identification']): boolean {
  const where = `${id?.place_registered ?? ''} ${id?.country_registered ?? ''} ${id?.legal_authority ?? ''}`;
  return /companies house|england|wales|scotland|northern ireland|united kingdom/i.test(where);
}

function ownerRef(psc: Psc, ref: (ns: string, id: string) => NodeRef): NodeRef | undefined {
  const reg = psc.identification?.registration_number;
  if (
    psc.kind?.startsWith('corporate-entity') &&
    reg !== undefined &&
    registeredAtCompaniesHouse(psc.identification)
  ) {
    return ref('gb_coh', companyNumber(reg));
  }
  const id = psc.links?.self?.split('/').pop();
  return id === undefined || id === '' ? undefined : ref('gb_psc', id);
}

function dateOf(value: unknown): IsoDate | undefined {
  return typeof value === 'string' && isIsoDate(value) ? isoDate(value) : undefined;
}

function edgeBase(
  psc: Psc,
  owner: NodeRef,
  owned: NodeRef,
  asOf: IsoDate | undefined,
): Omit<RelationEdge, 'kind' | 'share' | 'note'> {
  const base: Omit<RelationEdge, 'kind' | 'share' | 'note'> = { owner, owned, source: 'uk-psc' };
  if (typeof psc.name === 'string' && psc.name !== '') base.ownerName = psc.name;
  if (asOf !== undefined) base.asOf = asOf;
  const ceased = dateOf(psc.ceased_on);
  if (ceased !== undefined) base.validTo = ceased;
  return base;
}

/** One snapshot line → its edges, the reason it is bad, or why it is skipped (statements, totals). */
function mapLine(value: unknown, options: RelationReadOptions): Mapped {
  const line = value as { company_number?: unknown; data?: Psc; ContentDate?: unknown } | null;
  const psc = line?.data;
  if (psc === undefined || typeof psc !== 'object') return { bad: 'no "data" object' };
  if (psc.kind?.startsWith('totals#') || psc.kind === 'persons-with-significant-control-statement')
    return { skip: undefined };
  if (psc.kind === 'super-secure-person-with-significant-control')
    return { skip: 'super-secure PSC: the owner is withheld by Companies House' };
  if (psc.kind === undefined || !PSC_KIND.test(psc.kind))
    return { bad: `kind "${String(psc.kind)}" is not a PSC kind` };
  if (typeof line!.company_number !== 'string' || line!.company_number === '')
    return { bad: 'no company_number' };
  const ref = partyRefOf(options);
  const owner = ownerRef(psc, ref);
  if (owner === undefined) return { bad: 'the PSC has neither a Companies House number nor a links.self id' };
  const natures = Array.isArray(psc.natures_of_control)
    ? psc.natures_of_control.filter((n): n is string => typeof n === 'string')
    : [];
  const base = edgeBase(
    psc,
    owner,
    ref('gb_coh', companyNumber(line!.company_number)),
    dateOf(line!.ContentDate) ?? options.asOf ?? dateOf(psc.notified_on),
  );
  const owning = natures.filter((n) => OWNERSHIP.test(n));
  const controlling = natures.filter((n) => CONTROL.test(n));
  const edges: RelationEdge[] = [];
  if (owning.length > 0)
    edges.push({ ...base, kind: 'ownership', share: combinedBand(owning), note: owning.join('; ') });
  if (controlling.length > 0)
    edges.push({ ...base, kind: 'control', share: combinedBand(controlling), note: controlling.join('; ') });
  const unknown = natures.filter((n) => !OWNERSHIP.test(n) && !CONTROL.test(n));
  return { edges, notes: unknown.map((n) => `nature of control "${n}" is not one Embargo reads; ignored`) };
}

/** Streams the edges of a PSC snapshot file. */
export async function* readUkPsc(
  path: string,
  options: RelationReadOptions = {},
): AsyncGenerator<RelationEvent> {
  const file = basename(path);
  let rows = 0;
  const warn = (line: number, reason: string, severity: ImportWarning['severity']): RelationEvent => ({
    type: 'warning',
    warning: { file, line, reason, severity },
  });
  for await (const record of jsonRecords(path)) {
    rows++;
    if ('error' in record) {
      yield warn(record.line, record.error, 'bad_record');
      continue;
    }
    const mapped = mapLine(record.value, options);
    if ('bad' in mapped) yield warn(record.line, mapped.bad, 'bad_record');
    else if ('skip' in mapped) {
      if (mapped.skip !== undefined) yield warn(record.line, mapped.skip, 'note');
    } else {
      for (const edge of mapped.edges) yield { type: 'edge', edge, line: record.line };
      for (const note of mapped.notes) yield warn(record.line, note, 'note');
    }
  }
  yield { type: 'end', rowsRead: rows };
}

export const ukPscFormat: RelationFormat = {
  id: 'uk_psc',
  description: 'UK Companies House PSC snapshot (JSON array or JSON lines)',
  detect: (input: DetectInput) =>
    !input.isDirectory &&
    /"company_number"/.test(input.head) &&
    /significant-control|natures_of_control|"data"\s*:/.test(input.head),
  read: readUkPsc,
};
