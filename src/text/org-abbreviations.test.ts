import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareName } from './index.ts';
import { ORG_ABBREVIATIONS } from './org-abbreviations.ts';
import { loadSymbols } from './resources.ts';

test('every abbreviation folds to a symbols.yml group that exists, as its long form does', () => {
  const { org_symbols, org_domains } = loadSymbols();
  const groups = { ...org_symbols, ...org_domains };
  for (const [key, abbreviations] of Object.entries(ORG_ABBREVIATIONS)) {
    assert.ok(key in groups, `${key} is no org group of symbols.yml`);
    for (const a of abbreviations) {
      assert.deepEqual(prepareName(`Linburg ${a}`, 'organization').nameTokens, ['linburg', key], a);
    }
  }
});

test('abbreviated and spelled-out company names prepare alike', () => {
  const pairs = [
    ['Linburg Ind Ltd', 'LINBURG INDUSTRIES LTD.'],
    ['Al-Arabi Trdg Ltd', 'AL-ARABI TRADING LIMITED'],
    ['Orion Hldgs', 'ORION HOLDINGS'],
  ];
  for (const [short, long] of pairs)
    assert.deepEqual(prepareName(short, 'organization').tokens, prepareName(long, 'organization').tokens, short);
});

test('abbreviations are not folded in person names', () => {
  assert.ok(prepareName('Ind Kumar', 'person').nameTokens.some((t) => t === 'ind'));
});
