// Repairs customer-data damage to the words the text pipeline folds or drops (legal forms, org words) before
// the query is prepared again. Unrepaired, such a word stays a name token that no listed name has and costs
// the score its full weight. Repairs, for organisation queries only (person names have no fold words):
//   typo           LIMTIED → limited, COMPAN → company, INVERSIONNSE → inversiones (1 edit, 2 from 8 letters)
//   legal form     "Biznest, TLD" → ltd, "Holdings, Innc." → inc (short words, last in the name)
//   run together   SHIPPINGLIMITED → shipping limited, ACEXOY → acex oy, GENERALTADING → general trading
//   abbreviated    trdg → trading, inst → institute, elec → electronics (prefix, or consonants in order)
// The index records every word its listed names lost to folding (a word of the Latin form that is not one of
// the name's tokens) with a count; a repair picks the most frequent candidate. A word is left alone when it
// is a fold word, or a listed token used by more than two names (then it is a word of its own, not damage).
import { prepareName, type PreparedName } from '../../text/index.ts';
import { osaDistance } from '../features/edit-distance.ts';
import { isVowelless } from '../features/token-similarity.ts';
import { hashWithout } from '../index/deletions.ts';
import type { MatchIndex } from '../index/match-index.ts';
import { hintForSchema } from '../prepare.ts';

/** Shortest word a typo repair considers (shorter words are too often other words one edit away). */
const MIN_TYPO_LENGTH = 5;
/** From this length a word may carry two typos. */
const TWO_TYPO_LENGTH = 8;
/** A listed token in at most this many names may still be damage (a rare misspelling on a list). */
const RARE_DF = 2;
/** A repair target must be this much more frequent than the word it replaces. */
const FREQUENCY_RATIO = 10;
/** Short legal forms ("ltd", "inc") are repaired only towards forms this frequent. */
const MIN_SHORT_FORM_COUNT = 20;

export class QueryRepair {
  readonly #words: readonly string[];
  readonly #counts: Uint32Array;
  readonly #rank: ReadonlyMap<string, number>;
  readonly #byHash = new Map<number, number[]>();
  readonly #byInitial = new Map<string, number[]>();
  /** Every fold word by its first letter, most frequent first: what an abbreviation can stand for. */
  readonly #byFirst = new Map<string, number[]>();
  readonly #ix: MatchIndex;

  constructor(ix: MatchIndex) {
    this.#ix = ix;
    this.#words = ix.data.foldWords;
    this.#counts = ix.data.foldCounts;
    this.#rank = new Map(this.#words.map((w, i) => [w, i]));
    this.#words.forEach((w, i) => {
      for (let skip = -1; skip < w.length; skip++) push(this.#byHash, hashWithout(w, skip), i);
      if (w.length >= TWO_TYPO_LENGTH - 2) push(this.#byInitial, w[0], i);
      if (w.length > 0) push(this.#byFirst, w[0], i);
    });
  }

  #df(word: string): number {
    const id = this.#ix.tokenIds.get(word);
    return id === undefined ? 0 : this.#ix.data.tokenDf[id];
  }

