// Raw EU annex rows → entities, one per row (one listing in one annex). Source id `<celex>:<annex>:<recordId>`;
// for annexes whose entries are unnumbered, `<celex>:<annex>:h<hash>` with the 12-hex name hash of
// common/name-key.ts (stable while the name is). Rows of schema `Asset` (ports, airports, economic zones,
// crypto-assets) are kept as FtM `Thing`: part of the list, never screened as a party.
import { addIdentifier, addName, addUnique, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type CountryRole, type Entity, type Schema } from '../../domain/entity.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import { splitList } from '../common/csv-table.ts';
import { addProperty } from '../common/entity-props.ts';
import { nameHash } from '../common/name-key.ts';
import { countriesFromText } from '../common/nationalities.ts';
import type { ImportWarning } from '../types.ts';
import type { EuJournalColumn, EuJournalRow } from './eu-journal.parse.ts';
import { birthDatesIn, euDate, ID_COLUMNS, idValuesIn, namesIn } from './eu-journal.values.ts';

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

type Note = (reason: string) => void;

const COUNTRY_COLUMNS: readonly [EuJournalColumn, CountryRole][] = [
  ['nationality', 'nationality'], ['country', 'country'], ['jurisdiction', 'jurisdiction'], ['flag', 'flag'],
];
/** Kept verbatim in properties (FtM property names). */
const PROPERTY_COLUMNS: readonly EuJournalColumn[] = [
  'measure', 'reason', 'position', 'phone', 'email', 'website', 'legalForm', 'sector', 'ticker', 'appearance',
  'ethnicity', 'fatherName', 'motherName',
];

/** The source id of a row (see the file comment). */
export function euJournalSourceId(row: EuJournalRow): string {
  return `${row.celex}:${row.annex}:${row.recordId === '' ? `h${nameHash(row.name)}` : row.recordId}`;
}

/** Maps one annex row. */
export function mapEuJournal(row: EuJournalRow, list: ListId): MapResult {
  const warnings: ImportWarning[] = [];
  const note: Note = (reason) => void warnings.push({ file: row.file, line: row.line, reason, severity: 'note' });
  const schema = schemaOf(row, note);
  if (schema === undefined) {
    return { warnings: [{ file: row.file, line: row.line, reason: `schema "${row.schema}" is not an FtM party schema or Asset; row skipped`, severity: 'bad_record' }] };
  }
  const entity = newEntity(list, sourceId(euJournalSourceId(row)), schema, row);
  addNames(entity, row);
  addDates(entity, row, note);
  addCountries(entity, row, note);
  addIdentifiers(entity, row);
  addRest(entity, row);
  return { entity, warnings };
}

function schemaOf(row: EuJournalRow, note: Note): Schema | undefined {
  if (row.schema === 'Asset') {
    note('Asset (port, airport, economic zone or crypto-asset): kept as a Thing, not screened as a party');
    return 'Thing';
  }
  if (row.schema === '') return 'LegalEntity';
  return isPartySchema(row.schema) ? row.schema : undefined;
}

function addNames(entity: Entity, row: EuJournalRow): void {
  addName(entity, row.name, 'primary');
  for (const name of namesIn(row.alias)) addName(entity, name, 'aka');
  for (const name of namesIn(row.weakAlias)) addName(entity, name, 'weak');
  for (const name of namesIn(row.previousName)) addName(entity, name, 'fka');
}

function addDates(entity: Entity, row: EuJournalRow, note: Note): void {
  if (row.startDate !== '') {
    const start = euDate(row.startDate);
    if (start === undefined) note(`startDate "${row.startDate}" not recognised; ignored`);
    else entity.listing.start = start;
  }
  const births = birthDatesIn(row.birthDate);
  entity.birthDates.push(...births.dates);
  for (const text of births.unreadable) note(`birthDate "${text}" not recognised; kept in properties.birthDateText`);
  for (const text of births.unreadable) addProperty(entity, 'birthDateText', text);
  for (const place of splitList(row.birthPlace)) addUnique(entity.birthPlaces, place);
  const incorporated = euDate(row.incorporationDate);
  addProperty(entity, 'incorporationDate', incorporated ?? row.incorporationDate);
  if (row.gender === 'male' || row.gender === 'female') entity.gender = row.gender;
}

function addCountries(entity: Entity, row: EuJournalRow, note: Note): void {
  for (const [column, role] of COUNTRY_COLUMNS) {
    if (row[column] === '') continue;
    const parsed = countriesFromText(row[column]);
    for (const code of parsed.codes) {
      if (!entity.countries.some((c) => c.code === code && c.role === role)) entity.countries.push({ code, role });
    }
    for (const part of parsed.unknown) note(`${column} "${part}" not recognised as a country; kept in properties.${column}`);
    if (parsed.unknown.length > 0) addProperty(entity, column, row[column]);
  }
}

function addIdentifiers(entity: Entity, row: EuJournalRow): void {
  for (const { column, type, label } of ID_COLUMNS) {
    for (const id of idValuesIn(row[column as EuJournalColumn])) {
      const idLabel = id.label ?? label;
      addIdentifier(entity, {
        type, value: id.value,
        ...(idLabel === undefined ? {} : { label: idLabel }),
        ...(id.country === undefined ? {} : { country: id.country }),
      });
    }
  }
}

function addRest(entity: Entity, row: EuJournalRow): void {
  addUnique(entity.programs, row.programKey || undefined);
  entity.listing.citations.push(`CELEX ${row.celex}, Annex ${row.annex}`);
  for (const address of splitList(row.address)) {
    if (!entity.addresses.some((a) => a.full === address)) entity.addresses.push({ full: address });
  }
  for (const column of PROPERTY_COLUMNS) for (const value of splitList(row[column])) addProperty(entity, column, value);
  addUnique(entity.remarks, row.notes || undefined);
}
