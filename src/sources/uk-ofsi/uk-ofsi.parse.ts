// Bytes → raw rows of OFSI's "Consolidated List of Financial Sanctions Targets" XLSX download (single sheet:
// row 1 `Last Updated | DD/MM/YYYY`, row 2 the 36 column headers, then one row per name variant of a
// designation, rows of one designation sharing `Group ID`). Read with exceljs's streaming WorkbookReader.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/ids.ts';
import { slashDate } from '../common/list-dates.ts';
import type { ImportWarning } from '../types.ts';
import { stripDataDescriptors } from './zip-descriptors.ts';

/** Columns a row must have to be read (the rest are read when present). */
export const OFSI_REQUIRED = ['Name 6', 'Group Type', 'Alias Type', 'Regime', 'Group ID'] as const;

/** One sheet row: trimmed cell texts keyed by header, and the sheet row number. */
export interface OfsiRow {
  file: string;
  line: number;
  cells: Record<string, string>;
}

export type OfsiParseEvent =
  | { type: 'asOf'; date: IsoDate }
  | { type: 'record'; record: OfsiRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Text of an exceljs cell value (string, number, date, rich text, formula result, hyperlink). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(v.richText)) return cellText(v.richText.map((r) => r.text).join(''));
  if (v.text !== undefined) return cellText(v.text);
  return cellText(v.result);
}

/** Streams the rows of the first worksheet (row 1 → asOf, row 2 → header). */
export async function* parseOfsiXlsx(path: string): AsyncGenerator<OfsiParseEvent> {
  const file = basename(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([await zipBytes(path)]), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let header: string[] | undefined;
  let rowsRead = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).map(cellText);
        if (row.number === 1) {
          const asOf = slashDate(values[2] ?? '');
          if (/^last updated$/i.test(values[1] ?? '') && asOf !== undefined) yield { type: 'asOf', date: asOf };
        } else if (header === undefined) header = checkHeader(file, row.number, values);
        else {
          rowsRead++;
          yield rowEvent(file, row.number, header, values);
        }
      }
      break; // the list is the first sheet
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unusable_file', `cannot read ${file} as an XLSX workbook`, { where: path, hint: 'check that the file is the OFSI consolidated list in XLSX format', cause: error });
  }
  if (header === undefined) checkHeader(file, 2, []);
  yield { type: 'end', rowsRead };
}

async function zipBytes(path: string): Promise<Buffer> {
  try {
    return stripDataDescriptors(await readFile(path));
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, { where: path, hint: 'check the path and that the file is readable', cause: error });
  }
}

function checkHeader(file: string, line: number, values: string[]): string[] {
  const missing = OFSI_REQUIRED.filter((c) => !values.includes(c));
  if (missing.length > 0) {
    throw new AppError('unusable_file', `${file} is not the OFSI consolidated list: row ${line} lacks column(s) ${missing.join(', ')}`, {
      where: `${file} row ${line}`,
      hint: 'expected row 1 "Last Updated | DD/MM/YYYY" and row 2 the column headers (Name 6, Name 1 … Group ID)',
    });
  }
  return values;
}

function rowEvent(file: string, line: number, header: string[], values: string[]): OfsiParseEvent {
  const cells: Record<string, string> = {};
  header.forEach((name, i) => {
    if (name !== '' && values[i] !== undefined && values[i] !== '') cells[name] = values[i]!;
  });
  if ((cells['Group ID'] ?? '') === '') {
    return { type: 'warning', warning: { file, line, reason: 'row has no Group ID; skipped', severity: 'bad_record' } };
  }
  return { type: 'record', record: { file, line, cells } };
}
