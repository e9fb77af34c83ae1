// Dates as day numbers (days since 1970-01-01), so that validity checks on a million edges are integer compares.
// Partial dates (YYYY, YYYY-MM) are widened the cautious way for each end: a start "2025" means from
// 2025-01-01; an end "2025" means until the end of 2025 (exclusive 2026-01-01).
import { AppError } from '../domain/errors.ts';
import { isIsoDate } from '../domain/ids.ts';

/** Before any real date / after any real date. */
export const NO_START = -1_000_000;
export const NO_END = 1_000_000;

const MS_PER_DAY = 86_400_000;

function parts(date: string): [number, number | undefined, number | undefined] {
  if (!isIsoDate(date)) {
    throw new AppError('invalid_date', `"${date}" is not a date`, {
      hint: 'use YYYY, YYYY-MM or YYYY-MM-DD',
    });
  }
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m, d];
}

/** The first day a (possibly partial) date covers. */
export function startDay(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY;
}

/** The first day after the period a (possibly partial) date covers; a full date D gives D + 1. */
export function endDayAfter(date: string): number {
  const [y, m, d] = parts(date);
  if (d !== undefined) return Date.UTC(y, m! - 1, d + 1) / MS_PER_DAY;
  if (m !== undefined) return Date.UTC(y, m, 1) / MS_PER_DAY;
  return Date.UTC(y + 1, 0, 1) / MS_PER_DAY;
}

/** An exclusive end date ("valid to", "window to") as a day number: the day itself is outside. */
export function exclusiveEndDay(date: string): number {
  const [, m, d] = parts(date);
  // A partial exclusive end ("to 2026") is read as "until the end of 2026".
  return m !== undefined && d !== undefined ? startDay(date) : endDayAfter(date);
}

/** The screening date: a full YYYY-MM-DD. */
export function screeningDay(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isIsoDate(date)) {
    throw new AppError('invalid_date', `screening date "${date}" is not a full date`, {
      hint: 'use YYYY-MM-DD',
    });
  }
  return startDay(date);
}

/** Day number back to YYYY-MM-DD. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
