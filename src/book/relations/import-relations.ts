// `embargo relations import <file>`: relations CSV, GLEIF level-2 RR XML or UK PSC JSON (src/sources/relations)
// into the book, all edges of the file in one transaction. Bad records are reported with line and reason; the
// file is refused as a whole when more than 1 % of its records are bad. Registry ids (LEI, UK company numbers)
// are mapped onto the book's parties that carry the same identifier, so a GLEIF or PSC file links to the user's
// own party ids; an id no party carries stays a registry node (`party:lei:<LEI>`), still part of the chains.
import { AppError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/ids.ts';
import type { NodeRef, RelationEdge } from '../../graph/types.ts';
import { detectInput } from '../../ingest/detect.ts';
import {
  RELATION_FORMATS,
  defaultPartyRef,
  relationFormatById,
  type RelationFormat,
} from '../../sources/relations/index.ts';
import type { ImportWarning } from '../../sources/types.ts';
import type { BookStore } from '../../store/index.ts';
import { partyNode } from '../../graph/types.ts';
import { MAX_BAD_ROW_SHARE, type BookImportOptions } from '../parties/import-parties.ts';

export interface RelationsImportOptions extends BookImportOptions {
  /** As-of date for records that carry none. */
  asOf?: IsoDate;
}

export interface RelationsImportReport {
  path: string;
  format: string;
  revision: number;
  rowsRead: number;
  imported: number;
  added: number;
  replaced: number;
  /** Registry ids mapped onto book parties by identifier. */
  mappedToParties: number;
  badRows: number;
  warnings: ImportWarning[];
}

/** Registry namespace → the identifier type a book party carries for it. */
const NAMESPACE_ID_TYPE: Readonly<Record<string, string>> = { lei: 'lei', gb_coh: 'registration' };

async function chooseRelationFormat(path: string, id: string | undefined): Promise<RelationFormat> {
  if (id !== undefined) {
    const format = relationFormatById(id);
    if (format === undefined)
      throw new AppError('unknown_format', `unknown relations format "${id}"`, {
        hint: `known formats: ${RELATION_FORMATS.map((f) => f.id).join(', ')}`,
      });
    return format;
  }
  const input = await detectInput(path);
  const format = RELATION_FORMATS.find((f) => f.detect(input));
  if (format === undefined) {
    throw new AppError('unknown_format', `cannot tell the relations format of ${path}`, {
      where: path,
      hint: `a relations file is a CSV with owner,owned,percent,kind,source,as_of columns, GLEIF RR XML or UK PSC JSON; or pass --format (${RELATION_FORMATS.map((f) => f.id).join(', ')})`,
    });
  }
  return format;
}

/** `lei:<LEI>` / `registration:<number>` → party id, for identifiers exactly one party carries. */
async function identifierOwners(book: BookStore): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const shared = new Set<string>();
  for await (const p of book.parties()) {
    for (const id of p.identifiers) {
      const key = id.toLowerCase().replace(/\s+/g, '');
      if (owners.has(key) && owners.get(key) !== p.partyId) shared.add(key);
      else owners.set(key, p.partyId);
    }
  }
  for (const key of shared) owners.delete(key);
  return owners;
}

function partyRefFor(
  owners: ReadonlyMap<string, string>,
  mapped: { count: number },
): (namespace: string, id: string) => NodeRef {
  return (namespace, id) => {
    const type = NAMESPACE_ID_TYPE[namespace];
    const partyId =
      type === undefined ? undefined : owners.get(`${type}:${id}`.toLowerCase().replace(/\s+/g, ''));
    if (partyId === undefined) return defaultPartyRef(namespace, id);
    mapped.count++;
    return partyNode(partyId);
  };
}

/** Imports a relations file into the book. */
export async function importRelations(
  book: BookStore,
  path: string,
  options: RelationsImportOptions = {},
): Promise<RelationsImportReport> {
  const format = await chooseRelationFormat(path, options.format);
  const mapped = { count: 0 };
  const partyRef =
    format.id === 'relations_csv' ? undefined : partyRefFor(await identifierOwners(book), mapped);
  const edges: RelationEdge[] = [];
  const warnings: ImportWarning[] = [];
  let rowsRead = 0;
  const readOptions = {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(partyRef === undefined ? {} : { partyRef }),
  };
  for await (const event of format.read(path, readOptions)) {
    if (event.type === 'edge') edges.push(event.edge);
    else if (event.type === 'warning') warnings.push(event.warning);
    else rowsRead = event.rowsRead;
  }
  const bad = warnings.filter((w) => w.severity === 'bad_record');
  const total = Math.max(rowsRead, edges.length + bad.length);
  if (edges.length === 0 && bad.length === 0)
    throw new AppError('unusable_file', `${path} holds no relations`, {
      where: path,
      hint: 'check that this is the right file',
    });
  if (bad.length / total > MAX_BAD_ROW_SHARE) {
    throw new AppError(
      'too_many_bad_records',
      `${bad.length} of ${total} records in ${path} are bad (more than ${MAX_BAD_ROW_SHARE * 100} %); nothing was imported`,
      {
        where: `${bad[0]!.file}:${bad[0]!.line}`,
        hint: `first problem: ${bad[0]!.reason}; fix the records listed and import the file again`,
      },
    );
  }
  const done = await book.upsertRelations(
    edges,
    {
      kind: 'relations',
      at: (options.now?.() ?? new Date()).toISOString(),
      sourcePath: path,
      format: format.id,
      rowsRead,
      warnings,
    },
    options.hooks,
  );
  return {
    path,
    format: format.id,
    revision: done.revision,
    rowsRead,
    imported: edges.length,
    added: done.added,
    replaced: done.changed,
    mappedToParties: mapped.count,
    badRows: bad.length,
    warnings,
  };
}
