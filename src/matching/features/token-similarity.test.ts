import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { consonantSkeleton, jaroWinkler } from '../../text/index.ts';
import { jaroWinklerFast, osaDistance, typoCost } from './edit-distance.ts';
import { isInitialOf, skeletonsEqual, tokenSimilarity, type SimilarityOptions } from './token-similarity.ts';

const PLAIN: SimilarityOptions = {
  soundAlike: false,
  skeleton: false,
  phonetic: 0.82,
  skeletonSimilarity: 0.95,
};
const word = fc.stringMatching(/^[a-e]{0,9}$/);

/** Textbook optimal-string-alignment distance, the oracle for the bounded, allocation-free one. */
function naiveOsa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('osaDistance equals the textbook distance, and reports max + 1 past the bound', () => {
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
      const exact = naiveOsa(a, b);
      assert.equal(osaDistance(a, b, max), exact <= max ? exact : max + 1);
    }),
    { numRuns: 2000 },
  );
});

test('jaroWinklerFast equals the text module jaroWinkler', () => {
  fc.assert(
    fc.property(word, word, (a, b) => {
      assert.ok(Math.abs(jaroWinklerFast(a, b) - jaroWinkler(a, b)) < 1e-12);
    }),
    { numRuns: 2000 },
  );
});

test('skeletonsEqual agrees with consonantSkeleton of text/keys.ts', () => {
  const letters = fc.stringMatching(/^[a-z0-9]{0,8}$/);
  fc.assert(
    fc.property(letters, letters, (a, b) => {
      assert.equal(skeletonsEqual(a, b), consonantSkeleton(a) === consonantSkeleton(b));
    }),
    { numRuns: 3000 },
  );
  assert.ok(skeletonsEqual('mhmd', 'mohammed'));
  assert.ok(!skeletonsEqual('mhmd', 'ahmed'));
});

test('one typo keeps a token above the alignment floor; longer tokens lose less', () => {
  assert.equal(tokenSimilarity('kim', 'kim', PLAIN), 1);
  const short = tokenSimilarity('kim', 'kmi', PLAIN);
  const long = tokenSimilarity('vladimirovna', 'vladmiirovna', PLAIN);
  assert.ok(short >= 0.7 && short < 0.8, `kim/kmi ${short}`);
  assert.ok(long > 0.9 && long < 1, `vladimirovna ${long}`);
  assert.equal(tokenSimilarity('kim', 'kam', PLAIN), tokenSimilarity('kam', 'kim', PLAIN));
  assert.equal(tokenSimilarity('smith', 'jones', PLAIN), 0);
});

test('sounding alike needs the same first letter and four letters; skeletons need an abjad source', () => {
  const sound = { ...PLAIN, soundAlike: true };
  assert.equal(tokenSimilarity('mohamed', 'muhammad', PLAIN), 0);
  assert.equal(tokenSimilarity('mohamed', 'muhammad', sound), 0.82);
  assert.equal(tokenSimilarity('philip', 'filip', sound), 0);
  assert.equal(tokenSimilarity('mhmd', 'mohamed', PLAIN), 0);
  assert.equal(tokenSimilarity('mhmd', 'mohamed', { ...PLAIN, skeleton: true }), 0.95);
});

test('an initial agrees with the first letter of a longer token only', () => {
  assert.ok(isInitialOf('m', 'mohammed'));
  assert.ok(!isInitialOf('m', 'ahmed'));
  assert.ok(!isInitialOf('m', 'm'));
});

const SLIPS = { doubled: 0.25, swapped: 0.25, dropped: 0.5 };

test('typoCost charges typing slips less than a replaced letter, and never more than the plain distance', () => {
  assert.equal(typoCost('ifdkk', 'ifdk', SLIPS), 0.25);
  assert.equal(typoCost('valro', 'valor', SLIPS), 0.25);
  assert.equal(typoCost('cedisa', 'credisa', SLIPS), 0.5);
  assert.equal(typoCost('vision', 'mvision', SLIPS), 1, 'a first letter is no slip');
  assert.equal(typoCost('unijet', 'uninet', SLIPS), 1);
  assert.equal(typoCost('pescaravva', 'pescabrava', SLIPS), 0.75);
  fc.assert(
    fc.property(word, word, (a, b) => {
      const cost = typoCost(a, b, SLIPS);
      assert.ok(cost <= naiveOsa(a, b) + 1e-9 && cost >= naiveOsa(a, b) / 4 - 1e-9, `${a} ${b} ${cost}`);
      assert.equal(cost, typoCost(b, a, SLIPS));
    }),
    { numRuns: 2000 },
  );
});

test('one slip in a token of five letters or more keeps it clearly alike; short tokens are unchanged', () => {
  const typo = { ...PLAIN, typo: SLIPS, typoMinLength: 5 };
  assert.ok(tokenSimilarity('valro', 'valor', typo) >= 0.95);
  assert.ok(tokenSimilarity('valro', 'valor', PLAIN) < 0.9);
  assert.ok(tokenSimilarity('unijet', 'uninet', typo) < 0.9);
  assert.equal(tokenSimilarity('kmi', 'kim', typo), tokenSimilarity('kmi', 'kim', PLAIN));
});
