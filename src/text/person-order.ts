// "LAST, First" (OFAC, UN, BIS write individuals this way) → the orders a name may be written in.
import { latinForm } from './normalise.ts';
import { honorificTable } from './stopwords.ts';

const GENERATION = /^(jr|sr|snr|junior|senior|i{1,3}|iv|v|2nd|3rd|4th)\.?$/i;
const SPACES = /\s+/g;

function tidy(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/** An all-caps surname (OFAC style) in title case: KIM → Kim, AL-ZAWAHIRI → Al-Zawahiri. */
function titleCaseIfCaps(s: string): string {
  if (s !== s.toUpperCase() || s === s.toLowerCase()) return s;
  return s.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Split leading honorifics off the given names: "Dr. Ayman" → ["Dr.", "Ayman"]. */
function splitHonorifics(given: string): [string, string] {
  const tokens = latinForm(given, 'person').split(' ');
  const table = honorificTable();
  let count = 0;
  for (let m = table.longestAt(tokens, 0); m !== undefined && count + m.length < tokens.length; m = table.longestAt(tokens, count)) count += m.length;
  if (count === 0) return ['', given];
  const words = given.split(' ');
  let seen = 0;
  let w = 0;
  while (w < words.length && seen < count) seen += latinForm(words[w++] as string, 'person').split(' ').length;
  return [words.slice(0, w).join(' '), words.slice(w).join(' ')];
}

/**
 * Orders a personal name may be written in. "KIM, Jong Un" → ["Jong Un Kim", "KIM Jong Un"]:
 * given names first (surname title-cased when written in capitals), then surname first without
 * the comma. A generation suffix after a second comma stays last ("SMITH, John, Jr."); an
 * honorific before the given names goes first ("BURHAN, Dr. Sahir" → "Dr. Sahir Burhan").
 * A name without a comma is returned as is (tidied).
 */
export function personNameVariants(raw: string): string[] {
  const parts = raw.split(',').map(tidy);
  if (parts.length < 2 || parts[0] === '' || parts[1] === '') return [tidy(raw.replace(/,/g, ' '))].filter((s) => s !== '');
  const [last, first, ...rest] = parts as [string, string, ...string[]];
  const suffix = rest.filter((p) => p !== '' && GENERATION.test(p)).join(' ');
  const [title, given] = splitHonorifics(tidy([first, ...rest.filter((p) => p !== '' && !GENERATION.test(p))].join(' ')));
  const variants = [tidy(`${title} ${given} ${titleCaseIfCaps(last)} ${suffix}`), tidy(`${title} ${last} ${given} ${suffix}`)];
  return [...new Set(variants)];
}
