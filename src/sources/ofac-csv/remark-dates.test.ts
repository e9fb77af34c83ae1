import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EXPANDED_YEARS, parseOfacDate, parseOfacDateSpan } from './remark-dates.ts';

test('one date keeps its printed precision', () => {
  assert.equal(parseOfacDate('10 Dec 1948'), '1948-12-10');
  assert.equal(parseOfacDate('07 Jul 1966'), '1966-07-07');
  assert.equal(parseOfacDate('Sep 1938'), '1938-09');
  assert.equal(parseOfacDate('1984'), '1984');
  assert.equal(parseOfacDate('31 Feb 1960 x'), undefined);
  assert.equal(parseOfacDate('32 Jan 1960'), undefined);
  assert.equal(parseOfacDate('Foo 1960'), undefined);
});

test('circa gives the date itself', () => {
  assert.deepEqual(parseOfacDateSpan('circa 1955'), ['1955']);
  assert.deepEqual(parseOfacDateSpan('circa 07 Jul 1966'), ['1966-07-07']); // SDN 7929 YUNOS
});

test('a range of whole years gives each year', () => {
  assert.deepEqual(parseOfacDateSpan('1951 to 1953'), ['1951', '1952', '1953']); // SDN 12057 NAQDI
  assert.deepEqual(parseOfacDateSpan('circa 1979-1982'), ['1979', '1980', '1981', '1982']); // SDN 11748
  // SDN 16540 SADIKOV: 01 Jan 1977 to 31 Dec 1985 is nine whole years.
  assert.deepEqual(parseOfacDateSpan('01 Jan 1977 to 31 Dec 1985'), [
    '1977',
    '1978',
    '1979',
    '1980',
    '1981',
    '1982',
    '1983',
    '1984',
    '1985',
  ]);
});

test('any other range gives both ends; a reversed range is unreadable', () => {
  assert.deepEqual(parseOfacDateSpan('Mar 1962 to Feb 1963'), ['1962-03', '1963-02']); // SDN 23470
  assert.deepEqual(parseOfacDateSpan(`1900 to ${1900 + MAX_EXPANDED_YEARS}`), [
    '1900',
    String(1900 + MAX_EXPANDED_YEARS),
  ]);
  assert.equal(parseOfacDateSpan('1962 to 1960'), undefined);
  assert.equal(parseOfacDateSpan('unknown'), undefined);
});
