// Chinese (Han) words to pinyin, grouped into words the way pinyin is written (华为 → "huawei").
// pinyin-pro reads each character; it does not segment words, so we cut Han runs at the Han
// phrases of the name resources (有限公司, 技术, 国际 …) and join the syllables of what is left
// two by two, because most Chinese words in names are two characters long (华为, 珠海, 振戎).
// Person names are written surname + given name: 习近平 → "xi jinping" (GB/T 28039-2011).
import { pinyin } from 'pinyin-pro';
import { charScript } from './script.ts';
import { loadOrgTypes, loadSymbols } from './resources.ts';

/** How a Han word is grouped: as a person name (surname + given name) or as organisation words. */
export type HanStyle = 'person' | 'organization';

/** Two-character surnames (复姓) that must not be split after their first character. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '令狐', '端木', '轩辕', '独孤', '南宫', '西门', '申屠', '闻人', '澹台', '歐陽', '諸葛',
]);

function isHanOnly(text: string): boolean {
  for (const ch of text) if (charScript(ch.codePointAt(0) as number) !== 'han') return false;
  return text.length > 0;
}

/** Han phrases of org_types.yml and the org sections of symbols.yml. */
interface HanPhrases {
  /** First character → length of the longest phrase starting with it. */
  readonly first: Map<string, number>;
  readonly all: Set<string>;
}

function hanPhrases(): HanPhrases {
  const all = new Set<string>();
  for (const type of loadOrgTypes()) for (const a of type.aliases) if (isHanOnly(String(a))) all.add(String(a));
  const { org_symbols, org_domains } = loadSymbols();
  for (const groups of [org_symbols, org_domains]) {
    for (const list of Object.values(groups)) for (const a of list ?? []) if (isHanOnly(String(a))) all.add(String(a));
  }
  for (const p of FIXED_READINGS.keys()) all.add(p);
  const first = new Map<string, number>();
  for (const p of all) {
    const chars = [...p];
    first.set(chars[0] as string, Math.max(first.get(chars[0] as string) ?? 0, chars.length));
  }
  return { first, all };
}

let phrases: HanPhrases | undefined;

/**
 * Place names whose usual Latin form is not their pinyin (Cantonese/Portuguese spellings); they
 * also cut Han runs like the resource phrases. 香港 → "hong kong", not "xianggang".
 */
const FIXED_READINGS: ReadonlyMap<string, string[]> = new Map([
  ['香港', ['hong', 'kong']],
  ['澳门', ['macau']],
  ['澳門', ['macau']],
]);

/** Cut a Han word into known phrases and the runs between them (leftmost-longest match). */
export function splitHanPhrases(chars: readonly string[]): string[][] {
  phrases ??= hanPhrases();
  const parts: string[][] = [];
  let rest: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const maxLen = Math.min(phrases.first.get(chars[i] as string) ?? 0, chars.length - i);
    let len = maxLen;
    while (len >= 2 && !phrases.all.has(chars.slice(i, i + len).join(''))) len--;
    if (len >= 2) {
      if (rest.length > 0) parts.push(rest);
      parts.push(chars.slice(i, i + len));
      rest = [];
      i += len;
    } else {
      rest.push(chars[i++] as string);
    }
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function syllables(chars: readonly string[], surname: boolean): string[] {
  return pinyin(chars.join(''), { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' });
}

/** Join syllables two by two (an odd last one stays alone): hua wei ji shu → "huawei jishu". */
function pairUp(syl: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < syl.length; i += 2) words.push(syl.slice(i, i + 2).join(''));
  return words;
}

/** A Chinese person name: surname (one or two characters) then the given name as one word. */
function personWords(chars: readonly string[]): string[] {
  const syl = syllables(chars, true);
  const surnameLen = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  if (syl.length <= surnameLen) return [syl.join('')];
  return [syl.slice(0, surnameLen).join(''), syl.slice(surnameLen).join('')];
}

/** Whether a Han word reads like a personal name: short, and no organisation phrase inside. */
export function looksLikePersonName(chars: readonly string[]): boolean {
  if (chars.length < 2 || chars.length > 4) return false;
  if (chars.length === 4 && !COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''))) return false;
  const parts = splitHanPhrases(chars);
  return parts.length === 1 && !(phrases as HanPhrases).all.has(chars.join(''));
}

/** Pinyin words (ASCII apart from ü) of one Han word read as Chinese. */
export function hanToPinyinWords(word: string, style: HanStyle): string[] {
  const chars = [...word];
  if (style === 'person') return personWords(chars);
  return splitHanPhrases(chars).flatMap((part) => FIXED_READINGS.get(part.join('')) ?? pairUp(syllables(part, false)));
}
