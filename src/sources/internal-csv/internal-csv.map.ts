// Internal list rows → entities. The format is ours, so it is strict: a value that cannot be read (a date
// that is not ISO, a country that is neither a code nor a name, an id number without a known TYPE:) is a
// bad_record warning naming line and column; the value is dropped and the rest of the row is kept.
import { addIdentifier, addName, addUnique, applyEndDate, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type Entity, type IdentifierType } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';
import { splitList } from '../common/csv-table.ts';
import { isoLikeDate } from '../common/list-dates.ts';
import type { ImportWarning } from '../types.ts';
import type { InternalRow } from './internal-csv.parse.ts';

export const ID_TYPES: readonly IdentifierType[] = [
  'registration', 'tax', 'passport', 'national_id', 'imo', 'mmsi', 'swift_bic', 'lei', 'uscc', 'inn', 'ogrn',
  'duns', 'crypto', 'call_sign', 'aircraft_tail', 'other',
];

export interface MapResult {
  entity: Entity;
  warnings: ImportWarning[];
}

type Problem = (column: string, reason: string) => void;

/** Maps one internal row. schema defaults to LegalEntity; an unknown schema is reported and defaulted. */
export function mapInternalRow(row: InternalRow, list: ListId, today: string): MapResult {
  const warnings: ImportWarning[] = [];
  const problem: Problem = (column, reason) => {
    warnings.push({ file: row.file, line: row.line, reason: `column ${column}: ${reason}`, severity: 'bad_record' });
  };
  const schema = row.schema === '' ? 'LegalEntity' : row.schema;
  const valid = isPartySchema(schema);
  if (!valid) problem('schema', `"${row.schema}" is not one of Person, Company, Organization, LegalEntity, PublicBody, Vessel, Airplane; LegalEntity used`);
  const entity = newEntity(list, sourceId(row.id), valid ? schema : 'LegalEntity', row);
  addName(entity, row.name, 'primary');
  for (const alias of splitList(row.aliases)) addName(entity, alias, 'aka');
  addCountry(entity, row, problem);
  const birth = date(row.birth_date, 'birth_date', problem);
  if (birth !== undefined) entity.birthDates.push(birth);
  addIdNumbers(entity, row.id_numbers, problem);
  addUnique(entity.programs, row.program || undefined);
  const start = date(row.start_date, 'start_date', problem);
  if (start !== undefined) entity.listing.start = start;
  applyEndDate(entity, date(row.end_date, 'end_date', problem), today);
  addUnique(entity.remarks, row.remarks || undefined);
  return { entity, warnings };
}

function addCountry(entity: Entity, row: InternalRow, problem: Problem): void {
  for (const value of splitList(row.country)) {
    const code = countryFromName(value);
    if (code === undefined) problem('country', `"${value}" is not an ISO 3166 code or a country name; dropped`);
    else if (!entity.countries.some((c) => c.code === code)) entity.countries.push({ code, role: entity.schema === 'Person' ? 'nationality' : 'country' });
  }
}

function date(text: string, column: string, problem: Problem): IsoDate | undefined {
  if (text === '') return undefined;
  const parsed = isoLikeDate(text);
  if (parsed === undefined) problem(column, `"${text}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); dropped`);
  return parsed;
}

/** `TYPE:VALUE;TYPE:VALUE`, TYPE one of ID_TYPES (e.g. `lei:5493001KJTIIGC8Y1R12;imo:9123457`). */
function addIdNumbers(entity: Entity, text: string, problem: Problem): void {
  for (const item of splitList(text)) {
    const colon = item.indexOf(':');
    const type = item.slice(0, colon).trim().toLowerCase() as IdentifierType;
    const value = item.slice(colon + 1).trim();
    if (colon <= 0 || value === '') problem('id_numbers', `"${item}" is not TYPE:VALUE; dropped`);
    else if (!ID_TYPES.includes(type)) problem('id_numbers', `type "${item.slice(0, colon)}" is not one of ${ID_TYPES.join(', ')}; dropped`);
    else addIdentifier(entity, { type, value });
  }
}
