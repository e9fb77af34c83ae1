// XLSX tables, streamed with exceljs's WorkbookReader: the first worksheet, header in row 1, empty rows
// skipped. The workbook's shared-string table is held in memory (the format keeps every distinct text of the
// workbook in one table), so memory follows the distinct texts, bounded by the sheet limit of 1,048,576 rows.
import ExcelJS from 'exceljs';
import { AppError } from '../domain/errors.ts';
import { fileBytes } from './bytes.ts';
import { columnKey, rowOf } from './cells.ts';
import type { ReadTableOptions, TableEvent } from './types.ts';

/** Text of an exceljs cell value (string, number, date, rich text, formula result, hyperlink). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(v.richText))
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (v.text !== undefined) return cellText(v.text);
  return cellText(v.result);
}

export async function* xlsxTable(path: string, options: ReadTableOptions): AsyncGenerator<TableEvent> {
  const bytes = fileBytes(path, options);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are told from numbers by their cell style
    worksheets: 'emit',
    entries: 'ignore',
  });
  let header: string[] | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based (index 0 is empty).
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (header === undefined) {
          header = values.map(columnKey);
          yield { type: 'header', columns: header };
        } else if (values.some((v) => v !== ''))
          yield { type: 'row', row: rowOf(row.number, header, values) };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unusable_file', `${path} is not a readable XLSX workbook`, {
      where: path,
      hint: 'save the sheet as .xlsx (Excel 2007+), or export it as CSV',
      cause: error,
    });
  } finally {
    bytes.destroy(); // only the first sheet is read: close the file
  }
  if (header === undefined)
    throw new AppError('unusable_file', `${path} has no worksheet with rows`, {
      where: path,
      hint: 'the first worksheet must start with a header row',
    });
}
