// Typos in the words the text pipeline folds or drops (legal forms, org words): "LIMTIED", "COMPAN",
// "INTERNATIONALL", "TECHNOLOG". Unrecognised, such a word stays a name token that no listed name has, and
// costs the score its full weight. The index records every word its listed names lost to folding
// (a word of the Latin form that is not among the name's tokens, seen at least twice); a query word one
// edit from such a word, and not itself a listed token, is corrected before the query is prepared again.
import { prepareName, type PreparedName } from '../../text/index.ts';
import { osaDistance } from '../features/edit-distance.ts';
import { hashWithout } from '../index/deletions.ts';
import type { MatchIndex } from '../index/match-index.ts';
import { hintForSchema } from '../prepare.ts';

const MIN_LENGTH = 4;

export class FoldWordCorrector {
  readonly #words: readonly string[];
  readonly #known: ReadonlySet<string>;
  readonly #byHash = new Map<number, number[]>();
  readonly #ix: MatchIndex;

  constructor(ix: MatchIndex) {
    this.#ix = ix;
    this.#words = ix.data.foldWords;
    this.#known = new Set(this.#words);
    this.#words.forEach((w, i) => {
      for (let skip = -1; skip < w.length; skip++) {
        const h = hashWithout(w, skip);
        const bucket = this.#byHash.get(h);
        if (bucket === undefined) this.#byHash.set(h, [i]);
        else if (bucket[bucket.length - 1] !== i) bucket.push(i);
      }
    });
  }

  /** The fold word one edit from `word` seen most often on the lists (words are sorted by frequency). */
  #nearest(word: string): string | undefined {
    let best = -1;
    for (let skip = -1; skip < word.length; skip++) {
      for (const i of this.#byHash.get(hashWithout(word, skip)) ?? []) {
        if ((best < 0 || i < best) && osaDistance(word, this.#words[i], 1) <= 1) best = i;
      }
    }
    return best < 0 ? undefined : this.#words[best];
  }

  /** The prepared query with misspelt fold words corrected (person names are left alone: nothing folds). */
  correct(prepared: PreparedName, schema: string | undefined): PreparedName {
    const hint = hintForSchema(schema);
    if (hint === 'person' || this.#words.length === 0) return prepared;
    const words = prepared.latin.split(' ');
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.length < MIN_LENGTH || this.#known.has(w) || this.#ix.tokenIds.has(w)) continue;
      const fix = this.#nearest(w);
      if (fix !== undefined) {
        words[i] = fix;
        changed = true;
      }
    }
    return changed ? prepareName(words.join(' '), hint) : prepared;
  }
}
