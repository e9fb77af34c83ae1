// The `--every` scheduler: durations, the lower bound, runs timed from the end of the last one, failures reported
// without stopping the schedule, and a stop that lets the current run finish.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import { MIN_INTERVAL_MS, parseEvery, runEvery } from './scheduler.ts';

test('parseEvery reads s, m, h, d and refuses shorter than the minimum', () => {
  assert.deepEqual(
    ['90s', '15m', '1h', '1.5h', '1d', ' 2H '].map((t) => parseEvery(t)),
    [90_000, 900_000, 3_600_000, 5_400_000, 86_400_000, 7_200_000],
  );
  for (const bad of ['', '1', 'h', '1w', '-1h', '10s'])
    assert.throws(
      () => parseEvery(bad),
      (e: unknown) => e instanceof AppError && e.code === 'usage',
      bad,
    );
  assert.equal(MIN_INTERVAL_MS, 60_000);
  assert.equal(parseEvery('10s', 1000), 10_000);
});

test('runEvery runs at once, then after each interval; a failure is reported and the schedule goes on', async () => {
  const starts: number[] = [];
  const errors: unknown[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const t0 = performance.now();
  const runs = await runEvery(
    async () => {
      starts.push(performance.now() - t0);
      if (starts.length === 2) throw new Error('download failed');
      await new Promise((r) => setTimeout(r, 20));
      if (starts.length === 3) stop();
    },
    { intervalMs: 50, stop: stopped, onError: (e) => errors.push(e) },
  );
  assert.equal(runs, 3, 'the third run finishes, then the schedule stops');
  assert.equal(errors.length, 1);
  assert.ok(starts[0]! < 20, 'the first run starts at once');
  // Run 1 takes 20 ms, then 50 ms of wait: run 2 starts at ≥ 70 ms; it fails at once, run 3 starts ≥ 50 ms later.
  assert.ok(starts[1]! >= 65 && starts[2]! - starts[1]! >= 45, JSON.stringify(starts));
});
