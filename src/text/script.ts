// Script detection by Unicode block, so the pipeline can pick a transliteration per script.
// Block ranges: The Unicode Standard, Blocks.txt (https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt).
import type { Script } from './types.ts';

/** A script that a single character can have ('mixed' is only a property of strings). */
export type CharScript = Exclude<Script, 'mixed'>;

const LETTER = /\p{L}/u;
const ASCII_ONLY = /^\p{ASCII}*$/u;

/** Script of one code point, or null for digits, punctuation, spaces and combining marks. */
export function charScript(cp: number): CharScript | null {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a ? 'latin' : null;
  if (cp < 0xc0) return cp === 0xaa || cp === 0xba ? 'latin' : null; // ª º; the rest is punctuation/symbols
  if (cp < 0x2b0) return cp === 0xd7 || cp === 0xf7 ? null : 'latin'; // × ÷ are symbols
  if (cp < 0x370) return null; // spacing modifiers, combining diacritics
  if (cp < 0x400) return 'greek';
  if (cp < 0x530) return 'cyrillic';
  if (cp >= 0x590 && cp < 0x600) return 'hebrew';
  if (cp >= 0x600 && cp < 0x700) return cp >= 0x660 && cp <= 0x669 ? null : 'arabic';
  if ((cp >= 0x750 && cp < 0x780) || (cp >= 0x8a0 && cp < 0x900)) return 'arabic';
  if (cp >= 0x900 && cp < 0x980) return 'devanagari';
  if (cp >= 0xe00 && cp < 0xe80) return 'thai';
  if (cp >= 0x1100 && cp < 0x1200) return 'hangul';
  if (cp >= 0x1c80 && cp < 0x1c90) return 'cyrillic';
  if (cp >= 0x1e00 && cp < 0x1f00) return 'latin';
  if (cp >= 0x1f00 && cp < 0x2000) return 'greek';
  if (cp >= 0x2c60 && cp < 0x2c80) return 'latin';
  if (cp >= 0x2de0 && cp < 0x2e00) return 'cyrillic';
  if (cp >= 0x3040 && cp < 0x3100) return cp === 0x30fb ? null : 'kana'; // ・ is punctuation
  if (cp >= 0x3130 && cp < 0x3190) return 'hangul';
  if (cp >= 0x31f0 && cp < 0x3200) return 'kana';
  if (cp === 0x3005 || cp === 0x3007 || (cp >= 0x3400 && cp < 0x4dc0) || (cp >= 0x4e00 && cp < 0xa000)) return 'han';
  if (cp >= 0xa640 && cp < 0xa6a0) return 'cyrillic';
  if (cp >= 0xa720 && cp < 0xa800) return 'latin';
  if ((cp >= 0xa960 && cp < 0xa980) || (cp >= 0xac00 && cp < 0xd800)) return 'hangul';
  if (cp >= 0xf900 && cp < 0xfb00) return 'han';
  if (cp >= 0xfb00 && cp < 0xfb07) return 'latin';
  if (cp >= 0xfb1d && cp < 0xfb50) return 'hebrew';
  if ((cp >= 0xfb50 && cp < 0xfe00) || (cp >= 0xfe70 && cp < 0xff00)) return 'arabic';
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return 'latin';
  if (cp >= 0xff66 && cp < 0xffa0) return 'kana';
  if (cp >= 0xffa0 && cp < 0xffdd) return 'hangul';
  if (cp >= 0x20000 && cp < 0x32000) return 'han';
  return LETTER.test(String.fromCodePoint(cp)) ? 'other' : null;
}

/** Letters per script in `text`. */
export function scriptCounts(text: string): Map<CharScript, number> {
  const counts = new Map<CharScript, number>();
  for (const ch of text) {
    const s = charScript(ch.codePointAt(0) as number);
    if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

/** A script must hold this share of the letters to be the dominant one; below it the text is 'mixed'. */
const DOMINANT_SHARE = 0.75;

/**
 * Dominant script of `text`. Han letters count as Japanese ('kana') when kana are present and as
 * Korean ('hangul') when hangul is present, because both writing systems mix in Han characters.
 * Text without letters (digits, punctuation) is 'latin': it needs no transliteration.
 */
export function detectScript(text: string): Script {
  if (ASCII_ONLY.test(text)) return 'latin'; // the common case, without counting
  const counts = scriptCounts(text);
  const han = counts.get('han') ?? 0;
  if (han > 0 && (counts.has('kana') || counts.has('hangul'))) {
    const host: CharScript = counts.has('kana') ? 'kana' : 'hangul';
    counts.set(host, (counts.get(host) ?? 0) + han);
    counts.delete('han');
  }
  let total = 0;
  let best: CharScript = 'latin';
  let bestCount = 0;
  for (const [script, n] of counts) {
    total += n;
    if (n > bestCount) [best, bestCount] = [script, n];
  }
  if (total === 0) return 'latin';
  return bestCount / total >= DOMINANT_SHARE ? best : 'mixed';
}
