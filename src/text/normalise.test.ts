import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseText, transliterate } from './index.ts';

test('normaliseText: NFKC, case, diacritics, punctuation, spacing, transliteration', () => {
  assert.equal(normaliseText('  Société   GÉNÉRALE, S.A. '), 'societe generale s a');
  assert.equal(normaliseText("O'Brien & Co."), 'obrien and co');
  assert.equal(normaliseText('Владимир Путин'), 'vladimir putin');
  assert.equal(normaliseText('ﬁnance №1'), 'finance no1');
});

test('normaliseText output is lower-case ASCII words and normalising twice changes nothing', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
      const once = normaliseText(s);
      assert.match(once, /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      assert.equal(normaliseText(once), once);
    }),
    { numRuns: 3000 },
  );
});

test('transliterate turns any script into ASCII and keeps case and punctuation', () => {
  assert.equal(transliterate('Αλέξανδρος'), 'Alexandros');
  assert.equal(transliterate('ООО «Ромашка»'), 'OOO <<Romashka>>');
  assert.equal(transliterate('华为技术'), 'huawei jishu');
  assert.match(transliterate('สมชาย ﷲ'), /^[\x20-\x7e]*$/);
});
