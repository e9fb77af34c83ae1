// Any script → ASCII, word by word. Han is read as Chinese (pinyin-pro) unless the text is
// Japanese (kana present) or Korean (hangul present): there Han characters have other readings,
// so they go to any-ascii like every other script. Hangul goes syllable by syllable (hangul.ts).
import anyAscii from 'any-ascii';
import { BoundedCache } from './cache.ts';
import { hangulToLatinWords } from './hangul.ts';
import { arabicToAscii } from './arabic.ts';
import { hanToPinyinWords, looksLikePersonName } from './han.ts';
import { charScript, type CharScript } from './script.ts';
import type { NameKindHint } from './types.ts';

/** Which language Han characters belong to, decided once for the whole text. */
type HanContext = 'zh' | 'ja' | 'ko';

interface WordMode {
  readonly han: HanContext;
  readonly hint: NameKindHint;
  /** The first word of a personal name may be a surname (Korean surname spelling). */
  readonly first: boolean;
}

/** ~60k listed names have ~25k distinct non-ASCII words; the cap keeps a server's memory flat. */
const cache = new BoundedCache<string>(50_000);
const NON_ASCII = /[^\p{ASCII}]/u;
const WHITESPACE = /\s+/;

function hanContext(text: string): HanContext {
  for (const ch of text) {
    const s = charScript(ch.codePointAt(0) as number);
    if (s === 'kana') return 'ja';
    if (s === 'hangul') return 'ko';
  }
  return 'zh';
}

/** CJK runs become separate words; other script changes inside a word (Cyrillic homoglyphs) do not. */
const OWN_WORD: ReadonlySet<CharScript | null> = new Set(['han', 'hangul', 'kana']);

interface Run {
  script: CharScript | null;
  text: string;
}

/**
 * Split a word into runs of one script. Combining marks and punctuation (script null) stay with
 * the letters before them, except after CJK: "机械(香港)" must give Han runs without the brackets.
 */
function scriptRuns(word: string): Run[] {
  const runs: Run[] = [];
  for (const ch of word) {
    const s = charScript(ch.codePointAt(0) as number);
    const last = runs[runs.length - 1];
    if (last !== undefined && (s === last.script || (s === null && !OWN_WORD.has(last.script)))) last.text += ch;
    else runs.push({ script: s, text: ch });
  }
  return runs;
}

function runToLatin(script: CharScript | null, text: string, mode: WordMode): string {
  if (script === 'han' && mode.han === 'zh') {
    const chars = [...text];
    const asPerson = mode.hint === 'person' || (mode.hint === 'any' && looksLikePersonName(chars));
    return hanToPinyinWords(text, asPerson ? 'person' : 'organization').join(' ');
  }
  if (script === 'hangul') return hangulToLatinWords(text, mode.first && mode.hint !== 'organization').join(' ');
  if (script === 'arabic') return arabicToAscii(text);
  return anyAscii(text);
}

function wordToAscii(word: string, mode: WordMode): string {
  const key = `${mode.han}${mode.hint}${mode.first ? 1 : 0}${word}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out = '';
  let prev: CharScript | null = null;
  for (const run of scriptRuns(word)) {
    const sep = out !== '' && (OWN_WORD.has(run.script) || OWN_WORD.has(prev)) ? ' ' : '';
    // (a punctuation run after CJK becomes spaces later, in the ASCII fold)
    out += sep + runToLatin(run.script, run.text, mode);
    prev = run.script;
  }
  cache.set(key, out);
  return out;
}

/** Transliterate NFKC text to ASCII (case and punctuation kept as the transliterators give them). */
export function toAscii(nfkc: string, hint: NameKindHint): string {
  if (!NON_ASCII.test(nfkc)) return nfkc;
  const han = hanContext(nfkc);
  const words = nfkc.split(WHITESPACE);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (NON_ASCII.test(w)) words[i] = wordToAscii(w, { han, hint, first: i === 0 });
  }
  return words.join(' ');
}

/** Any script → ASCII (after NFKC); Han read as Chinese unless kana or hangul are present. */
export function transliterate(text: string): string {
  return toAscii(text.normalize('NFKC'), 'any');
}
