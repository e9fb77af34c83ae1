// Bytes → raw OFAC records: the primary file streamed row by row, each row joined with its addresses,
// aliases and remarks overflow (read first: they are small) by ent_num, the key of all four files.
// Layout per OFAC's SDN data specification (dat_spec.txt): headerless, comma-separated, double-quoted, CRLF,
// "-0- " as the null marker, a DOS EOF byte (0x1A) at the end (removed by decode.ts).
import type { ImportWarning } from '../types.ts';
import { csvRows } from '../common/csv.ts';
import { readListText } from '../common/decode.ts';
import { AppError } from '../../domain/errors.ts';
import { expectedName, type OfacFileRole, type OfacFileSet, type OfacSet } from './ofac-csv.files.ts';

const PRIMARY_COLUMNS = [
  'entNum',
  'name',
  'type',
  'program',
  'title',
  'callSign',
  'vesselType',
  'tonnage',
  'grt',
  'vesselFlag',
  'vesselOwner',
  'remarks',
] as const;
const ADDRESS_COLUMNS = ['entNum', 'addNum', 'address', 'cityStatePostal', 'country', 'remarks'] as const;
const ALIAS_COLUMNS = ['entNum', 'altNum', 'type', 'name', 'remarks'] as const;
const COMMENT_COLUMNS = ['entNum', 'remarks'] as const;

/** sdn.csv / cons_prim.csv row; null markers are ''. */
export type OfacPrimaryRow = Record<(typeof PRIMARY_COLUMNS)[number], string>;
/** add.csv row: `cityStatePostal` is one column ("London EC3N 1DY"). */
export type OfacAddressRow = Record<(typeof ADDRESS_COLUMNS)[number], string>;
/** alt.csv row: `type` is aka, fka or nka. */
export type OfacAliasRow = Record<(typeof ALIAS_COLUMNS)[number], string>;
type OfacCommentRow = Record<(typeof COMMENT_COLUMNS)[number], string>;

/** One listed party: its primary row and the rows of the other three files with the same ent_num. */
export interface OfacRawRecord {
  set: OfacSet;
  file: string;
  line: number;
  entNum: string;
  primary: OfacPrimaryRow;
  addresses: OfacAddressRow[];
  aliases: OfacAliasRow[];
  /** Overflow of the remarks field from the comments file, in file order. */
  comments: string[];
  /** The primary remarks with the overflow appended (the split falls mid-word, so no separator is added). */
  remarks: string;
}

export type OfacParseEvent =
  | { type: 'record'; record: OfacRawRecord }
  | { type: 'warning'; warning: ImportWarning }
  /** `rowsRead` counts every row of the primary file, good or bad. */
  | { type: 'end'; rowsRead: number };

interface Located<R> {
  line: number;
  row: R;
}
type Secondary<R> = Map<string, Located<R>[]>;

/** Streams the records of one OFAC legacy CSV set. */
export async function* parseOfacCsv(files: OfacFileSet): AsyncGenerator<OfacParseEvent> {
  const warnings: ImportWarning[] = [];
  const addresses = await readSecondary(files, 'addresses', ADDRESS_COLUMNS, warnings);
  const aliases = await readSecondary(files, 'aliases', ALIAS_COLUMNS, warnings);
  const comments = await readSecondary(files, 'comments', COMMENT_COLUMNS, warnings);
  for (const warning of warnings) yield { type: 'warning', warning };

  const seen = new Set<string>();
  let rowsRead = 0;
  for await (const item of readRows(files.primary, PRIMARY_COLUMNS)) {
    if (item.kind === 'warning') {
      yield { type: 'warning', warning: item.warning };
      if (item.countsAsRow) rowsRead++;
      continue;
    }
    rowsRead++;
    const { line, row } = item;
    if (seen.has(row.entNum)) {
      yield {
        type: 'warning',
        warning: bad(files.primary, line, `ent_num ${row.entNum} appears twice; the first row is kept`),
      };
      continue;
    }
    seen.add(row.entNum);
    yield { type: 'record', record: join(files, line, row, { addresses, aliases, comments }) };
  }
  if (rowsRead === 0 || seen.size === 0) {
    throw new AppError('unusable_file', `${files.primary} holds no OFAC record`, {
      where: files.primary,
      hint: `expected OFAC's headerless ${expectedName(files.set, 'primary')}: rows of 12 quoted columns starting with a numeric ent_num`,
    });
  }
  for (const warning of orphans(files, { addresses, aliases, comments })) yield { type: 'warning', warning };
  yield { type: 'end', rowsRead };
}

interface Secondaries {
  addresses: Secondary<OfacAddressRow>;
  aliases: Secondary<OfacAliasRow>;
  comments: Secondary<OfacCommentRow>;
}

