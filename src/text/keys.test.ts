import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compactKey, consonantSkeleton, prepareName } from './index.ts';
import { consonantSkeletonByRule } from './keys.ts';

test('consonant skeletons let abjad transliterations meet Latin spellings', () => {
  assert.equal(consonantSkeleton('mohamed'), 'mhmd');
  assert.equal(consonantSkeleton('mhmd'), 'mhmd');
  assert.equal(consonantSkeleton('hassan'), consonantSkeleton('hsn'));
  assert.equal(consonantSkeleton('mahmoud'), consonantSkeleton('mhmwd'));
  assert.equal(consonantSkeleton('13th'), '13th');
});

test('the one-pass consonant skeleton follows the rule (vowels and glides dropped, doubled letters collapsed)', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z0-9yw\u00e9\u0430]{0,12}$/), (token) => {
      assert.equal(consonantSkeleton(token), consonantSkeletonByRule(token));
    }),
    { numRuns: 3000 },
  );
});

test('compact keys ignore where the spaces are', () => {
  const key = (s: string): string => compactKey(prepareName(s, 'person').nameTokens);
  assert.equal(key('Kim Jong Un'), key('Kim Jong-un'));
  assert.equal(key('Kim Jong Un'), key('Kim Jongun'));
  assert.equal(key('华为'), key('Hua Wei'));
});
