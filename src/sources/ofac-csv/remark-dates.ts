// Dates as OFAC prints them in remarks: "12 Jan 1960", "Jan 1960", "1960", "circa 1955", "1960 to 1962",
// "01 Jan 1961 to 31 Dec 1962", "circa 1979-1982" (OFAC SDN data specification, dat_spec.txt, "Remarks").
import { isoDate, type IsoDate } from '../../domain/ids.ts';

// prettier-ignore
const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * A range of whole years is expanded to every year in it, up to this many years; a wider range keeps
 * only its two ends. OFAC writes "DOB 1951 to 1953" when it believes the person was born in one of those
 * years, so each year is an equally good birth date for matching; 10 years covers every range in the
 * bundled lists (widest: 1977 to 1985, 9 years) without letting a stray "1900 to 2000" flood the index.
 */
export const MAX_EXPANDED_YEARS = 10;

/** One date at its printed precision: "12 Jan 1960" → 1960-01-12, "Jan 1960" → 1960-01, "1960" → 1960. */
export function parseOfacDate(text: string): IsoDate | undefined {
  const t = text.trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m !== null) return build(m[3], monthNumber(m[2]), m[1].padStart(2, '0'));
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m !== null) return build(m[2], monthNumber(m[1]));
  m = /^(\d{4})$/.exec(t);
  if (m !== null) return build(m[1]);
  return undefined;
}

/** Month number, or null for a word that is not a month (so "Foo 1960" is unreadable, not 1960). */
function monthNumber(name: string): string | null {
  return MONTHS[name.toLowerCase()] ?? null;
}

function build(year: string, month?: string | null, day?: string): IsoDate | undefined {
  if (month === null) return undefined;
  const value = [year, month, day].filter((p) => p !== undefined).join('-');
  try {
    return isoDate(value);
  } catch {
    // isoDate rejects impossible values such as day 32; the caller reports the segment as unreadable.
    return undefined;
  }
}

/**
 * A date, an approximate date or a range → the dates to hold; undefined when unreadable.
 * "circa X" → X (the matcher's own tolerance handles the approximation). A range of whole years
 * ("1960 to 1962", "circa 1979-1982", "01 Jan 1961 to 31 Dec 1962") → each year; any other range
 * ("Mar 1962 to Feb 1963") → both ends at their printed precision.
 */
export function parseOfacDateSpan(text: string): IsoDate[] | undefined {
  const t = text.trim().replace(/^circa\s+/i, '');
  const range = /^(.+?)\s+to\s+(.+)$/.exec(t) ?? /^(\d{4})\s*-\s*(\d{4})$/.exec(t);
  if (range === null) {
    const single = parseOfacDate(t);
    return single === undefined ? undefined : [single];
  }
  const from = parseOfacDate(range[1]);
  const to = parseOfacDate(range[2]);
  if (from === undefined || to === undefined || to < from) return undefined;
  return expandYears(from, to) ?? [from, to];
}

/** Every year from..to when both ends are whole years (YYYY, or 01 Jan … 31 Dec) and the span is short. */
function expandYears(from: IsoDate, to: IsoDate): IsoDate[] | undefined {
  const startsYear = from.length === 4 || from.endsWith('-01-01');
  const endsYear = to.length === 4 || to.endsWith('-12-31');
  if (!startsYear || !endsYear) return undefined;
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  if (last - first + 1 > MAX_EXPANDED_YEARS) return undefined;
  const years: IsoDate[] = [];
  for (let y = first; y <= last; y++) years.push(isoDate(String(y)));
  return years;
}