/** Joins a primary row with its secondary rows, taking them out of the maps (what remains is orphaned). */
function join(files: OfacFileSet, line: number, primary: OfacPrimaryRow, s: Secondaries): OfacRawRecord {
  const take = <R>(map: Secondary<R>): R[] => {
    const found = map.get(primary.entNum) ?? [];
    map.delete(primary.entNum);
    return found.map((l) => l.row);
  };
  const comments = take(s.comments).map((c) => c.remarks);
  return {
    set: files.set,
    file: files.primary,
    line,
    entNum: primary.entNum,
    primary,
    addresses: take(s.addresses),
    aliases: take(s.aliases),
    comments,
    remarks: primary.remarks + comments.join(''),
  };
}

/** Secondary rows whose ent_num has no primary row: notes (the primary row's own problem, if any, is reported). */
function* orphans(files: OfacFileSet, s: Secondaries): Generator<ImportWarning> {
  const sources: [string | undefined, Secondary<unknown>][] = [
    [files.addresses, s.addresses],
    [files.aliases, s.aliases],
    [files.comments, s.comments],
  ];
  for (const [file, map] of sources) {
    for (const [entNum, rows] of map) {
      for (const { line } of rows) {
        yield note(
          file ?? '',
          line,
          `ent_num ${entNum} is not in ${expectedName(files.set, 'primary')}; row ignored`,
        );
      }
    }
  }
}

async function readSecondary<K extends string>(
  files: OfacFileSet,
  role: Exclude<OfacFileRole, 'primary'>,
  columns: readonly (K | 'entNum')[],
  warnings: ImportWarning[],
): Promise<Secondary<Record<K | 'entNum', string>>> {
  const map: Secondary<Record<K | 'entNum', string>> = new Map();
  const path = files[role];
  if (path === undefined) {
    const name = expectedName(files.set, role);
    warnings.push(
      note(
        name,
        0,
        `${name} not found next to ${expectedName(files.set, 'primary')}: its ${role} are not imported`,
      ),
    );
    return map;
  }
  for await (const item of readRows(path, columns)) {
    if (item.kind === 'warning') {
      warnings.push(item.warning);
      continue;
    }
    const list = map.get(item.row.entNum);
    if (list === undefined) map.set(item.row.entNum, [{ line: item.line, row: item.row }]);
    else list.push({ line: item.line, row: item.row });
  }
  return map;
}

type RowItem<K extends string> =
  | { kind: 'row'; line: number; row: Record<K, string> }
  /** `countsAsRow` is false for a note about a row that is still read. */
  | { kind: 'warning'; warning: ImportWarning; countsAsRow: boolean };

/** Rows of one file as named columns, or a bad_record warning for a row that is not one. */
async function* readRows<K extends string>(path: string, columns: readonly K[]): AsyncGenerator<RowItem<K>> {
  const { text } = await readListText(path);
  // csvRows reports a record it cannot read (e.g. a stray quote) through this callback and goes on.
  const unreadable: ImportWarning[] = [];
  const onError = (line: number, reason: string): void => {
    unreadable.push(bad(path, line, `unreadable CSV record: ${reason}`));
  };
  for await (const { line, fields } of csvRows(text, {}, onError)) {
    yield* flush(unreadable);
    if (fields.length === 1 && fields[0].trim() === '') continue; // a blank line is not a row
    const problem = rowProblem(fields, columns.length);
    if (problem !== undefined) {
      yield { kind: 'warning', warning: bad(path, line, problem), countsAsRow: true };
      continue;
    }
    if (fields.length > columns.length) {
      const extra = note(path, line, `${fields.length - columns.length} extra column(s) ignored`);
      yield { kind: 'warning', warning: extra, countsAsRow: false };
    }
    yield { kind: 'row', line, row: named(columns, fields) };
  }
  yield* flush(unreadable);
}

function* flush<K extends string>(pending: ImportWarning[]): Generator<RowItem<K>> {
  for (const warning of pending.splice(0)) yield { kind: 'warning', warning, countsAsRow: true };
}

function rowProblem(fields: readonly string[], expected: number): string | undefined {
  if (fields.length < expected) return `expected ${expected} columns, found ${fields.length}`;
  if (!/^\d+$/.test(fields[0].trim())) return `ent_num "${fields[0]}" is not a number`;
  return undefined;
}

/** OFAC's null marker is "-0-" followed by a space; any spacing around it is accepted. */
const NULL_MARKER = /^\s*-0-\s*$/;

function named<K extends string>(columns: readonly K[], fields: readonly string[]): Record<K, string> {
  const row = {} as Record<K, string>;
  columns.forEach((column, i) => {
    const value = fields[i] ?? '';
    row[column] = NULL_MARKER.test(value) ? '' : value;
  });
  row[columns[0]] = row[columns[0]].trim();
  return row;
}

function bad(file: string, line: number, reason: string): ImportWarning {
  return { file, line, reason, severity: 'bad_record' };
}

function note(file: string, line: number, reason: string): ImportWarning {
  return { file, line, reason, severity: 'note' };
}
