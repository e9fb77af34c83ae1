// SDN_ADVANCED dates are periods (Start From/To, End From/To) even for a plain birth date; the precision
// OFAC meant is read back from the period's shape, as OFAC prints it in its other formats:
//   1962-01-01 … 1962-12-31 → "1962" (DOB 1962)         1962-03-01 … 1962-03-31 → "1962-03" (DOB Mar 1962)
//   1962-03-05 … 1962-03-05 → "1962-03-05"              1960-01-01 … 1962-12-31 → 1960, 1961, 1962 (DOB 1960 to 1962)
// Any other range gives its two ends, as the legacy CSV format does (ofac-csv/remark-dates.ts, MAX_EXPANDED_YEARS exported by ofac-csv/index.ts).
import type { IsoDate } from '../../domain/ids.ts';
import { makeDate } from '../common/list-dates.ts';
import { MAX_EXPANDED_YEARS } from '../ofac-csv/index.ts';
import type { AdvancedPeriod } from './ofac-advanced.parse.ts';

/** [year, month, day] of a full ISO date that exists in the calendar. */
function calendarDate(text: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const parts: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return makeDate(...parts) === undefined ? undefined : parts;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates a period stands for; [] when either end is not a calendar date. */
export function periodDates({ from, to }: AdvancedPeriod): IsoDate[] {
  const start = calendarDate(from);
  const end = calendarDate(to);
  if (start === undefined || end === undefined) return [];
  if (from === to) return [from as IsoDate];
  const [fy, fm, fd] = start;
  const [ty, tm, td] = end;
  const wholeYears = fm === 1 && fd === 1 && tm === 12 && td === 31;
  if (wholeYears && ty >= fy && ty - fy < MAX_EXPANDED_YEARS) {
    return Array.from({ length: ty - fy + 1 }, (_, i) => String(fy + i) as IsoDate);
  }
  if (fy === ty && fm === tm && fd === 1 && td === lastDayOfMonth(ty, tm))
    return [from.slice(0, 7) as IsoDate];
  return [from as IsoDate, to as IsoDate];
}
