// The built candidate index as plain data: typed arrays over dense integer ids plus a few string tables.
// Plain data so that a worker thread can build it and transfer the arrays back without copying
// (STYLE habit 14: dense ids, typed arrays, versioned format).
import type { EntityCard } from '../types.ts';

export const INDEX_FORMAT = 'embargo-match-index/1';

export interface MatchIndexData {
  format: typeof INDEX_FORMAT;
  /** Algorithm whose settings shaped the index (token caps). */
  algorithm: string;
  /** Entities by dense id. */
  cards: EntityCard[];
  /** entity → its names: names of entity e are entityNameStart[e] .. entityNameStart[e + 1]. */
  entityNameStart: Uint32Array;

  // Names (dense name id): one row per distinct listed name or alias.
  nameEntity: Uint32Array;
  /** Position of the name in its card's `names`. */
  nameAlias: Uint16Array;
  /** NAME_FLAG bits. */
  nameFlags: Uint8Array;
  /** Schema class bit of the name's entity (prepare.ts SCHEMA_BIT). */
  nameClass: Uint8Array;
  /** Index into listKeys / subListKeys. */
  nameList: Uint16Array;
  nameSubList: Uint16Array;
  /** Tokens of name n: nameToks[nameTokStart[n] .. nameTokStart[n + 1]). */
  nameTokStart: Uint32Array;
  nameToks: Uint32Array;
  /** Sum of the token weights of the name. */
  nameWeight: Float32Array;
  /** Original-script key id of the name, or -1. */
  nameOrig: Int32Array;
  /** The normalised Latin form of each name (for cross-list grouping). */
  nameLatin: string[];
  listKeys: string[];
  /** `listId:subList`, or '' when the entity has no sub-list. */
  subListKeys: string[];

  // Vocabulary (dense token id).
  vocab: string[];
  tokenWeight: Float32Array;
  tokenDf: Uint32Array;
  /** 1 for tokens seen in a name written in an abjad (Arabic, Hebrew, Thai script). */
  tokenAbjad: Uint8Array;
  /** Phonetic key id of each token, or -1. */
  tokenPhon: Int32Array;
  /** token → names containing it. */
  postStart: Uint32Array;
  postNames: Uint32Array;
  phonKeys: string[];
  /** phonetic key → tokens. */
  phonStart: Uint32Array;
  phonTokens: Uint32Array;
  skelKeys: string[];
  /** consonant skeleton → tokens; and → tokens of abjad-script names only. */
  skelStart: Uint32Array;
  skelTokens: Uint32Array;
  bareStart: Uint32Array;
  bareTokens: Uint32Array;
  /** Deletion-neighbourhood hashes (sorted) and their tokens. */
  delHash: Uint32Array;
  delToken: Uint32Array;
  /** Directory over delHash by the top 16 bits (deletions.ts). */
  delDir: Uint32Array;
  origKeys: string[];
  /** original-script key → names. */
  origStart: Uint32Array;
  origNames: Uint32Array;
  idKeys: string[];
  /** identifier key → entities. */
  idStart: Uint32Array;
  idEntities: Uint32Array;
  /** Words listed names lost to legal-form / org-word folding, most frequent first (search/fold-words.ts). */
  foldWords: string[];
  /** How many listed names lost each fold word. */
  foldCounts: Uint32Array;
  /** Weight given to a query token that no listed name contains (the weight of a token seen once). */
  unknownWeight: number;
}

export const NAME_FLAG = { weak: 1, primary: 2 } as const;

/** The buffers to transfer when posting the data to another thread. */
export function transferList(data: MatchIndexData): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const value of Object.values(data)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.push(value.buffer);
  }
  return buffers;
}
