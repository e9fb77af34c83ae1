import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectScript } from './index.ts';

test('detectScript names the script of each writing system', () => {
  const cases: [string, string][] = [
    ['Vladimir Putin', 'latin'],
    ['Société Générale', 'latin'],
    ['Владимир Путин', 'cyrillic'],
    ['Αλέξανδρος', 'greek'],
    ['محمد علي', 'arabic'],
    ['משה', 'hebrew'],
    ['习近平', 'han'],
    ['華為', 'han'],
    ['김정은', 'hangul'],
    ['やまだ', 'kana'],
    ['プーチン', 'kana'],
    ['สมชาย', 'thai'],
    ['पुतिन', 'devanagari'],
    ['პუტინი', 'other'],
    ['12345 / 678', 'latin'],
  ];
  for (const [text, script] of cases) assert.equal(detectScript(text), script, text);
});

test('Han inside Japanese or Korean text counts as that language', () => {
  assert.equal(detectScript('山田はなこ'), 'kana'); // 2 Han + 3 kana
  assert.equal(detectScript('山田太郎です'), 'kana');
  assert.equal(detectScript('大韓民国 국회'), 'hangul');
});

test('no dominant script gives mixed; a little Latin in Cyrillic does not', () => {
  assert.equal(detectScript('ООО Romashka'), 'mixed');
  assert.equal(detectScript('华为技术 Huawei'), 'mixed');
  assert.equal(detectScript('华为 Huawei'), 'latin'); // 6 of 8 letters: the 75 % share is reached
  assert.equal(detectScript('Общество с ограниченной ответственностью X'), 'cyrillic');
});
