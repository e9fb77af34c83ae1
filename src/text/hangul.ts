// Korean (Hangul) to Latin, one word per syllable as Korean names are usually written
// (김정은 → "kim jeong eun" ~ "Kim Jong Un", 박지성 → "park ji seong" ~ "Park Ji Sung").
// any-ascii follows the Revised Romanization (Gim, I, Bak); surnames are usually spelled the
// traditional way instead, so the first syllable of a personal name takes that spelling.
import anyAscii from 'any-ascii';

/**
 * Conventional Latin spellings of the most common Korean surnames (Statistics Korea 2015 census,
 * top 20 by population; spellings as most often used in passports per the National Institute of
 * Korean Language 2009 survey). Revised Romanization would give Gim, I, Bak, Choe …
 */
const SURNAMES: ReadonlyMap<string, string> = new Map([
  ['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'],
  ['강', 'kang'], ['조', 'cho'], ['윤', 'yoon'], ['장', 'jang'], ['임', 'lim'],
  ['한', 'han'], ['오', 'oh'], ['서', 'seo'], ['신', 'shin'], ['권', 'kwon'],
  ['황', 'hwang'], ['안', 'ahn'], ['송', 'song'], ['류', 'ryu'], ['홍', 'hong'],
  ['리', 'ri'], ['노', 'noh'], ['문', 'moon'], ['양', 'yang'], ['손', 'son'],
]);

/** Latin words of one Hangul word; `asPersonName` applies the surname spelling to the first syllable. */
export function hangulToLatinWords(word: string, asPersonName: boolean): string[] {
  const chars = [...word];
  const words = chars.map((ch) => anyAscii(ch).toLowerCase());
  const surname = SURNAMES.get(chars[0] as string);
  if (asPersonName && surname !== undefined && chars.length >= 2 && chars.length <= 4) words[0] = surname;
  return words;
}
