// `--every 1h`: runs a job now and then again after each interval, until stopped — never two at once, and the next
// run is timed from the end of the last one, so a slow download never piles runs up. A failed run is reported and
// the schedule goes on (the lists keep their last good version; the next run retries).
import { AppError } from '../domain/errors.ts';

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Shortest interval: the official lists change at most a few times a day; a tighter loop only loads their servers. */
export const MIN_INTERVAL_MS = 60_000;

/** "90s", "15m", "1h", "1d" → milliseconds (at least `min`). */
export function parseEvery(text: string, min = MIN_INTERVAL_MS): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(text);
  if (m === null)
    throw new AppError('usage', `--every takes a duration such as 30m, 1h or 1d, got "${text}"`, {
      hint: 'units: s, m, h, d',
    });
  const ms = Math.round(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
  if (ms < min)
    throw new AppError('usage', `--every ${text} is shorter than ${min / 1000} s`, {
      hint: 'use 15m or more',
    });
  return ms;
}

export interface ScheduleOptions {
  intervalMs: number;
  /** Resolves when the schedule should stop (a signal); the current run finishes first. */
  stop: Promise<unknown>;
  onError: (error: unknown) => void;
  /** Called before each wait with the time of the next run. */
  onWait?: (next: Date) => void;
}

/** Runs `job` at once and then every interval until `stop` resolves; returns the number of runs. */
export async function runEvery(job: () => Promise<unknown>, options: ScheduleOptions): Promise<number> {
  let stopped = false;
  void options.stop.then(() => (stopped = true));
  let runs = 0;
  while (!stopped) {
    try {
      await job();
    } catch (error) {
      options.onError(error);
    }
    runs++;
    if (stopped) break;
    options.onWait?.(new Date(Date.now() + options.intervalMs));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((resolve) => (timer = setTimeout(resolve, options.intervalMs))),
      options.stop,
    ]);
    clearTimeout(timer);
  }
  return runs;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}
