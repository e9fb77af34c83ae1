// Raw OFSI rows → one Entity per designation (`Group ID`, the source id). Each row is one name variant;
// the other columns repeat per row (or vary: a second date of birth or address gets its own row), so every
// row's values are collected and de-duplicated. Alias Type "Primary name" → primary; "Primary name
// variation" and AKA → aka; FKA → fka; Alias Quality "Low quality" → weak.
import { addIdentifier, addName, addUnique, newEntity } from '../../domain/entity-builder.ts';
import type { Entity, NameKind, PartySchema } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { addProperty } from '../common/entity-props.ts';
import { countriesFromText } from '../common/nationalities.ts';
import type { ImportWarning } from '../types.ts';
import { otherInformation } from './uk-ofsi.other-info.ts';
import type { OfsiRow } from './uk-ofsi.parse.ts';
import { addNumberedIds, fullName, languageTag, numbered, ukDate } from '../common/uk-values.ts';

const SCHEMA: Readonly<Record<string, PartySchema>> = {
  Individual: 'Person',
  Entity: 'Organization',
  Ship: 'Vessel',
};

export interface MapResult {
  entity?: Entity;
  warnings: ImportWarning[];
}

type Note = (row: OfsiRow, reason: string) => void;

/** Maps the rows of one Group ID (sheet order). */
export function mapOfsiGroup(rows: readonly OfsiRow[], list: ListId): MapResult {
  const first = rows[0]!;
  const warnings: ImportWarning[] = [];
  const note: Note = (row, reason) => {
    if (!warnings.some((w) => w.reason === reason))
      warnings.push({ file: row.file, line: row.line, reason, severity: 'note' });
  };
  const type = first.cells['Group Type'] ?? '';
  const schema = SCHEMA[type];
  if (schema === undefined) {
    const reason = `Group ID ${first.cells['Group ID']}: Group Type "${type}" is not Individual, Entity or Ship; skipped`;
    return { warnings: [{ file: first.file, line: first.line, reason, severity: 'bad_record' }] };
  }
  const entity = newEntity(list, sourceId(first.cells['Group ID']!), schema, rows);
  addNames(entity, rows);
  for (const row of rows) addRow(entity, row, note);
  const starts = rows
    .map((r) => ukDate(r.cells['Listed On'] ?? ''))
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  if (starts[0] !== undefined) entity.listing.start = starts[0];
  return { entity, warnings };
}

function addNames(entity: Entity, rows: readonly OfsiRow[]): void {
  const primary = rows.find((r) => r.cells['Alias Type'] === 'Primary name') ?? rows[0]!;
  addName(entity, fullName(primary.cells), 'primary');
  for (const row of rows) {
    addName(entity, fullName(row.cells), nameKind(row));
    const original = row.cells['Name Non-Latin Script'];
    if (original !== undefined)
      addName(
        entity,
        original,
        'original',
        languageTag(row.cells['Non-Latin Script Language'] ?? '', row.cells['Non-Latin Script Type'] ?? ''),
      );
  }
}

function nameKind(row: OfsiRow): NameKind {
  const type = (row.cells['Alias Type'] ?? '').toLowerCase();
  if (/^low/i.test(row.cells['Alias Quality'] ?? '')) return 'weak';
  return type === 'fka' ? 'fka' : 'aka';
}

function addRow(entity: Entity, row: OfsiRow, note: Note): void {
  const c = row.cells;
  addUnique(entity.programs, c['Regime']);
  const dob = c['DOB'];
  if (dob !== undefined) {
    const date = ukDate(dob);
    if (date === undefined) note(row, `DOB "${dob}" not recognised; ignored`);
    else addUnique(entity.birthDates, date);
  }
  const birthPlace = [c['Town of Birth'], c['Country of Birth']].filter((v) => v !== undefined).join(', ');
  addUnique(entity.birthPlaces, birthPlace || undefined);
  addCountries(entity, row, 'Nationality', 'nationality', note);
  addNumberedIds(entity, c['Passport Number'], c['Passport Details'], 'passport');
  addNumberedIds(
    entity,
    c['National Identification Number'],
    c['National Identification Details'],
    'national_id',
  );
  addAddress(entity, row, note);
  addProperty(entity, 'title', c['Title']);
  addProperty(entity, 'position', c['Position']);
  addProperty(entity, 'designatedDate', ukDate(c['UK Sanctions List Date Designated'] ?? ''));
  addProperty(entity, 'modifiedAt', ukDate(c['Last Updated'] ?? ''));
  addOtherInformation(entity, row, note);
}

