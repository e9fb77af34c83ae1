// The queryable index: the built data plus the hash maps a query needs (rebuilt from the string tables in a
// few milliseconds, so only the typed arrays cross the worker boundary).
import { INDEX_FORMAT, type MatchIndexData } from './data.ts';

function idMap(values: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  values.forEach((v, i) => map.set(v, i));
  return map;
}

export class MatchIndex {
  readonly data: MatchIndexData;
  readonly tokenIds: Map<string, number>;
  readonly phonIds: Map<string, number>;
  readonly origIds: Map<string, number>;
  readonly skelIds: Map<string, number>;
  readonly identifierIds: Map<string, number>;
  readonly listIds: Map<string, number>;
  readonly subListIds: Map<string, number>;
  /** Normalised Latin form of a listed name → its names: an exact name is always a candidate. */
  readonly latinNames: Map<string, number[]>;
  /** Length of each vocabulary token (capped at 255), read without touching the string in hot loops. */
  readonly tokenLength: Uint8Array;
  /** First char code of each vocabulary token of two letters or more (0 for a letter): what an initial abbreviates. */
  readonly tokenInitial: Uint16Array;

  constructor(data: MatchIndexData) {
    if (data.format !== INDEX_FORMAT) {
      throw new TypeError(`index format ${String(data.format)} is not ${INDEX_FORMAT}: rebuild the index`);
    }
    this.data = data;
    this.tokenIds = idMap(data.vocab);
    this.phonIds = idMap(data.phonKeys);
    this.origIds = idMap(data.origKeys);
    this.skelIds = idMap(data.skelKeys);
    this.identifierIds = idMap(data.idKeys);
    this.listIds = idMap(data.listKeys);
    this.subListIds = idMap(data.subListKeys);
    this.tokenLength = Uint8Array.from(data.vocab, (v) => Math.min(255, v.length));
    this.tokenInitial = Uint16Array.from(data.vocab, (v) => (v.length > 1 ? v.charCodeAt(0) : 0));
    this.latinNames = new Map();
    data.nameLatin.forEach((latin, n) => {
      const names = this.latinNames.get(latin);
      if (names === undefined) this.latinNames.set(latin, [n]);
      else names.push(n);
    });
  }

  get entityCount(): number {
    return this.data.cards.length;
  }

  get nameCount(): number {
    return this.data.nameEntity.length;
  }

  get vocabularySize(): number {
    return this.data.vocab.length;
  }
}
