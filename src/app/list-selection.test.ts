// The list selection of a screening: unknown lists and sub-lists are errors naming what is loaded; sub-lists no
// record belongs to are reported (they would answer "clear" having screened nothing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../domain/errors.ts';
import { checkListSelection, emptySubLists } from './list-selection.ts';

const LOADED = ['us_trade_csl', 'us_ofac_cons'];

test('loaded lists and known sub-lists pass', () => {
  checkListSelection(['us_ofac_cons', 'us_trade_csl:EL', 'us_trade_csl:CMIC'], LOADED);
  checkListSelection([], []);
});

test('a list that is not loaded is an invalid_input error naming the loaded ones', () => {
  assert.throws(
    () => checkListSelection(['us_ofac_sdn', 'us_trade_csl'], LOADED),
    (e: AppError) =>
      e.code === 'invalid_input' &&
      e.message === 'list us_ofac_sdn is not loaded' &&
      e.where === 'lists' &&
      /^loaded lists: us_ofac_cons, us_trade_csl;/.test(e.hint ?? ''),
  );
  assert.throws(
    () => checkListSelection(['us_ofac_sdn'], []),
    (e: AppError) => /^loaded lists: none \(run `npm start`/.test(e.hint ?? ''),
  );
});

test('a sub-list code Embargo does not know is an error, not an empty selection', () => {
  assert.throws(
    () => checkListSelection(['us_trade_csl:ELL', 'us_trade_csl:el', 'us_trade_csl:EL'], LOADED),
    (e: AppError) =>
      e.code === 'invalid_input' &&
      e.message === 'us_trade_csl:ELL, us_trade_csl:el: not a sub-list' &&
      /EL, MEU, UVL/.test(e.hint ?? ''),
  );
});

test('sub-lists no record belongs to are returned; whole lists never are', () => {
  const cards = [
    { listId: 'us_trade_csl', subList: 'EL' },
    { listId: 'us_trade_csl', subList: 'CMIC' },
    { listId: 'us_ofac_cons' },
  ];
  assert.deepEqual(
    emptySubLists(['us_trade_csl:EL', 'us_ofac_cons:CMIC', 'us_trade_csl:MEU', 'us_ofac_cons'], cards),
    ['us_ofac_cons:CMIC', 'us_trade_csl:MEU'],
  );
  assert.deepEqual(emptySubLists(['us_ofac_cons'], []), []);
});
