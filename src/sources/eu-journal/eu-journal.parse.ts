// Bytes → raw rows of the EU annex CSVs (OpenSanctions transcriptions of the annexes of consolidated EU
// Council regulations, one file per regulation named by CELEX number, e.g. 32014R0269.csv). One row is one
// listing in one annex. A folder of such files is read file by file, in name order.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { readListText } from '../common/decode.ts';
import { cell, cellText, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

/** The columns of the annex tables (see the fixture README §5 for their meaning). */
export const EU_JOURNAL_COLUMNS = [
  'celex',
  'recordId',
  'programKey',
  'annex',
  'measure',
  'startDate',
  'reason',
  'schema',
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'country',
  'nationality',
  'jurisdiction',
  'birthDate',
  'birthPlace',
  'position',
  'passportNumber',
  'gender',
  'appearance',
  'ethnicity',
  'fatherName',
  'motherName',
  'incorporationDate',
  'legalForm',
  'sector',
  'registrationNumber',
  'taxNumber',
  'idNumber',
  'innCode',
  'ogrnCode',
  'kppCode',
  'okpoCode',
  'leiCode',
  'swiftBic',
  'ticker',
  'imoNumber',
  'mmsi',
  'flag',
  'address',
  'phone',
  'email',
  'website',
  'notes',
] as const;
export type EuJournalColumn = (typeof EU_JOURNAL_COLUMNS)[number];
const REQUIRED = ['celex', 'recordId', 'annex', 'schema', 'name'] as const;

/** One annex row; absent columns read as ''. */
export type EuJournalRow = Record<EuJournalColumn, string> & { file: string; line: number };

export type EuJournalParseEvent =
  | { type: 'record'; record: EuJournalRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** The CSV files to read: the file itself, or every `*.csv` of a folder in name order. */
export async function euJournalFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const files = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  if (files.length === 0) {
    throw new AppError('unusable_file', `${path} holds no .csv file`, {
      where: path,
      hint: 'point to a folder of EU annex CSVs (e.g. 32014R0269.csv)',
    });
  }
  return files.map((n) => join(path, n));
}

/** Streams the rows of every file; rowsRead counts the rows of all files. */
export async function* parseEuJournal(path: string): AsyncGenerator<EuJournalParseEvent> {
  let rowsRead = 0;
  for (const filePath of await euJournalFiles(path)) {
    const file = basename(filePath);
    const { text } = await readListText(filePath);
    for await (const event of csvTable(text, {
      file,
      required: REQUIRED,
      expected: 'an EU annex CSV (celex, recordId, annex, schema, name, …)',
    })) {
      if (event.type === 'preamble') continue;
      rowsRead++;
      if (event.type === 'warning') yield event;
      else if (cell(event.row, 'name') === '') {
        yield {
          type: 'warning',
          warning: { file, line: event.line, reason: 'row has no name; skipped', severity: 'bad_record' },
        };
      } else yield { type: 'record', record: toRow(file, event.line, event.row) };
    }
  }
  yield { type: 'end', rowsRead };
}

function toRow(file: string, line: number, row: Record<string, string>): EuJournalRow {
  const out = { file, line } as EuJournalRow;
  for (const column of EU_JOURNAL_COLUMNS) out[column] = cellText(row, column);
  return out;
}
