// Bytes → raw rows of the FCDO "UK Sanctions List" CSV (which replaced OFSI's consolidated list on
// 2026-01-28). Layout as published by the FCDO (gov.uk "The UK Sanctions List", CSV download): a first line
// `Report Date: DD-Mon-YYYY`, then a header of 58 columns (Last Updated, Unique ID, OFSI Group ID,
// UN Reference Number, Name 6, Name 1 … Name 5, Name type, Alias strength, …, Hull identification number
// (HIN)), then one row per name (and per address) of a designation, rows of one designation sharing
// `Unique ID`. UNVERIFIED on a real file: no copy of the published CSV was available; the layout was taken
// from public parsers and a line quoted from the 8 October 2026 file (docs/design/sources-core-b2.md).
import { basename } from 'node:path';
import type { IsoDate } from '../../domain/ids.ts';
import { readListText } from '../common/decode.ts';
import { csvTable } from '../common/csv-table.ts';
import { makeDate } from '../common/list-dates.ts';
import type { ImportWarning } from '../types.ts';

export const FCDO_REQUIRED = ['Unique ID', 'Name 6', 'Name type', 'Regime Name', 'Designation Type'] as const;

export interface FcdoRow {
  file: string;
  line: number;
  /** Non-empty values keyed by column name. */
  cells: Record<string, string>;
}

export type FcdoParseEvent =
  | { type: 'asOf'; date: IsoDate }
  | { type: 'record'; record: FcdoRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Report Date: 13-Feb-2026` → 2026-02-13. */
export function reportDate(line: string): IsoDate | undefined {
  const m = /^Report Date:\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})/i.exec(line.trim());
  if (m === null) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return month === 0 ? undefined : makeDate(Number(m[3]), month, Number(m[1]));
}

/** Streams the rows; a row without Unique ID is a bad_record warning. */
export async function* parseFcdoCsv(path: string): AsyncGenerator<FcdoParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  const hasReportLine = /^Report Date:/i.test(text);
  let rowsRead = 0;
  const table = csvTable(text, { file, required: FCDO_REQUIRED, preambleRows: hasReportLine ? 1 : 0, expected: 'the FCDO UK Sanctions List CSV' });
  for await (const event of table) {
    if (event.type === 'preamble') {
      const date = reportDate(event.fields.join(','));
      if (date !== undefined) yield { type: 'asOf', date };
      continue;
    }
    rowsRead++;
    if (event.type === 'warning') yield event;
    else if ((event.row['Unique ID'] ?? '') === '') {
      yield { type: 'warning', warning: { file, line: event.line, reason: 'row has no Unique ID; skipped', severity: 'bad_record' } };
    } else yield { type: 'record', record: { file, line: event.line, cells: nonEmpty(event.row) } };
  }
  yield { type: 'end', rowsRead };
}

function nonEmpty(row: Record<string, string>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (v !== '') cells[k] = v.replace(/\s+/g, ' ');
  return cells;
}
