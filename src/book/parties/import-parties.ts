// `embargo parties import <file>`: read a book file, validate every row, and upsert the valid parties by party_id
// in one transaction — like a list import (docs/contracts.md "Import safety"): bad rows are reported with line and
// reason, and the whole file is refused (nothing written) when more than 1 % of its rows are bad.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import type { ImportWarning } from '../../sources/types.ts';
import type { BookStore, BookWriteHooks, PartyRecord } from '../../store/index.ts';
import { missingColumns, partyFromRow } from './party-row.ts';
import { readTable, tableFormatOf, type TableFormat } from '../../tables/index.ts';

/** Share of bad rows above which a file is refused (the same limit as list imports). */
export const MAX_BAD_ROW_SHARE = 0.01;

export interface BookImportOptions {
  /** csv | xlsx | jsonl (default: from the extension). */
  format?: string;
  hooks?: BookWriteHooks;
  /** Clock, for reproducible tests. */
  now?: () => Date;
}

export interface PartiesImportReport {
  path: string;
  format: TableFormat;
  revision: number;
  rowsRead: number;
  /** Valid rows written (added + changed + unchanged). */
  imported: number;
  added: number;
  changed: number;
  unchanged: number;
  badRows: number;
  warnings: ImportWarning[];
}

interface ReadParties {
  parties: PartyRecord[];
  warnings: ImportWarning[];
  rowsRead: number;
}

async function readParties(path: string, format: TableFormat): Promise<ReadParties> {
  const file = basename(path);
  const out: ReadParties = { parties: [], warnings: [], rowsRead: 0 };
  const firstLine = new Map<string, number>();
  const bad = (line: number, reason: string): void =>
    void out.warnings.push({ file, line, reason, severity: 'bad_record' });
  for await (const event of readTable(path, format)) {
    if (event.type === 'header') {
      const missing = missingColumns(new Set(event.columns));
      if (missing.length > 0) {
        throw new AppError('unusable_file', `${path}: the header has no ${missing.join(' or ')} column`, {
          where: `${path}:1`,
          hint: `a book file's header names the columns party_id,name,schema,country,address,id,roles (found: ${event.columns.join(',')})`,
        });
      }
      continue;
    }
    out.rowsRead++;
    if (event.type === 'problem') {
      bad(event.line, event.reason);
      continue;
    }
    const result = partyFromRow(event.row);
    if (!result.ok) {
      bad(event.row.line, result.reason);
      continue;
    }
    const first = firstLine.get(result.party.partyId);
    if (first !== undefined) {
      bad(
        event.row.line,
        `party_id ${result.party.partyId} already appears on line ${first}; this row is ignored`,
      );
      continue;
    }
    firstLine.set(result.party.partyId, event.row.line);
    out.parties.push(result.party);
  }
  return out;
}

function checkBadRows(path: string, read: ReadParties): void {
  const bad = read.warnings.length;
  if (read.rowsRead === 0)
    throw new AppError('unusable_file', `${path} holds no parties`, {
      where: path,
      hint: 'check that this is the right file',
    });
  if (bad / read.rowsRead > MAX_BAD_ROW_SHARE) {
    const first = read.warnings[0]!;
    throw new AppError(
      'too_many_bad_records',
      `${bad} of ${read.rowsRead} rows in ${path} are bad (more than ${MAX_BAD_ROW_SHARE * 100} %); nothing was imported`,
      {
        where: `${first.file}:${first.line}`,
        hint: `first problem: ${first.reason}; fix the rows listed and import the file again`,
      },
    );
  }
}

/** Imports a parties file into the book (one transaction; refused as a whole when more than 1 % of rows are bad). */
export async function importParties(
  book: BookStore,
  path: string,
  options: BookImportOptions = {},
): Promise<PartiesImportReport> {
  const format = tableFormatOf(path, options.format);
  const read = await readParties(path, format);
  checkBadRows(path, read);
  const done = await book.upsertParties(
    read.parties,
    {
      kind: 'parties',
      at: (options.now?.() ?? new Date()).toISOString(),
      sourcePath: path,
      format: `parties_${format}`,
      rowsRead: read.rowsRead,
      warnings: read.warnings,
    },
    options.hooks,
  );
  return {
    path,
    format,
    revision: done.revision,
    rowsRead: read.rowsRead,
    imported: read.parties.length,
    added: done.added,
    changed: done.changed,
    unchanged: done.unchanged,
    badRows: read.warnings.length,
    warnings: read.warnings,
  };
}
