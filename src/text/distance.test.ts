import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jaroWinkler, levenshtein } from './index.ts';

const close = (a: number, b: number): boolean => Math.abs(a - b) < 0.0005;

test('Jaro-Winkler gives the textbook values (Winkler 1990; prefix scale 0.1)', () => {
  assert.ok(close(jaroWinkler('MARTHA', 'MARHTA'), 0.961), String(jaroWinkler('MARTHA', 'MARHTA')));
  assert.ok(close(jaroWinkler('DWAYNE', 'DUANE'), 0.84), String(jaroWinkler('DWAYNE', 'DUANE')));
  assert.ok(close(jaroWinkler('DIXON', 'DICKSONX'), 0.813), String(jaroWinkler('DIXON', 'DICKSONX')));
  assert.equal(jaroWinkler('', ''), 1);
  assert.equal(jaroWinkler('abc', ''), 0);
  assert.equal(jaroWinkler('abc', 'xyz'), 0);
});

test('Jaro-Winkler caps the common prefix at 4 characters', () => {
  // Jaro("abcdefgh","abcdefgx") = (7/8+7/8+1)/3; a prefix of 7 would exceed the standard value.
  const jaro = (7 / 8 + 7 / 8 + 1) / 3;
  assert.ok(close(jaroWinkler('abcdefgh', 'abcdefgx'), jaro + 4 * 0.1 * (1 - jaro)));
});

test('Jaro-Winkler is symmetric, within [0, 1], and 1 on identical strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const ab = jaroWinkler(a, b);
      assert.ok(ab >= 0 && ab <= 1 + 1e-12, `${ab}`);
      assert.ok(Math.abs(ab - jaroWinkler(b, a)) < 1e-12);
      assert.equal(jaroWinkler(a, a), 1);
    }),
    { numRuns: 2000 },
  );
});

/** Textbook Wagner-Fischer edit distance: the oracle for fastest-levenshtein. */
function naiveLevenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

test('levenshtein agrees with the textbook dynamic programme', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  fc.assert(
    fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), (a, b) => levenshtein(a, b) === naiveLevenshtein(a, b)),
    { numRuns: 1000 },
  );
});
