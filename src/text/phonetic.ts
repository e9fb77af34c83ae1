// Phonetic keys for tokens that are spelled differently but sound alike (Mohamed / Muhammad).
import { doubleMetaphone } from 'double-metaphone';

const HAS_LETTER = /[a-z]/i;

/** Double-metaphone primary key of a token; '' for tokens without letters (numbers). */
export function phoneticKey(token: string): string {
  if (!HAS_LETTER.test(token)) return '';
  return doubleMetaphone(token)[0];
}
