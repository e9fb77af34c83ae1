// Test helper: the primary names of the real OFAC SDN list (data/us_ofac/sdn_csv/sdn.csv), read
// here with csv-parse so src/text tests do not depend on src/sources.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const FILE = new URL('../../data/us_ofac/sdn_csv/sdn.csv', import.meta.url);

/** [ent_num, SDN_Name, SDN_Type] rows; the file's final 0x1A byte row is dropped (no ent_num). */
export function sdnRows(): [string, string, string][] {
  const rows = parse(readFileSync(FILE, 'latin1'), { relax_column_count: true, relax_quotes: true }) as string[][];
  return rows.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => [r[0] as string, r[1] as string, (r[2] ?? '').trim()]);
}