function addCountries(
  entity: Entity,
  row: OfsiRow,
  column: string,
  role: 'nationality' | 'country',
  note: Note,
): void {
  const text = row.cells[column];
  if (text === undefined) return;
  const parsed = countriesFromText(text);
  for (const code of parsed.codes)
    if (!entity.countries.some((x) => x.code === code && x.role === role))
      entity.countries.push({ code, role });
  for (const part of parsed.unknown)
    note(
      row,
      `${column} "${part}" not recognised as a country; kept in properties.${column === 'Country' ? 'country' : 'nationality'}`,
    );
  if (parsed.unknown.length > 0) addProperty(entity, column === 'Country' ? 'country' : 'nationality', text);
}

function addAddress(entity: Entity, row: OfsiRow, note: Note): void {
  const c = row.cells;
  const lines = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6']
    .map((k) => c[k])
    .filter((v) => v !== undefined);
  const parts = [...lines, c['Post/Zip Code'], c['Country']].filter((v): v is string => v !== undefined);
  addCountries(entity, row, 'Country', 'country', note);
  if (lines.length === 0 || entity.addresses.some((a) => a.full === parts.join(', '))) return;
  const country = entity.countries.find(
    (x) =>
      x.role === 'country' &&
      c['Country'] !== undefined &&
      countriesFromText(c['Country']).codes.includes(x.code),
  )?.code;
  entity.addresses.push({
    full: parts.join(', '),
    ...(c['Address 6'] === undefined ? {} : { city: c['Address 6'] }),
    ...(c['Post/Zip Code'] === undefined ? {} : { postalCode: c['Post/Zip Code'] }),
    ...(country === undefined ? {} : { country }),
  });
}

function addOtherInformation(entity: Entity, row: OfsiRow, note: Note): void {
  const text = row.cells['Other Information'];
  // Rows of one designation usually repeat the same text: parse each distinct text once.
  if (text === undefined || entity.remarks.includes(text)) return;
  entity.remarks.push(text);
  const info = otherInformation(text);
  addProperty(
    entity,
    'ukSanctionsListRef',
    /^[A-Z]{2,5}\d{2,6}/.exec(info['UK Sanctions List Ref'] ?? '')?.[0],
  );
  addProperty(entity, 'unscId', info['UN Ref']);
  addProperty(entity, 'reason', info['UK Statement of Reasons']);
  for (const key of ['Phone number', 'Email address', 'Website', 'Type of entity'] as const)
    addProperty(entity, camel(key), info[key]);
  const gender = info['Gender']?.toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;
  for (const value of numbered(info['Business Reg No'] ?? ''))
    addIdentifier(entity, { type: 'registration', value, label: 'Business Reg No' });
  for (const value of numbered(info['IMO number'] ?? '')) addIdentifier(entity, { type: 'imo', value });
  addShip(entity, row, info, note);
  for (const name of numbered(info['Parent company'] ?? ''))
    addRelation(entity, name, 'owner', 'Parent company');
  for (const name of numbered(info['Subsidiaries'] ?? '')) addRelation(entity, name, 'owned', 'Subsidiaries');
}

function addShip(entity: Entity, row: OfsiRow, info: ReturnType<typeof otherInformation>, note: Note): void {
  const flag = info['Flag of ship'];
  if (flag !== undefined) {
    const parsed = countriesFromText(flag);
    for (const code of parsed.codes)
      if (!entity.countries.some((x) => x.role === 'flag' && x.code === code))
        entity.countries.push({ code, role: 'flag' });
    if (parsed.unknown.length > 0)
      note(row, `Flag of ship "${flag}" not recognised as a country; kept in properties.flag`);
    if (parsed.unknown.length > 0) addProperty(entity, 'flag', flag);
  }
  for (const key of [
    'Type of ship',
    'Tonnage of ship',
    'Length of ship',
    'Year built',
    'Previous flags',
    'Current owners',
  ] as const)
    addProperty(entity, camel(key), info[key]);
}

function addRelation(entity: Entity, name: string, role: 'owner' | 'owned', label: string): void {
  if (entity.relations.some((r) => 'name' in r.other && r.other.name === name && r.role === role)) return;
  entity.relations.push({ kind: 'ownership', role, other: { name }, note: `${label}: ${name}` });
}

/** "Phone number" → "phoneNumber" (property names in FtM style). */
function camel(label: string): string {
  return label.toLowerCase().replace(/\s+(\w)/g, (_, ch: string) => ch.toUpperCase());
}
