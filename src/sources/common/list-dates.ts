// Dates as list files print them → ISO dates (full or partial). Every parser returns undefined for text it
// does not recognise, so callers can report the cell; none guesses a day or month that is not printed.
import type { IsoDate } from '../../domain/ids.ts';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Builds YYYY[-MM[-DD]] after checking the calendar (no 31 April, 29 February only in leap years). */
export function makeDate(year: number, month?: number, day?: number): IsoDate | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return undefined;
  if (month === undefined) return String(year) as IsoDate;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}` as IsoDate;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > last) return undefined;
  return `${year}-${pad(month)}-${pad(day)}` as IsoDate;
}

/** Two-digit years (PRC lists print `16.02.23`) are read as 20YY: every such list entry is from 2000 on. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** `17.3.2014`, `02.12.2019`, `16.02.23`, `7.8. 1978` (day.month.year, the EU and PRC convention). */
export function dottedDate(text: string): IsoDate | undefined {
  // A stray space after a dot or instead of the last dot occurs in transcriptions ("7.8. 1978", "28.01 1966").
  const m = /^(\d{1,2})\.\s?(\d{1,2})(?:\.\s?|\s)(\d{4}|\d{2})\.?$/.exec(text.trim());
  return m === null ? undefined : makeDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
}

/**
 * `07/10/1952` day/month/year (UK lists). UK lists write unknown parts as `00`: `00/00/1975` → 1975,
 * `00/05/1975` → 1975-05.
 */
export function slashDate(text: string): IsoDate | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (m === null) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month === 0) return day === 0 ? makeDate(year) : undefined;
  return makeDate(year, month, day === 0 ? undefined : day);
}

/** `March 12, 2021`, `12 March 2021`, `March 2021`, `January 1958`, `4 October 1983`. */
export function monthNameDate(text: string): IsoDate | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const us = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (us !== null) return withMonth(us[1]!, Number(us[3]), Number(us[2]));
  const eu = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(t);
  if (eu !== null) return withMonth(eu[2]!, Number(eu[3]), Number(eu[1]));
  const my = /^([A-Za-z]+)\.? (\d{4})$/.exec(t);
  if (my !== null) return withMonth(my[1]!, Number(my[2]));
  return undefined;
}

function withMonth(name: string, year: number, day?: number): IsoDate | undefined {
  const month = MONTHS[name.toLowerCase()];
  return month === undefined ? undefined : makeDate(year, month, day);
}

/** `2026-07-23`, `2026-07`, `2026` (ISO, full or partial). */
export function isoLikeDate(text: string): IsoDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (m === null) return undefined;
  return makeDate(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/** Any of the formats above (ISO first); undefined when none fits. */
export function anyListDate(text: string): IsoDate | undefined {
  return isoLikeDate(text) ?? dottedDate(text) ?? monthNameDate(text) ?? slashDate(text);
}
