// One row of a book file → a party, or the reason it cannot be one (docs/design/book.md "Parties file").
// Columns: party_id and name (required), schema (default LegalEntity), country (ISO code or English name),
// address, id (TYPE:VALUE, repeatable, or several separated by `;`), roles (separated by `;` or `,`).
import { PARTY_SCHEMATA, type IdentifierType } from '../../domain/entity.ts';
import { countryFromName } from '../../sources/common/countries.ts';
import type { PartyRecord } from '../../store/index.ts';
import type { TableRow } from '../../tables/index.ts';

export const PARTY_COLUMNS = ['party_id', 'name', 'schema', 'country', 'address', 'id', 'roles'] as const;
/** Alternative headers people use for the same columns. */
const ALIASES: Readonly<Record<string, (typeof PARTY_COLUMNS)[number]>> = {
  ids: 'id',
  identifiers: 'id',
  identifier: 'id',
  role: 'roles',
  type: 'schema',
};

export const ID_TYPES: readonly IdentifierType[] = [
  'registration',
  'tax',
  'passport',
  'national_id',
  'imo',
  'mmsi',
  'swift_bic',
  'lei',
  'uscc',
  'inn',
  'ogrn',
  'duns',
  'crypto',
  'call_sign',
  'aircraft_tail',
  'other',
];

const SCHEMA_BY_LOWER = new Map(PARTY_SCHEMATA.map((s) => [s.toLowerCase(), s]));
/** Longest party id: the graph refuses longer node ids (src/graph/types.ts partyNode). */
const MAX_ID = 300;
const MAX_NAME = 500;

export type PartyRowResult = { ok: true; party: PartyRecord } | { ok: false; reason: string };

/** Cells of a column, including those under an alias header. */
function values(row: TableRow, column: (typeof PARTY_COLUMNS)[number]): string[] {
  const out = [...(row.cells.get(column) ?? [])];
  for (const [alias, target] of Object.entries(ALIASES))
    if (target === column) out.push(...(row.cells.get(alias) ?? []));
  return out;
}

function single(row: TableRow, column: (typeof PARTY_COLUMNS)[number]): string {
  return values(row, column).join(' ').replace(/\s+/g, ' ').trim();
}

function split(cells: readonly string[], separator: RegExp): string[] {
  return cells
    .flatMap((c) => c.split(separator))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** `lei:5299…` → `lei:5299…` (type lower-cased); an unknown type or a value under 4 letters/digits is refused. */
export function parseIdentifier(text: string): { ok: true; id: string } | { ok: false; reason: string } {
  const colon = text.indexOf(':');
  if (colon <= 0)
    return { ok: false, reason: `id "${text}" is not TYPE:VALUE (e.g. lei:529900T8BM49AURSDO55)` };
  const type = text.slice(0, colon).trim().toLowerCase();
  const value = text.slice(colon + 1).trim();
  if (!(ID_TYPES as readonly string[]).includes(type))
    return { ok: false, reason: `id type "${type}" is not one of ${ID_TYPES.join(', ')}` };
  // The matching engine compares identifiers without case and punctuation and needs 4 characters to do so.
  if (value.toUpperCase().replace(/[^0-9A-Z]/g, '').length < 4)
    return { ok: false, reason: `id "${text}" has fewer than 4 letters or digits` };
  return { ok: true, id: `${type}:${value}` };
}

function schemaOf(text: string): string | undefined {
  if (text === '') return 'LegalEntity';
  return SCHEMA_BY_LOWER.get(text.toLowerCase());
}

function checkId(id: string): string | undefined {
  if (id === '') return 'party_id is empty';
  if (id.length > MAX_ID) return `party_id is longer than ${MAX_ID} characters`;
  if (id.startsWith('entity:')) return `party_id "${id}" starts with entity:, which names a listed entity`;
  return undefined;
}

/** Validates one row. */
export function partyFromRow(row: TableRow): PartyRowResult {
  const rawId = single(row, 'party_id');
  const partyId = rawId.startsWith('party:') ? rawId.slice('party:'.length) : rawId;
  const idProblem = checkId(partyId);
  if (idProblem !== undefined) return { ok: false, reason: idProblem };
  const name = single(row, 'name');
  if (name === '') return { ok: false, reason: 'name is empty' };
  if (name.length > MAX_NAME) return { ok: false, reason: `name is longer than ${MAX_NAME} characters` };
  const schemaText = single(row, 'schema');
  const schema = schemaOf(schemaText);
  if (schema === undefined)
    return { ok: false, reason: `schema "${schemaText}" is not one of ${PARTY_SCHEMATA.join(', ')}` };
  const party: PartyRecord = { partyId, name, schema, identifiers: [], roles: [] };
  const countryText = single(row, 'country');
  if (countryText !== '') {
    const code = countryFromName(countryText);
    if (code === undefined)
      return { ok: false, reason: `country "${countryText}" is not an ISO 3166 code or a country name` };
    party.country = code;
  }
  const address = single(row, 'address');
  if (address !== '') party.address = address;
  for (const text of split(values(row, 'id'), /;/)) {
    const id = parseIdentifier(text);
    if (!id.ok) return { ok: false, reason: id.reason };
    if (!party.identifiers.includes(id.id)) party.identifiers.push(id.id);
  }
  party.roles = [
    ...new Set(split(values(row, 'roles'), /[;,]/).map((r) => r.toLowerCase().replace(/\s+/g, '_'))),
  ];
  return { ok: true, party };
}

/** The required columns a header lacks. */
export function missingColumns(columns: ReadonlySet<string>): string[] {
  return ['party_id', 'name'].filter((c) => !columns.has(c));
}
