import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactKey, consonantSkeleton, prepareName } from './index.ts';

test('consonant skeletons let abjad transliterations meet Latin spellings', () => {
  assert.equal(consonantSkeleton('mohamed'), 'mhmd');
  assert.equal(consonantSkeleton('mhmd'), 'mhmd');
  assert.equal(consonantSkeleton('hassan'), consonantSkeleton('hsn'));
  assert.equal(consonantSkeleton('mahmoud'), consonantSkeleton('mhmwd'));
  assert.equal(consonantSkeleton('13th'), '13th');
});

test('compact keys ignore where the spaces are', () => {
  const key = (s: string): string => compactKey(prepareName(s, 'person').nameTokens);
  assert.equal(key('Kim Jong Un'), key('Kim Jong-un'));
  assert.equal(key('Kim Jong Un'), key('Kim Jongun'));
  assert.equal(key('华为'), key('Hua Wei'));
});
