// "LAST, First" (OFAC, UN, BIS write individuals this way) → the orders a name may be written in.

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

/**
 * Orders a personal name may be written in. "KIM, Jong Un" → ["Jong Un Kim", "KIM Jong Un"]:
 * given names first (surname title-cased when written in capitals), then surname first without
 * the comma. A generation suffix after a second comma stays last ("SMITH, John, Jr.").
 * A name without a comma is returned as is (tidied).
 */
export function personNameVariants(raw: string): string[] {
  const parts = raw.split(',').map(tidy);
  if (parts.length < 2 || parts[0] === '' || parts[1] === '') return [tidy(raw.replace(/,/g, ' '))].filter((s) => s !== '');
  const [last, first, ...rest] = parts as [string, string, ...string[]];
  const suffix = rest.filter((p) => p !== '' && GENERATION.test(p)).join(' ');
  const given = tidy([first, ...rest.filter((p) => p !== '' && !GENERATION.test(p))].join(' '));
  const variants = [tidy(`${given} ${titleCaseIfCaps(last)} ${suffix}`), tidy(`${last} ${given} ${suffix}`)];
  return [...new Set(variants)];
}
