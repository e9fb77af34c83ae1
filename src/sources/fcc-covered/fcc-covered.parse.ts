// Bytes → raw rows of the FCC Covered List (Secure and Trusted Communications Networks Act of 2019, 47 U.S.C.
// §1601; 47 CFR §1.50002) as scraped by OpenSanctions: `covered_equipment_or_services,
// date_of_inclusion_on_covered_list`. Each row describes equipment or services, not a party: the parties
// are the producers/providers named inside the text (fcc-covered.parties.ts).
import { cellText } from '../common/csv-table.ts';
import { readTableRecords, type TableRecordEvent } from '../common/table-records.ts';

export const FCC_COLUMNS = ['covered_equipment_or_services', 'date_of_inclusion_on_covered_list'] as const;

export interface FccRow {
  file: string;
  line: number;
  /** The covered equipment or services, as printed. */
  text: string;
  /** The inclusion date cell, as printed (may carry "Updated:" dates). */
  date: string;
}

export type FccParseEvent = TableRecordEvent<FccRow>;

/** Streams the rows; an empty description is a bad_record warning. */
export function parseFccCovered(path: string): AsyncGenerator<FccParseEvent> {
  return readTableRecords(path, {
    required: FCC_COLUMNS,
    expected: 'the FCC Covered List table',
    toRecord: (row, { file, line }) => ({
      file,
      line,
      text: cellText(row, FCC_COLUMNS[0]),
      date: cellText(row, FCC_COLUMNS[1]),
    }),
    problem: (r) => (r.text === '' ? 'row describes no equipment or service; skipped' : undefined),
  });
}
