// Raw PRC rows → one Entity per party. A party hit by several measures (e.g. Lockheed Martin: UEL 2023 and
// the export-control list 2025) has one row per measure, so rows are grouped by the slug of the English name
// (else the Chinese name). Source id: the Wikidata QID when a row of the group has one, else the name key
// (common/name-key.ts: slug of the name, hashed when long) — stable across editions, no id is printed.
import { addName, addUnique, applyEndDate, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type Entity } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { splitList } from '../common/csv-table.ts';
import { addProperty } from '../common/entity-props.ts';
import { dottedDate } from '../common/list-dates.ts';
import { nameKey } from '../common/name-key.ts';
import { countriesFromText } from '../common/nationalities.ts';
import type { ImportWarning } from '../types.ts';
import type { CnRow } from './cn-sanctions.parse.ts';

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

interface Period {
  start?: IsoDate;
  end?: IsoDate;
}

/** The grouping key of a row. */
export function cnKey(row: CnRow): string {
  return nameKey(row.name || row.chineseName);
}

/** The source id of a group: the first QID, else the grouping key. */
export function cnSourceId(rows: readonly CnRow[]): string {
  return rows.find((r) => r.qid !== '')?.qid ?? cnKey(rows[0]!);
}

/** Maps the rows of one party; the listing has ended only when every measure has an end date that has passed. */
export function mapCnSanctions(rows: readonly CnRow[], list: ListId, id: string, today: string): MapResult {
  const first = rows[0]!;
  const warnings: ImportWarning[] = [];
  if (!isPartySchema(first.type)) {
    const reason = `Type "${first.type}" is not Person, Company or Organization; row skipped`;
    return { warnings: [{ file: first.file, line: first.line, reason, severity: 'bad_record' }] };
  }
  const entity = newEntity(list, sourceId(id), first.type, rows.length === 1 ? first : rows);
  addName(entity, first.name || first.chineseName, 'primary');
  const periods = rows.map((row) => {
    addRow(entity, row, warnings);
    return period(row, warnings);
  });
  applyPeriods(entity, periods, today);
  return { entity, warnings };
}

function addRow(entity: Entity, row: CnRow, warnings: ImportWarning[]): void {
  addName(entity, row.name, 'aka');
  for (const alias of splitList(row.alias)) addName(entity, alias, 'aka');
  // The Chinese name is the name the measure itself uses (the decision is published in Chinese).
  addName(entity, row.chineseName, 'original', 'zh');
  addUnique(entity.programs, row.list || undefined);
  addProperty(entity, 'wikidataId', row.qid);
  addProperty(entity, 'authority', row.body);
  addProperty(entity, 'topics', row.topics);
  addProperty(entity, 'sourceUrl', row.sourceUrl);
  addProperty(entity, 'listings', [row.date, row.list || row.body].filter((v) => v !== '').join(' '));
  addUnique(entity.remarks, row.summary || undefined);
  addUnique(entity.remarks, row.chineseSummary || undefined);
  if (row.address !== '' && !entity.addresses.some((a) => a.full === row.address)) entity.addresses.push({ full: row.address });
  addCountries(entity, row, warnings);
}

function addCountries(entity: Entity, row: CnRow, warnings: ImportWarning[]): void {
  if (row.country === '') return;
  const parsed = countriesFromText(row.country);
  for (const code of parsed.codes) {
    if (!entity.countries.some((c) => c.code === code)) entity.countries.push({ code, role: 'country' });
  }
  for (const part of parsed.unknown) {
    warnings.push({ file: row.file, line: row.line, reason: `country "${part}" is not a country code or name; kept in properties.country`, severity: 'note' });
    addProperty(entity, 'country', part);
  }
}

function period(row: CnRow, warnings: ImportWarning[]): Period {
  const result: Period = {};
  for (const [field, text] of [['start', row.date], ['end', row.endDate]] as const) {
    if (text === '') continue;
    const date = dottedDate(text);
    if (date === undefined) warnings.push({ file: row.file, line: row.line, reason: `${field} date "${text}" is not DD.MM.YYYY or DD.MM.YY; ignored`, severity: 'note' });
    else result[field] = date;
  }
  return result;
}

function applyPeriods(entity: Entity, periods: Period[], today: string): void {
  const start = periods.map((p) => p.start).filter((d): d is IsoDate => d !== undefined).sort()[0];
  if (start !== undefined) entity.listing.start = start;
  // An end date in the future is kept (status stays current until it passes).
  if (periods.every((p) => p.end !== undefined)) {
    applyEndDate(entity, periods.map((p) => p.end!).sort().at(-1), today);
  }
}
