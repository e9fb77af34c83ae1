// Bytes → raw rows of the BIS Denied Persons List (https://www.bis.gov/dpl): a tab-separated file, every field
// double-quoted, one header row: Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
// Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation (dates MM/DD/YYYY, Last_Update ISO).
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { readListText } from '../common/decode.ts';
import { csvRows, headerIndex } from '../common/csv.ts';
import type { TableRecordEvent } from '../common/table-records.ts';
import type { ImportWarning } from '../types.ts';

export const DPL_COLUMNS = [
  'Name',
  'Street_Address',
  'City',
  'State',
  'Country',
  'Postal_Code',
  'Effective_Date',
  'Expiration_Date',
  'Standard_Order',
  'Last_Update',
  'Action',
  'FR_Citation',
] as const;

/** One row as printed (values trimmed: the file pads some names, e.g. " I. ASH"). */
export interface DplRow {
  name: string;
  street: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  effectiveDate: string;
  expirationDate: string;
  standardOrder: string;
  lastUpdate: string;
  action: string;
  frCitation: string;
}

export type DplParseEvent = TableRecordEvent<DplRow>;

const KEYS: readonly (keyof DplRow)[] = [
  'name',
  'street',
  'city',
  'state',
  'country',
  'postalCode',
  'effectiveDate',
  'expirationDate',
  'standardOrder',
  'lastUpdate',
  'action',
  'frCitation',
];

/** Streams the rows; a row with another field count or without a name is a bad_record warning. */
export async function* parseDpl(path: string): AsyncGenerator<DplParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  const errors: ImportWarning[] = [];
  const onError = (line: number, reason: string): void => {
    errors.push({ file, line, reason: `unreadable row (${reason}); skipped`, severity: 'bad_record' });
  };
  let columns: number[] | undefined;
  let width = 0;
  let rowsRead = 0;
  for await (const { line, fields } of csvRows(text, { delimiter: '\t' }, onError)) {
    if (columns === undefined) {
      columns = headerColumns(fields, file);
      width = fields.length;
      continue;
    }
    rowsRead++;
    const bad =
      fields.length !== width
        ? `row has ${fields.length} fields but the header has ${width}; skipped (damaged quoting or a cut line)`
        : (fields[columns[0]!] ?? '').trim() === ''
          ? 'row has no Name; skipped'
          : undefined;
    if (bad !== undefined)
      yield { type: 'warning', warning: { file, line, reason: bad, severity: 'bad_record' } };
    else yield { type: 'record', line, record: toRow(fields, columns) };
  }
  if (columns === undefined) throw notDpl(file, 'the file is empty');
  for (const warning of errors) yield { type: 'warning', warning };
  yield { type: 'end', rowsRead: rowsRead + errors.length };
}

function toRow(fields: string[], columns: number[]): DplRow {
  const row = {} as DplRow;
  KEYS.forEach((key, i) => (row[key] = (fields[columns[i]!] ?? '').replace(/\s+/g, ' ').trim()));
  return row;
}

/** Column positions in DPL_COLUMNS order; throws unusable_file when one is missing. */
function headerColumns(fields: string[], file: string): number[] {
  const index = headerIndex(fields);
  const missing = DPL_COLUMNS.filter((c) => !index.has(c.toLowerCase()));
  if (missing.length > 0) throw notDpl(file, `the header lacks column(s) ${missing.join(', ')}`);
  return DPL_COLUMNS.map((c) => index.get(c.toLowerCase())!);
}

function notDpl(file: string, why: string): AppError {
  return new AppError('unusable_file', `${file} is not a BIS Denied Persons List (dpl.txt): ${why}`, {
    where: file,
    hint: `expected a tab-separated header row ${DPL_COLUMNS.join(', ')}; check the file or choose another --format`,
  });
}
