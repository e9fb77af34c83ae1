// Raw FCDO rows → one Entity per designation (`Unique ID`, the source id, e.g. RUS0251). Name type
// "Primary Name" → primary, "Primary name variation" and "Alias" → aka, Alias strength "Low…" → weak.
// Facts OFSI packed into "Other Information" have their own columns here.
import { addIdentifier, addName, addUnique, newEntity } from '../../domain/entity-builder.ts';
import type { CountryRole, Entity, NameKind, PartySchema, RelationClaim } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { addProperty } from '../common/entity-props.ts';
import { countriesFromText } from '../common/nationalities.ts';
import type { ImportWarning } from '../types.ts';
import { addNumberedIds, fullName, languageTag, numbered, ukDate } from '../common/uk-values.ts';
import type { FcdoRow } from './uk-fcdo.parse.ts';

const SCHEMA: Readonly<Record<string, PartySchema>> = {
  individual: 'Person',
  entity: 'Organization',
  ship: 'Vessel',
};
/** Columns kept verbatim, under FtM-style property names. */
const PROPERTIES: Readonly<Record<string, string>> = {
  'OFSI Group ID': 'ofsiGroupId',
  'UN Reference Number': 'unscId',
  'Designation source': 'designationSource',
  'UK Statement of Reasons': 'reason',
  Title: 'title',
  Position: 'position',
  'Phone number': 'phone',
  Website: 'website',
  'Email address': 'email',
  'Type of entity': 'legalForm',
  'Type of ship': 'shipType',
  'Tonnage of ship': 'tonnage',
  'Length of ship': 'length',
  'Year Built': 'buildDate',
  'Previous flags': 'pastFlags',
  'Previous owner/operator (s)': 'pastOwners',
  'Hull identification number (HIN)': 'hin',
};

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

type Note = (row: FcdoRow, reason: string) => void;

/** Maps the rows of one Unique ID (file order). */
export function mapFcdoGroup(rows: readonly FcdoRow[], list: ListId): MapResult {
  const first = rows[0]!;
  const warnings: ImportWarning[] = [];
  const note: Note = (row, reason) => {
    if (!warnings.some((w) => w.reason === reason))
      warnings.push({ file: row.file, line: row.line, reason, severity: 'note' });
  };
  const type = first.cells['Designation Type'] ?? '';
  const schema = SCHEMA[type.toLowerCase()];
  if (schema === undefined) {
    const reason = `${first.cells['Unique ID']}: Designation Type "${type}" is not Individual, Entity or Ship; skipped`;
    return { warnings: [{ file: first.file, line: first.line, reason, severity: 'bad_record' }] };
  }
  const entity = newEntity(list, sourceId(first.cells['Unique ID']!), schema, rows);
  const primary = rows.find((r) => /^primary name$/i.test(r.cells['Name type'] ?? '')) ?? first;
  addName(entity, fullName(primary.cells), 'primary');
  for (const row of rows) addRow(entity, row, note);
  const starts = rows
    .map((r) => ukDate(r.cells['Date Designated'] ?? ''))
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  if (starts[0] !== undefined) entity.listing.start = starts[0];
  return { entity, warnings };
}

function addRow(entity: Entity, row: FcdoRow, note: Note): void {
  const c = row.cells;
  addName(entity, fullName(c), nameKind(c));
  if (c['Name non-latin script'] !== undefined) {
    addName(
      entity,
      c['Name non-latin script'],
      'original',
      languageTag(c['Non-latin script language'] ?? '', c['Non-latin script type'] ?? ''),
    );
  }
  addUnique(entity.programs, c['Regime Name']);
  for (const s of (c['Sanctions Imposed'] ?? '').split('|')) addProperty(entity, 'sanctionsImposed', s);
  addUnique(entity.remarks, c['Other Information']);
  for (const [column, property] of Object.entries(PROPERTIES)) addProperty(entity, property, c[column]);
  addProperty(entity, 'modifiedAt', ukDate(c['Last Updated'] ?? ''));
  addPerson(entity, row, note);
  addIds(entity, c);
  addAddress(entity, row, note);
  addCountries(entity, row, 'Current believed flag of ship', 'flag', note);
  for (const name of numbered(c['Parent company'] ?? ''))
    addRelation(entity, {
      kind: 'ownership',
      role: 'owner',
      other: { name },
      note: `Parent company: ${name}`,
    });
  for (const name of numbered(c['Subsidiaries'] ?? ''))
    addRelation(entity, { kind: 'ownership', role: 'owned', other: { name }, note: `Subsidiary: ${name}` });
  for (const name of numbered(c['Current owner/operator (s)'] ?? ''))
    addRelation(entity, {
      kind: 'control',
      role: 'owner',
      other: { name },
      note: `Current owner/operator: ${name}`,
    });
}

