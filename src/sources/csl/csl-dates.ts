// Dates as the CSL prints them: ISO in start_date/end_date; in dates_of_birth OFAC's forms
// "1968-02-11", "1955", "Sep 1970", "circa 1960", "circa 01 Jul 1960".
import { isIsoDate, type IsoDate } from '../../domain/ids.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An ISO (partial) date, or undefined when the text is not one of the known forms. */
export function cslDate(text: string): IsoDate | undefined {
  // "circa" marks an approximate date: the date itself is still the best value to match on.
  const value = text.trim().replace(/^circa\s+/i, '');
  if (isIsoDate(value)) return value as IsoDate;
  const match = /^(?:(\d{1,2}) )?([A-Za-z]{3}) (\d{4})$/.exec(value);
  if (match === null) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const ym = `${match[3]}-${String(month).padStart(2, '0')}`;
  const date = match[1] === undefined ? ym : `${ym}-${match[1].padStart(2, '0')}`;
  return isIsoDate(date) ? (date as IsoDate) : undefined;
}
