import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedCache } from './cache.ts';

test('BoundedCache never holds more than its cap and keeps the newest entries', () => {
  const cache = new BoundedCache<number>(100);
  for (let i = 0; i < 1000; i++) cache.set(`k${i}`, i);
  assert.ok(cache.size <= 100);
  assert.equal(cache.get('k999'), 999);
  assert.equal(cache.get('k0'), undefined);
});
