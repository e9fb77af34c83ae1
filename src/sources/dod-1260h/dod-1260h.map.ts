// Raw 1260H rows → one Entity per company. The list is republished in editions; a company relisted in a
// later edition gets another row, so rows are grouped by the slug of `Clean Name` (common/name-key.ts),
// which is also the source id (the list prints no id). Each row is a tranche: its period is kept in
// `properties.tranches` as `start` (still listed) or `start/end` (an ISO 8601 interval).
import { addName, addUnique, applyEndDate, newEntity } from '../../domain/entity-builder.ts';
import type { Entity, RelationClaim } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { splitList } from '../common/csv-table.ts';
import { addProperty } from '../common/entity-props.ts';
import { isoLikeDate } from '../common/list-dates.ts';
import { nameKey, nameSlug } from '../common/name-key.ts';
import type { ImportWarning } from '../types.ts';
import type { Dod1260hRow } from './dod-1260h.parse.ts';

/** The program every 1260H listing is under. */
export const PROGRAM_1260H = 'FY2021 NDAA §1260H (Chinese military companies)';

export interface MapResult {
  entity: Entity;
  warnings: ImportWarning[];
}

interface Tranche {
  start?: IsoDate;
  end?: IsoDate;
}

/** The grouping key (and source id) of a row. */
export function dod1260hKey(row: Dod1260hRow): string {
  return nameKey(row.cleanName);
}

/** Maps the rows (tranches) of one company. The listing has ended only when every tranche has ended. */
export function mapDod1260h(rows: readonly Dod1260hRow[], list: ListId, today: string): MapResult {
  const first = rows[0]!;
  const warnings: ImportWarning[] = [];
  const entity = newEntity(list, sourceId(dod1260hKey(first)), 'Company', rows.length === 1 ? first : rows);
  entity.programs.push(PROGRAM_1260H);
  addName(entity, first.cleanName, 'primary');
  const tranches = rows.map((row) => {
    addRowNames(entity, row);
    addParent(entity, row);
    addUnique(entity.remarks, row.note || undefined);
    addProperty(entity, 'sourceUrl', row.sourceUrl);
    return tranche(row, warnings);
  });
  applyTranches(entity, tranches, today);
  return { entity, warnings };
}

function addRowNames(entity: Entity, row: Dod1260hRow): void {
  addName(entity, row.cleanName, 'aka');
  // The printed name carries the short form in parentheses and a trailing `*` on some editions.
  addName(entity, row.name.replace(/\s*\*+$/, ''), 'aka');
  for (const alias of splitList(row.alias)) addName(entity, alias, 'aka');
  for (const previous of splitList(row.previousName)) addName(entity, previous, 'fka');
}

/** Parent Name → the parent owns this company; the list gives no share (absent = unknown). */
function addParent(entity: Entity, row: Dod1260hRow): void {
  if (row.parentName === '') return;
  const key = nameSlug(row.parentName);
  const known = entity.relations.some((r) => 'name' in r.other && nameSlug(r.other.name) === key);
  if (known) return;
  const relation: RelationClaim = { kind: 'ownership', role: 'owner', other: { name: row.parentName }, note: `Parent Name: ${row.parentName}` };
  entity.relations.push(relation);
}

function tranche(row: Dod1260hRow, warnings: ImportWarning[]): Tranche {
  const result: Tranche = {};
  for (const [field, text] of [['start', row.startDate], ['end', row.endDate]] as const) {
    if (text === '') continue;
    const date = isoLikeDate(text);
    if (date === undefined) warnings.push({ file: row.file, line: row.line, reason: `${field} date "${text}" is not an ISO date; ignored`, severity: 'note' });
    else result[field] = date;
  }
  return result;
}

function applyTranches(entity: Entity, tranches: Tranche[], today: string): void {
  const sorted = [...tranches].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  for (const t of sorted) {
    if (t.start !== undefined) addProperty(entity, 'tranches', t.end === undefined ? t.start : `${t.start}/${t.end}`);
  }
  const starts = sorted.map((t) => t.start).filter((d): d is IsoDate => d !== undefined);
  if (starts[0] !== undefined) entity.listing.start = starts[0];
  // Every tranche has an end date: the listing ends with the last one (ended once it has passed).
  const allEnd = tranches.length > 0 && tranches.every((t) => t.end !== undefined);
  if (allEnd) applyEndDate(entity, tranches.map((t) => t.end!).sort().at(-1), today);
}
