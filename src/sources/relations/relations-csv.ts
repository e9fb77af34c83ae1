// The user's relations CSV: `owner, owned, percent, kind, source, as_of` (docs/design/ownership.md). An endpoint
// is `party:<party_id>`, `entity:<entityId>` or a bare party id; percent is a number, a range (`25-50`), a bound
// (`>50`) or empty (unknown); kind is ownership (default), control, director or other. Optional columns
// `valid_from` / `valid_to` bound the relation in time. Bad rows become warnings; the rest stream on.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { isoDate, type IsoDate } from '../../domain/ids.ts';
import { EDGE_KINDS, nodeRef, type EdgeKind, type RelationEdge } from '../../graph/types.ts';
import { parsePercent } from '../../graph/share.ts';
import { csvRows, headerIndex } from '../common/csv.ts';
import { readListText } from '../common/decode.ts';
import type { DetectInput } from '../types.ts';
import type { RelationEvent, RelationFormat, RelationReadOptions } from './types.ts';

const REQUIRED = ['owner', 'owned'] as const;
const OPTIONAL = ['percent', 'kind', 'source', 'as_of', 'valid_from', 'valid_to'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

function columns(header: string[], path: string): Map<Column, number> {
  const index = headerIndex(header);
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new AppError('unusable_file', `${path}: the header has no ${missing.join(' or ')} column`, {
      where: `${path}:1`,
      hint: `a relations CSV starts with the header: owner,owned,percent,kind,source,as_of (found: ${header.join(',')})`,
    });
  }
  const out = new Map<Column, number>();
  for (const c of [...REQUIRED, ...OPTIONAL]) if (index.has(c)) out.set(c, index.get(c)!);
  return out;
}

type RowResult = { ok: true; edge: RelationEdge } | { ok: false; reason: string };

function dateCell(value: string, column: string): IsoDate | undefined {
  if (value === '') return undefined;
  try {
    return isoDate(value);
  } catch {
    throw new Error(`${column} "${value}" is not a date (YYYY-MM-DD)`);
  }
}

function endpoint(value: string, column: string): RelationEdge['owner'] {
  if (value === '') throw new Error(`${column} is empty`);
  try {
    return nodeRef(value);
  } catch (error) {
    throw new Error(`${column} "${value}": ${(error as Error).message}`);
  }
}

/** Maps one data row to an edge, or to the reason it cannot be one. */
function rowToEdge(cell: (c: Column) => string, defaults: { source: string; asOf?: IsoDate }): RowResult {
  try {
    const kindText = cell('kind').toLowerCase() || 'ownership';
    if (!(EDGE_KINDS as readonly string[]).includes(kindText)) {
      return { ok: false, reason: `kind "${kindText}" is not one of ${EDGE_KINDS.join(', ')}` };
    }
    const share = parsePercent(cell('percent'));
    if (!share.ok) return { ok: false, reason: share.reason };
    const edge: RelationEdge = {
      owner: endpoint(cell('owner'), 'owner'),
      owned: endpoint(cell('owned'), 'owned'),
      kind: kindText as EdgeKind,
      share: share.share,
      source: cell('source') || defaults.source,
    };
    if (edge.owner === edge.owned)
      return { ok: false, reason: `owner and owned are the same node ${edge.owner}` };
    const asOf = dateCell(cell('as_of'), 'as_of') ?? defaults.asOf;
    const from = dateCell(cell('valid_from'), 'valid_from');
    const to = dateCell(cell('valid_to'), 'valid_to');
    if (asOf !== undefined) edge.asOf = asOf;
    if (from !== undefined) edge.validFrom = from;
    if (to !== undefined) edge.validTo = to;
    return { ok: true, edge };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** Streams the edges of a relations CSV. Throws AppError('unusable_file') only for an unreadable file or header. */
export async function* readRelationsCsv(
  path: string,
  options: RelationReadOptions = {},
): AsyncGenerator<RelationEvent> {
  const { text } = await readListText(path);
  const file = basename(path);
  const errors: { line: number; reason: string }[] = [];
  const defaults = { source: `csv:${file}`, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) };
  let cols: Map<Column, number> | undefined;
  let rows = 0;
  for await (const row of csvRows(text, {}, (line, reason) => errors.push({ line, reason }))) {
    yield* errors.splice(0).map((e) => warning(file, e.line, e.reason));
    if (cols === undefined) {
      cols = columns(row.fields, path);
      continue;
    }
    rows++;
    const cell = (c: Column): string => (cols!.has(c) ? (row.fields[cols!.get(c)!] ?? '').trim() : '');
    const result = rowToEdge(cell, defaults);
    if (result.ok) yield { type: 'edge', edge: result.edge, line: row.line };
    else yield warning(file, row.line, result.reason);
  }
  yield* errors.splice(0).map((e) => warning(file, e.line, e.reason));
  if (cols === undefined) {
    throw new AppError('unusable_file', `${path} is empty`, {
      where: path,
      hint: 'the first line must be the header owner,owned,percent,kind,source,as_of',
    });
  }
  yield { type: 'end', rowsRead: rows };
}

function warning(file: string, line: number, reason: string): RelationEvent {
  return { type: 'warning', warning: { file, line, reason, severity: 'bad_record' } };
}

/** The first line names both the owner and the owned column. */
function hasRelationHeader(head: string): boolean {
  const first = (head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').toLowerCase();
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.includes('owner') && cells.includes('owned');
}

export const relationsCsvFormat: RelationFormat = {
  id: 'relations_csv',
  description: 'Relations CSV: owner, owned, percent, kind, source, as_of',
  detect: (input: DetectInput) =>
    !input.isDirectory && /\.csv$/i.test(input.path) && hasRelationHeader(input.head),
  read: readRelationsCsv,
};
