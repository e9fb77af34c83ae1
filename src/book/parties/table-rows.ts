// A book file as rows of named cells, whatever the container: CSV (header row), XLSX (first worksheet, header
// row 1) or JSON lines (one object per line). A column may repeat (`id,id,id`) and a JSON value may be an array:
// every cell is a list of values. Unreadable records become problems with their line; only a file that cannot be
// read at all (missing, no header, not JSON lines) throws.
import ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { AppError } from '../../domain/errors.ts';
import { csvRows } from '../../sources/common/csv.ts';
import { readListText } from '../../sources/common/decode.ts';

export type TableFormat = 'csv' | 'xlsx' | 'jsonl';

export interface TableRow {
  /** 1-based line (CSV, JSON lines) or sheet row (XLSX). */
  line: number;
  cells: Map<string, string[]>;
}

export type TableEvent =
  | { type: 'header'; columns: string[] }
  | { type: 'row'; row: TableRow }
  | { type: 'problem'; line: number; reason: string };

/** The container of a book file, from its extension (`.csv`, `.txt`, `.xlsx`, `.jsonl`, `.ndjson`, `.json`). */
export function tableFormatOf(path: string, override?: string): TableFormat {
  const ext = (override ?? extname(path).slice(1)).toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  throw new AppError('unknown_format', `cannot tell the format of ${path}`, {
    where: path,
    hint: 'name the file .csv, .xlsx or .jsonl, or pass --format csv|xlsx|jsonl',
  });
}

function columnKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

function rowOf(line: number, header: readonly string[], fields: readonly string[]): TableRow {
  const cells = new Map<string, string[]>();
  header.forEach((h, i) => {
    const value = (fields[i] ?? '').trim();
    if (h === '' || value === '') return;
    const list = cells.get(h);
    if (list === undefined) cells.set(h, [value]);
    else list.push(value);
  });
  return { line, cells };
}

async function* csvTable(path: string): AsyncGenerator<TableEvent> {
  const { text } = await readListText(path);
  const problems: TableEvent[] = [];
  let header: string[] | undefined;
  for await (const r of csvRows(text, {}, (line, reason) =>
    problems.push({ type: 'problem', line, reason }),
  )) {
    if (header === undefined) {
      header = r.fields.map(columnKey);
      yield { type: 'header', columns: header };
    } else yield { type: 'row', row: rowOf(r.line, header, r.fields) };
  }
  yield* problems;
  if (header === undefined)
    throw new AppError('unusable_file', `${path} is empty`, {
      where: path,
      hint: 'a book file starts with a header row: party_id,name,schema,country,address,id,roles',
    });
}

/** Text of an exceljs cell value (string, number, date, rich text, formula result, hyperlink). */
function cellText(value: unknown): string {
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

async function* xlsxTable(path: string): AsyncGenerator<TableEvent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new AppError('unusable_file', `${path} is not a readable XLSX workbook`, {
      where: path,
      hint: 'save the sheet as .xlsx (Excel 2007+), or export it as CSV',
      cause: error,
    });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined || sheet.rowCount === 0)
    throw new AppError('unusable_file', `${path} has no worksheet with rows`, { where: path });
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => columnKey(cellText(v)));
  yield { type: 'header', columns: header };
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).slice(1).map(cellText);
    if (values.every((v) => v === '')) continue;
    yield { type: 'row', row: rowOf(n, header, values) };
  }
}

function jsonCells(line: number, value: unknown): TableEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { type: 'problem', line, reason: 'the line is not a JSON object' };
  const cells = new Map<string, string[]>();
  for (const [key, v] of Object.entries(value)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '');
    if (list.some((x) => typeof x === 'object'))
      return {
        type: 'problem',
        line,
        reason: `field ${key} holds an object; give a string or an array of strings`,
      };
    if (list.length > 0)
      cells.set(
        columnKey(key),
        list.map((x) => String(x).trim()),
      );
  }
  return { type: 'row', row: { line, cells } };
}

async function* jsonlTable(path: string): AsyncGenerator<TableEvent> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let parsed = 0;
  try {
    for await (const text of lines) {
      n++;
      const t = n === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (t === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(t);
        parsed++;
      } catch {
        yield { type: 'problem', line: n, reason: 'the line is not valid JSON' };
        continue;
      }
      yield jsonCells(n, value);
    }
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      hint: 'check the path and that the file is readable',
      cause: error,
    });
  }
  if (parsed === 0 && n > 0)
    throw new AppError('unusable_file', `${path} holds no JSON lines`, {
      where: path,
      hint: 'write one JSON object per line',
    });
}

/** Streams the rows of a book file. */
export function readTable(path: string, format: TableFormat): AsyncIterable<TableEvent> {
  if (format === 'csv') return csvTable(path);
  if (format === 'xlsx') return xlsxTable(path);
  return jsonlTable(path);
}
