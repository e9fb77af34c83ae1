import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screeningId } from './screening-id.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('screening ids are UUIDv7: the version and variant bits, the time in the first 48 bits', () => {
  const at = Date.UTC(2026, 10, 29, 8, 0, 0, 123);
  const id = screeningId(at);
  assert.match(id, V7);
  assert.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), at);
});

test('screening ids are unique and sort in time order', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => screeningId(1_700_000_000_000 + Math.floor(i / 10)));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, V7);
  const byTime = ids.map((id) => id.slice(0, 13));
  assert.deepEqual([...byTime].sort(), byTime);
});
