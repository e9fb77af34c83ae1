// The monitor's cursor: the list versions and the book revision its alerts reflect, and the screening date. It is
// written in the same transaction as the alerts, so a run either moves it and its alerts together or neither.
import type { MonitorStore } from '../store/index.ts';

export interface MonitorCursor {
  /** list id → version the alerts reflect. */
  lists: Record<string, number>;
  bookRevision: number;
  /** Screening date of the last run (rules in force that day). */
  date: string;
  at: string;
}

export const CURSOR_SETTING = 'cursor';

export async function readCursor(store: MonitorStore): Promise<MonitorCursor | undefined> {
  const value = await store.setting(CURSOR_SETTING);
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  return value as MonitorCursor;
}
