// Bytes → raw rows of the FCC Covered List (Secure and Trusted Communications Networks Act of 2019, 47 U.S.C.
// §1601; 47 CFR §1.50002) as scraped by OpenSanctions: `covered_equipment_or_services,
// date_of_inclusion_on_covered_list`. Each row describes equipment or services, not a party: the parties
// are the producers/providers named inside the text (fcc-covered.parties.ts).
import { basename } from 'node:path';
import { readListText } from '../common/decode.ts';
import { cell, csvTable } from '../common/csv-table.ts';
import type { ImportWarning } from '../types.ts';

export const FCC_COLUMNS = ['covered_equipment_or_services', 'date_of_inclusion_on_covered_list'] as const;

export interface FccRow {
  file: string;
  line: number;
  /** The covered equipment or services, as printed. */
  text: string;
  /** The inclusion date cell, as printed (may carry "Updated:" dates). */
  date: string;
}

export type FccParseEvent =
  | { type: 'record'; record: FccRow }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

/** Streams the rows; an empty description is a bad_record warning. */
export async function* parseFccCovered(path: string): AsyncGenerator<FccParseEvent> {
  const file = basename(path);
  const { text } = await readListText(path);
  let rowsRead = 0;
  for await (const event of csvTable(text, { file, required: FCC_COLUMNS, expected: 'the FCC Covered List table' })) {
    if (event.type === 'preamble') continue;
    rowsRead++;
    if (event.type === 'warning') {
      yield event;
      continue;
    }
    const record: FccRow = {
      file,
      line: event.line,
      text: cell(event.row, FCC_COLUMNS[0]).replace(/\s+/g, ' '),
      date: cell(event.row, FCC_COLUMNS[1]).replace(/\s+/g, ' '),
    };
    if (record.text === '') yield { type: 'warning', warning: { file, line: event.line, reason: 'row describes no equipment or service; skipped', severity: 'bad_record' } };
    else yield { type: 'record', record };
  }
  yield { type: 'end', rowsRead };
}
