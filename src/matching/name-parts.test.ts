import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { namesWithin } from './name-parts.ts';

test('a name holding a former or other name yields the whole and each part', () => {
  assert.deepEqual(namesWithin('LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)'), [
    'LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)',
    'LTS Holding Limited',
    'IPP-International Petroleum Products Ltd.',
  ]);
  assert.deepEqual(namesWithin('acme trading f k a foo industries').slice(1), ['acme trading', 'foo industries']);
  assert.deepEqual(namesWithin('Smith a.k.a. Jones').slice(1), ['Smith', 'Jones']);
  assert.deepEqual(namesWithin('Foo Ltd (formerly known as Bar Ltd)').slice(1), ['Foo Ltd', 'Bar Ltd']);
  assert.deepEqual(namesWithin('ACME f/k/a Foo').slice(1), ['ACME', 'Foo']);
});

test('names without a marker, or with nothing on one side, come back alone', () => {
  for (const name of ['KAKAO Inc', 'AKA Trading', 'FKA GmbH', 'A K A Trading', '(f.k.a. Foo)'])
    assert.deepEqual(namesWithin(name), [name]);
});

test('every "(f.k.a." name on the bundled CSL splits into two names', () => {
  const csl = readFileSync(new URL('../../data/us_trade_csl/csl.csv', import.meta.url), 'utf8');
  const names = [...csl.matchAll(/"([^"]*\(f\.k\.a\.[^"]*)"/g)].map((m) => m[1]);
  assert.ok(names.length >= 5, `${names.length} names with (f.k.a.`);
  for (const n of names) assert.ok(namesWithin(n).length >= 3, n);
});
