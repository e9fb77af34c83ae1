// Raw statutory rows → one Entity per named party. §1286 repeats an institution once per annual report
// (443 rows, 193 institutions), so rows are grouped by the name's slug (common/name-key.ts) and the
// slug is the source id: the tables print no id, and the slug survives re-typed punctuation.
import { addName, addUnique, applyEndDate, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type CountryRole, type Entity } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { anyListDate } from '../common/list-dates.ts';
import { nameKey } from '../common/name-key.ts';
import { countriesFromText } from '../common/nationalities.ts';
import { splitList } from '../common/csv-table.ts';
import { addProperty } from '../common/entity-props.ts';
import type { ImportWarning } from '../types.ts';
import type { StatutoryRow } from './os-statutory.parse.ts';

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

/** The grouping key of a row: rows with the same key are one party. */
export function statutoryKey(row: StatutoryRow): string {
  return nameKey(row.name);
}

/**
 * Maps the rows of one party (file order). The listing starts at the earliest start-date (else report-date:
 * §1286 rows print only the report year); whether it has ended follows the latest report's row, because
 * each annual §1286 report restates the whole list and a later report supersedes earlier ones.
 */
export function mapStatutory(rows: readonly StatutoryRow[], list: ListId, today: string): MapResult {
  const first = rows[0]!;
  const warnings: ImportWarning[] = [];
  const note = (row: StatutoryRow, reason: string): void => {
    warnings.push({ file: row.file, line: row.line, reason, severity: 'note' });
  };
  const schema = first.schema === '' ? 'LegalEntity' : first.schema;
  if (!isPartySchema(schema)) {
    const reason = `schema "${first.schema}" is not a party schema (Person, Company, Organization, LegalEntity…); row skipped`;
    return { warnings: [{ file: first.file, line: first.line, reason, severity: 'bad_record' }] };
  }
  const entity = newEntity(list, sourceId(statutoryKey(first)), schema, rows.length === 1 ? first : rows);
  addName(entity, first.name, 'primary');
  for (const row of rows) addRow(entity, row, note);
  const start = earliest(rows.map((r) => parseDate(r, r.startDate, note) ?? parseDate(r, r.reportDate, note)));
  if (start !== undefined) entity.listing.start = start;
  const latest = latestRow(rows);
  applyEndDate(entity, parseDate(latest, latest.endDate, () => undefined), today);
  return { entity, warnings };
}

function addRow(entity: Entity, row: StatutoryRow, note: (row: StatutoryRow, reason: string) => void): void {
  addName(entity, row.name, 'aka'); // another report's spelling ("Xi’an" / "Xi'an")
  for (const alias of splitList(row.aliases)) addName(entity, alias, 'aka');
  addCountries(entity, row, note);
  addUnique(entity.programs, row.program || undefined);
  addProperty(entity, 'reportDate', row.reportDate);
  addProperty(entity, 'topics', row.topics);
  addProperty(entity, 'authority', row.authority);
  addProperty(entity, 'sourceUrl', row.sourceUrl);
  addUnique(entity.remarks, row.reason || undefined);
  addUnique(entity.remarks, row.notes || undefined);
}

function addCountries(entity: Entity, row: StatutoryRow, note: (row: StatutoryRow, reason: string) => void): void {
  if (row.country === '') return;
  // INKSNA prints a person's nationality ("Russian", "DPRK") in the country column.
  const role: CountryRole = entity.schema === 'Person' ? 'nationality' : 'country';
  const parsed = countriesFromText(row.country);
  for (const code of parsed.codes) {
    if (!entity.countries.some((c) => c.code === code && c.role === role)) entity.countries.push({ code, role });
  }
  for (const part of parsed.unknown) note(row, `country "${part}" not recognised; kept in properties.country`);
  if (parsed.unknown.length > 0) addProperty(entity, 'country', row.country);
}

function parseDate(row: StatutoryRow, text: string, note: (row: StatutoryRow, reason: string) => void): IsoDate | undefined {
  if (text === '') return undefined;
  const date = anyListDate(text);
  if (date === undefined) note(row, `date "${text}" not recognised; ignored`);
  return date;
}

function earliest(dates: (IsoDate | undefined)[]): IsoDate | undefined {
  return dates.filter((d): d is IsoDate => d !== undefined).sort()[0];
}

/** The row of the latest report (report-date, then start-date, then file order). */
function latestRow(rows: readonly StatutoryRow[]): StatutoryRow {
  const key = (r: StatutoryRow): string => `${anyListDate(r.reportDate) ?? ''}|${anyListDate(r.startDate) ?? ''}`;
  return rows.reduce((best, r) => (key(r) >= key(best) ? r : best));
}