function nameKind(cells: Readonly<Record<string, string>>): NameKind {
  if (/^low/i.test(cells['Alias strength'] ?? '')) return 'weak';
  return 'aka';
}

function addPerson(entity: Entity, row: FcdoRow, note: Note): void {
  const c = row.cells;
  for (const dob of numbered(c['D.O.B'] ?? '')) {
    const date = ukDate(dob);
    if (date === undefined) note(row, `D.O.B "${dob}" not recognised; ignored`);
    else addUnique(entity.birthDates, date);
  }
  addUnique(
    entity.birthPlaces,
    [c['Town of birth'], c['Country of birth']].filter((v) => v !== undefined).join(', ') || undefined,
  );
  addCountries(entity, row, 'Nationality(/ies)', 'nationality', note);
  const gender = c['Gender']?.toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;
}

function addIds(entity: Entity, c: Readonly<Record<string, string>>): void {
  addNumberedIds(entity, c['Passport number'], c['Passport additional information'], 'passport');
  addNumberedIds(
    entity,
    c['National Identifier number'],
    c['National Identifier additional information'],
    'national_id',
  );
  for (const value of numbered(c['Business registration number (s)'] ?? ''))
    addIdentifier(entity, { type: 'registration', value });
  for (const value of numbered(c['IMO number'] ?? ''))
    addIdentifier(entity, { type: 'imo', value: value.replace(/^IMO\s*/i, '') });
}

function addAddress(entity: Entity, row: FcdoRow, note: Note): void {
  const c = row.cells;
  const lines = [1, 2, 3, 4, 5, 6]
    .map((i) => c[`Address Line ${i}`])
    .filter((v): v is string => v !== undefined);
  const code = addCountries(entity, row, 'Address Country', 'country', note);
  if (lines.length === 0) return;
  const full = [...lines, c['Address Postal Code'], c['Address Country']]
    .filter((v) => v !== undefined)
    .join(', ');
  if (entity.addresses.some((a) => a.full === full)) return;
  entity.addresses.push({
    full,
    ...(c['Address Line 6'] === undefined ? {} : { city: c['Address Line 6'] }),
    ...(c['Address Postal Code'] === undefined ? {} : { postalCode: c['Address Postal Code'] }),
    ...(code === undefined ? {} : { country: code }),
  });
}

/** Adds the countries of a column under a role; returns the first code. */
function addCountries(
  entity: Entity,
  row: FcdoRow,
  column: string,
  role: CountryRole,
  note: Note,
): Entity['countries'][number]['code'] | undefined {
  const text = row.cells[column];
  if (text === undefined) return undefined;
  const parsed = countriesFromText(text);
  for (const code of parsed.codes)
    if (!entity.countries.some((x) => x.code === code && x.role === role))
      entity.countries.push({ code, role });
  for (const part of parsed.unknown)
    note(row, `${column} "${part}" not recognised as a country; kept in properties.${role}`);
  if (parsed.unknown.length > 0) addProperty(entity, role, text);
  return parsed.codes[0];
}

function addRelation(entity: Entity, relation: RelationClaim): void {
  const name = 'name' in relation.other ? relation.other.name : '';
  if (
    entity.relations.some(
      (r) =>
        r.role === relation.role && r.kind === relation.kind && 'name' in r.other && r.other.name === name,
    )
  )
    return;
  entity.relations.push(relation);
}
