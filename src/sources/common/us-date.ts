// US-style month/day/year dates as US government list files print them: "06/19/2003" (BIS DPL),
// "3/5/2002" (State ITAR), "12/17/2014" (OFAC XML Publish_Date), "7/30/03" (two-digit years in citations).
import type { IsoDate } from '../../domain/ids.ts';
import { makeDate } from './list-dates.ts';

/**
 * `MM/DD/YYYY` or `M/D/YY` → ISO date; undefined for anything else or an impossible date. Two-digit years
 * are read as 19YY from 50 up and 20YY below (the lists start in the 1980s and print 4-digit years since).
 */
export function usDate(text: string): IsoDate | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text.trim());
  if (m === null) return undefined;
  const year = m[3]!.length === 2 ? (Number(m[3]) >= 50 ? 1900 : 2000) + Number(m[3]) : Number(m[3]);
  return makeDate(year, Number(m[1]), Number(m[2]));
}
