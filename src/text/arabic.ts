// Arabic script → ASCII: any-ascii, with the definite article split off as its own word.
import anyAscii from 'any-ascii';

/**
 * The article ال is written joined to its noun (البغدادي); Latin spellings write it apart
 * ("al-Baghdadi", "Al Baghdadi"), so it becomes the word "al" here and the noun keeps its own
 * skeleton (bghddy ~ baghdadi). The article needs a noun of two letters or more after it, and
 * الله (Allah) is one word.
 */
const ARTICLE = /^\u0627\u0644(?=[\u0620-\u064a\u066e-\u06d3]{2,})/;

/** One Arabic-script word in ASCII. */
export function arabicToAscii(word: string): string {
  const m = ARTICLE.exec(word);
  if (m === null || word === '\u0627\u0644\u0644\u0647') return anyAscii(word);
  return `al ${anyAscii(word.slice(m[0].length))}`;
}
