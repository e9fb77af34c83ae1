// Chunks finishing out of order are written in the order they were started, with at most `limit` in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { OrderedChunks } from './ordered-chunks.ts';

test('later chunks that finish first wait for the earlier ones; in flight never exceeds the limit', async () => {
  const written: number[] = [];
  let inFlight = 0;
  let most = 0;
  const chunks = new OrderedChunks<number, number[]>(
    3,
    async (items) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(items[0]! % 2 === 0 ? 15 : 1); // even chunks are slow
      return items.map((i) => i * 10);
    },
    async (_items, results) => {
      inFlight--;
      written.push(...results);
    },
  );
  for (let i = 0; i < 10; i++) await chunks.push([i]);
  await chunks.drain();
  assert.deepEqual(written, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  assert.ok(most <= 3, `${most} chunks in flight`);
});

test('a failed chunk fails the run where it is written, not as an unhandled rejection', async () => {
  const chunks = new OrderedChunks<number, number>(
    4,
    async (items) => {
      if (items[0] === 1) throw new Error('worker crashed');
      await sleep(5);
      return items[0]!;
    },
    async () => undefined,
  );
  await chunks.push([0]);
  await chunks.push([1]);
  await chunks.push([2]);
  await assert.rejects(chunks.drain(), /worker crashed/);
});
