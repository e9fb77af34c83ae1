import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactKey, consonantSkeleton, prepareName, type NameKindHint } from './index.ts';
import { sdnRows } from './sdn-names.test-helper.ts';

const nameTokens = (raw: string, hint: NameKindHint = 'organization'): string[] => prepareName(raw, hint).nameTokens;

test('customer abbreviations meet their long forms', () => {
  const pairs: [string, string][] = [
    ['Acme Co', 'Acme Company'],
    ['Acme Ltd', 'Acme Limited'],
    ['Acme Intl', 'Acme International'],
    ["Acme Int'l", 'Acme International'],
    ['Acme Tech', 'Acme Technology'],
    ['Acme Corp', 'Acme Corporation'],
    ['Acme Mfg.', 'Acme Manufacturing'],
    ['Smith & Sons', 'Smith and Sons'],
    ['Acme Intl Tech Mfg Corp Ltd', 'ACME INTERNATIONAL TECHNOLOGIES MANUFACTURING CORPORATION LIMITED'],
  ];
  for (const [short, long] of pairs) assert.deepEqual(prepareName(short, 'organization').tokens, prepareName(long, 'organization').tokens, `${short} / ${long}`);
});

test('a Chinese company name meets its English name (华为技术有限公司 / Huawei Technologies Co., Ltd.)', () => {
  const zh = prepareName('华为技术有限公司', 'organization');
  assert.equal(zh.latin, 'huawei jishu youxian gongsi');
  assert.deepEqual(zh.tokens, ['huawei', 'tech', 'llc']);
  assert.deepEqual(zh.tokens, prepareName('Huawei Technologies Co., Ltd.', 'organization').tokens);
  assert.deepEqual(prepareName('中兴通讯股份有限公司', 'organization').legalForms, ['jsc']);
});

test('SDN 27063 ZHUHAI ZHENRONG COMPANY LIMITED meets 珠海振戎公司', () => {
  const sdn = prepareName('ZHUHAI ZHENRONG COMPANY LIMITED', 'organization');
  assert.deepEqual(sdn.legalForms, ['llc']);
  assert.deepEqual(sdn.nameTokens, prepareName('珠海振戎公司', 'organization').nameTokens);
});

test('Chinese personal names are written surname + given name', () => {
  assert.equal(prepareName('习近平', 'person').latin, 'xi jinping');
  assert.equal(prepareName('欧阳震华', 'person').latin, 'ouyang zhenhua'); // compound surname
  assert.equal(prepareName('单雄信', 'person').latin, 'shan xiongxin'); // 单 read as a surname (Shan), not dan
});

test('Han in Japanese or Korean text is not read as Chinese', () => {
  // pinyin reads 银行 "yinhang" and 重庆 "chongqing"; any-ascii's per-character readings differ.
  assert.deepEqual(nameTokens('重庆银行'), ['chongqing', 'bank']);
  assert.equal(prepareName('重庆银行 はなこ', 'organization').latin, 'zhongqingyinxing hanako');
  assert.equal(prepareName('重庆银行 한국', 'organization').latin, 'zhongqingyinxing han gug');
});

test('Korean personal names: one word per syllable, usual surname spelling', () => {
  assert.deepEqual(nameTokens('김정은', 'person'), ['kim', 'jeong', 'eun']);
  assert.deepEqual(nameTokens('김정은', 'organization'), ['gim', 'jeong', 'eun']);
});

test('initials split into one-letter tokens', () => {
  assert.deepEqual(nameTokens('J. R. R. Tolkien', 'person'), ['j', 'r', 'r', 'tolkien']);
  assert.deepEqual(nameTokens('J.R.R. Tolkien', 'person'), ['j', 'r', 'r', 'tolkien']);
});

test('honorifics leave nameTokens, at the start and after "LAST,"; tokens keep them', () => {
  const p = prepareName('Mr. John Smith', 'person');
  assert.deepEqual(p.tokens, ['mr', 'john', 'smith']);
  assert.deepEqual(p.nameTokens, ['john', 'smith']);
  assert.deepEqual(nameTokens('Prof. Dr. Hans Meier', 'person'), ['hans', 'meier']);
  assert.deepEqual(nameTokens('BURHAN, Dr. Sahir', 'person'), ['burhan', 'sahir']);
  assert.deepEqual(nameTokens('John Lord', 'person'), ['john', 'lord']); // a surname, not a title
  assert.deepEqual(nameTokens('Mr Vladimir Putin', 'any'), ['vladimir', 'putin']);
  assert.deepEqual(nameTokens('General Electric Company', 'any'), ['general', 'electric', 'co']); // an org: kept
});