  /** Whether fold word i may replace a word used by `df` listed names. */
  #worth(i: number, df: number): boolean {
    return df === 0 || this.#counts[i] >= FREQUENCY_RATIO * df;
  }

  /** The most frequent fold word within the typo budget (one edit; two from 8 letters). */
  #typo(word: string, df: number, minLength = MIN_TYPO_LENGTH): number {
    if (word.length < minLength) return -1;
    let best = -1;
    const consider = (i: number, edits: number): void => {
      const w = this.#words[i];
      if (best >= 0 && i > best) return;
      if (w.length < 2 || Math.abs(w.length - word.length) > edits) return;
      if (osaDistance(word, w, edits) <= edits && this.#worth(i, df)) best = i;
    };
    for (let skip = -1; skip < word.length; skip++)
      for (const i of this.#byHash.get(hashWithout(word, skip)) ?? []) consider(i, 1);
    // Two typos: fold words of the same first letter (a typo in the first letter is left to the one-edit case).
    if (best < 0 && word.length >= TWO_TYPO_LENGTH)
      for (const i of this.#byInitial.get(word[0]) ?? []) consider(i, 2);
    return best;
  }

  /** A fold word run together with another known word: "shippinglimited", "acexoy", "generaltading". */
  #split(word: string): string | undefined {
    for (let k = 2; k <= word.length - 2; k++) {
      const l = word.slice(0, k);
      const r = word.slice(k);
      // At least one piece must be known as it stands; only then may the other be a misspelt fold word.
      if (!this.#rank.has(l) && !this.#ix.tokenIds.has(l) && !this.#rank.has(r) && !this.#ix.tokenIds.has(r))
        continue;
      const left = this.#piece(l);
      const right = left === undefined ? undefined : this.#piece(r);
      if (left === undefined || right === undefined || (!left.fold && !right.fold)) continue;
      // Legal forms trail a name; a leading fold word must be a word of its own (llc, not "in" of "intime").
      if (left.fold && !right.fold && left.text.length < 3) continue;
      if (Math.max(left.text.length, right.text.length) >= 4) return `${left.text} ${right.text}`;
    }
    return undefined;
  }

  #piece(text: string): { text: string; fold: boolean } | undefined {
    if (this.#rank.has(text)) return { text, fold: true };
    if (text.length >= 3 && this.#ix.tokenIds.has(text)) return { text, fold: false };
    const typo = text.length >= 5 ? this.#typo(text, 0) : -1;
    return typo < 0 ? undefined : { text: this.#words[typo], fold: true };
  }

  /**
   * The most frequent fold word the word abbreviates: as a prefix of at least three letters ("inst",
   * "elec"), or, for a word without vowels, as its letters in order from the first ("trdg", "mfg").
   * Words with vowels that are no prefix are left alone: they are acronyms and names ("IDS", "EON").
   */
  #abbreviation(word: string, df: number): string | undefined {
    if (word.length < 3 || word.length > 5) return undefined;
    // Both kinds start with the word's first letter: only that letter's bucket is read (in frequency order).
    const bucket = this.#byFirst.get(word[0]) ?? [];
    const fits = (i: number): boolean => this.#words[i].length > word.length + 1 && this.#worth(i, df);
    const prefix = bucket.find((i) => fits(i) && this.#words[i].startsWith(word));
    if (prefix !== undefined || !isVowelless(word))
      return prefix === undefined ? undefined : this.#words[prefix];
    const inOrder = bucket.find((i) => fits(i) && isSubsequence(word, this.#words[i]));
    return inOrder === undefined ? undefined : this.#words[inOrder];
  }

  /** A short word at the end of the name one edit from a frequent short legal form ("tld", "innc", "td"). */
  #shortForm(word: string): string | undefined {
    if (word.length < 2 || word.length > 4) return undefined;
    const i = this.#typo(word, 0, 2);
    return i >= 0 && this.#words[i].length <= 5 && this.#counts[i] >= MIN_SHORT_FORM_COUNT
      ? this.#words[i]
      : undefined;
  }

  #fix(word: string, single: boolean, last: boolean): string | undefined {
    if (this.#rank.has(word) || /\d/.test(word)) return undefined;
    const df = this.#df(word);
    if (df > RARE_DF) return undefined;
    if (single) return df === 0 ? this.#split(word) : undefined;
    // A listed token is never "corrected" into another word; it may still be an abbreviation (elec, trdg).
    const typo = df === 0 ? this.#typo(word, df) : -1;
    if (typo >= 0) return this.#words[typo];
    if (last) {
      const form = this.#shortForm(word);
      if (form !== undefined) return form;
    }
    return (df === 0 ? this.#split(word) : undefined) ?? this.#abbreviation(word, df);
  }

  /** The prepared query with damaged fold words repaired (and prepared again), or as it was. */
  repair(prepared: PreparedName, schema: string | undefined): PreparedName {
    const hint = hintForSchema(schema);
    if (hint === 'person' || this.#words.length === 0) return prepared;
    const words = prepared.latin.split(' ');
    // A one-word query is all name: a typo or abbreviation "repair" would turn it into a legal form.
    const single = words.length < 2;
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const fix = this.#fix(words[i], single, i === words.length - 1);
      if (fix !== undefined) {
        words[i] = fix;
        changed = true;
      }
    }
    // A repair that leaves nothing but fold words ("TUNDO CORPORATION" → mundo corporation) made a name
    // into descriptors: keep the query as it was.
    if (!changed || words.every((w) => w.length === 1 || this.#rank.has(w))) return prepared;
    return prepareName(words.join(' '), hint);
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, [value]);
  else if (bucket[bucket.length - 1] !== value) bucket.push(value);
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}
