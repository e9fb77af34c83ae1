// The name comparator on pairs of names (uniform weights, via compareNames).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames } from '../compare.ts';
import { DEFAULT_THRESHOLD } from '../algorithms/index.ts';

test('order, case and punctuation do not matter', () => {
  const a = compareNames('KIM, Jong Un', 'Jong Un Kim', 'Person');
  assert.equal(a.score, compareNames('Kim Jong Un', 'Kim Jong Un', 'Person').score);
  assert.ok(a.match);
});

test('an exact name scores the name weight (0.92), a typo less, a different name nothing', () => {
  const exact = compareNames('Vladimir Putin', 'Vladimir Putin').score;
  const typo = compareNames('Vladmir Putin', 'Vladimir Putin').score;
  const other = compareNames('Boris Johnson', 'Vladimir Putin').score;
  assert.equal(exact, 0.92);
  assert.ok(typo < exact && typo >= DEFAULT_THRESHOLD, `typo ${typo}`);
  assert.equal(other, 0);
});

test('a dropped middle name costs less than an extra unexplained query word', () => {
  const dropped = compareNames('Ana Torres', 'Ana Leonor Torres', 'Person').score;
  const extra = compareNames('Ana Leonor Torres', 'Ana Torres', 'Person').score;
  assert.ok(dropped > extra, `${dropped} vs ${extra}`);
});

test('initials agree with given names; words run together align with their parts', () => {
  const initial = compareNames('M. Saeed AJILY', 'AJILY, Mohammed Saeed', 'Person');
  assert.ok(initial.match, initial.explanation);
  assert.match(initial.explanation, /m~mohammed \(initial\)/);
  const joined = compareNames('Hik Vision', 'HIKVISION', 'Company');
  assert.ok(joined.match, joined.explanation);
  assert.match(joined.explanation, /joined/);
  const camel = compareNames('ErhanCULHA', 'CULHA, Erhan', 'Person');
  assert.ok(camel.match, camel.explanation);
});

test('legal forms do not decide a company name', () => {
  assert.equal(compareNames('Zuppa Holdings Ltd', 'ZUPPA HOLDINGS LIMITED', 'Company').score, 0.92);
});

test('scores are in [0, 1] and explain themselves', () => {
  const r = compareNames('', 'x');
  assert.equal(r.score, 0);
  assert.equal(r.match, false);
  assert.match(compareNames('Mohamed Ali', 'Muhammad Ali', 'Person').explanation, /mohamed~muhammad/);
});