test('a name made only of stopwords keeps its tokens', () => {
  assert.deepEqual(nameTokens('The Company'), ['co']); // an org word, not a stopword
  assert.deepEqual(nameTokens('The'), ['the']);
  assert.deepEqual(nameTokens('Mr', 'person'), ['mr']);
  assert.deepEqual(nameTokens('Limited'), ['llc']);
  assert.deepEqual(prepareName('', 'any').tokens, []);
});

test('particles stay in nameTokens and are flagged', () => {
  assert.deepEqual(prepareName('Ludwig van Beethoven', 'person').particles, ['van']);
  assert.deepEqual(prepareName('Osama bin Laden', 'person').particles, ['bin']);
  assert.deepEqual(prepareName('AL-ZAWAHIRI, Ayman', 'person').particles, ['al']);
});

test('al-Qaida, Al Qaida and alqaida meet', () => {
  // Organisations: symbols.yml folds the spellings (and their run-together forms) to one symbol.
  for (const s of ['al-Qaida', 'Al Qaida', 'alqaida', "Al-Qa'ida"]) assert.deepEqual(nameTokens(s), ['alqaeda'], s);
  // Persons: the compact key runs the tokens together.
  const a = prepareName('al-Zawahiri', 'person');
  const b = prepareName('Alzawahiri', 'person');
  assert.notDeepEqual(a.nameTokens, b.nameTokens);
  assert.equal(compactKey(a.nameTokens), compactKey(b.nameTokens));
  assert.equal(compactKey(a.nameTokens.filter((t) => !a.particles.includes(t))), 'zawahiri');
});

test('numbers are kept, ordinals included', () => {
  assert.deepEqual(nameTokens('13th Brigade'), ['13th', 'brigade']);
  assert.deepEqual(nameTokens('Unit 8200'), ['unit', '8200']);
});

test('NFKC, case folding and diacritics', () => {
  assert.equal(prepareName('ＡＣＭＥ Straße Müller Société Générale', 'organization').latin, 'acme strasse muller societe generale');
  assert.equal(prepareName('İSTANBUL Ǆ', 'any').latin, 'istanbul dz');
});

test('originalScriptKey lets identical non-Latin originals meet exactly', () => {
  assert.equal(prepareName('华为 技术', 'organization').originalScriptKey, prepareName('华为技术', 'organization').originalScriptKey);
  assert.equal(prepareName('Владимир  ПУТИН', 'person').originalScriptKey, 'владимирпутин');
  assert.equal('originalScriptKey' in prepareName('Vladimir Putin', 'person'), false);
});

test('every real SDN name prepares to ASCII tokens; no name loses all its tokens', () => {
  const rows = sdnRows();
  assert.equal(rows.length, 8976);
  for (const [, name, type] of rows) {
    const p = prepareName(name, type === 'individual' ? 'person' : 'organization');
    assert.ok(p.nameTokens.length > 0, name);
    assert.ok(p.tokens.every((t) => /^[a-z0-9]+$/.test(t)), name);
  }
  const mahan = rows.find((r) => r[0] === '12927') as [string, string, string];
  assert.deepEqual(prepareName(mahan[1], 'organization').tokens, ['mahan', 'air']);
});

test('brackets inside Chinese names cut words; 香港 reads "hong kong"', () => {
  const p = prepareName('聚航航空科技（深圳）有限公司', 'organization');
  assert.equal(p.latin, 'juhang hangkong keji shenzhen youxian gongsi');
  assert.deepEqual(p.tokens, ['juhang', 'aviation', 'tech', 'shenzhen', 'llc']);
  assert.deepEqual(nameTokens('海能机械（香港）有限公司'), ['haineng', 'jixie', 'hong', 'kong']);
});

test('the Arabic article becomes its own word, so the noun meets its Latin spelling', () => {
  const p = prepareName('أبو بكر البغدادي', 'person');
  assert.equal(p.latin, 'bw bkr al bghddy');
  assert.deepEqual(p.particles, ['al']);
  assert.equal(consonantSkeleton('bghddy'), consonantSkeleton('baghdadi'));
  assert.equal(prepareName('عبد الله', 'person').latin, 'bd llh'); // Allah is one word
});
