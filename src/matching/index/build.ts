// Builds the candidate index from entities: names → tokens (one pipeline with the query side), token rarity
// weights, and the posting tables candidate generation reads. Runs in ~1 s for every bundled list; the
// MatchIndexHolder runs it in a worker thread so queries keep being answered meanwhile.
import type { Entity } from '../../domain/entity.ts';
import { DEFAULT_ALGORITHM } from '../algorithms/index.ts';
import type { Algorithm } from '../algorithms/types.ts';
import { alignmentTokens, prepareForMatch, schemaBit } from '../prepare.ts';
import { consonantSkeleton, phoneticKey } from '../../text/index.ts';
import { ABJAD_SCRIPTS } from '../features/token-similarity.ts';
import type { EntityCard } from '../types.ts';
import { namesWithin } from '../name-parts.ts';
import { isScreenable, toCard } from './cards.ts';
import { buildCsr, U32Builder } from './csr.ts';
import { INDEX_FORMAT, NAME_FLAG, type MatchIndexData } from './data.ts';
import { buildDeletionIndex } from './deletions.ts';
import { INITIAL_WEIGHT } from '../search/candidates.ts';

/** Interns strings to dense ids. */
class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Names collected from the cards, before the vocabulary is frozen. */
interface NameRows {
  entity: U32Builder;
  alias: U32Builder;
  flags: U32Builder;
  tokStart: U32Builder;
  toks: U32Builder;
  orig: number[];
  latin: string[];
  /** Words of the Latin form that folding removed or replaced, with counts. */
  folded: Map<string, number>;
  /** Token ids seen in names written in an abjad. */
  abjad: Set<number>;
  /** Per token id: how often it appeared as the product of folding (not a word of the Latin form). */
  foldProducts: Map<number, number>;
  entityNameStart: Uint32Array;
}

const FOLD_WORD = /^[a-z]{2,}$/;

function countFolded(latin: string, tokens: readonly string[], counts: Map<string, number>): void {
  for (const w of latin.split(' ')) {
    if (FOLD_WORD.test(w) && !tokens.includes(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
}

/** Fold words, most frequent first, with their counts. */
function foldWords(counts: ReadonlyMap<string, number>): { foldWords: string[]; foldCounts: Uint32Array } {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { foldWords: sorted.map(([w]) => w), foldCounts: Uint32Array.from(sorted, ([, c]) => c) };
}

function collectNames(
  cards: readonly EntityCard[],
  vocab: Interner,
  orig: Interner,
  algorithm: Algorithm,
): NameRows {
  const rows: NameRows = {
    entity: new U32Builder(),
    alias: new U32Builder(),
    flags: new U32Builder(),
    tokStart: new U32Builder(),
    toks: new U32Builder(),
    orig: [],
    latin: [],
    folded: new Map(),
    foldProducts: new Map(),
    abjad: new Set(),
    entityNameStart: new Uint32Array(cards.length + 1),
  };
  for (let e = 0; e < cards.length; e++) {
    rows.entityNameStart[e] = rows.entity.length;
    const card = cards[e];
    const ctx: NameContext = { rows, vocab, orig, algorithm, card, e, seen: new Set<string>() };
    card.names.forEach((whole, a) => {
      // Each name inside "X (f.k.a. Y)" is a name of the party as well (name-parts.ts).
      for (const value of namesWithin(whole)) addName(ctx, a, value, value === whole);
    });
  }
  rows.entityNameStart[cards.length] = rows.entity.length;
  rows.tokStart.push(rows.toks.length);
  return rows;
}

interface NameContext {
  rows: NameRows;
  vocab: Interner;
  orig: Interner;
  algorithm: Algorithm;
  card: EntityCard;
  e: number;
  /** Latin forms of the entity's names so far (a name spelled twice is indexed once). */
  seen: Set<string>;
}

/** One name row of entity `e` for alias `a` (`whole`: the alias itself, not a name within it). */
function addName(ctx: NameContext, a: number, value: string, whole: boolean): void {
  const { rows, vocab, card } = ctx;
  const prepared = prepareForMatch(value, card.schema);
  const tokens = alignmentTokens(prepared, ctx.algorithm.settings.maxNameTokens);
  if (tokens.length === 0 || ctx.seen.has(prepared.latin)) return;
  ctx.seen.add(prepared.latin);
  rows.entity.push(ctx.e);
  rows.alias.push(a);
  const kind = card.nameKinds[a];
  rows.flags.push((kind === 'weak' ? NAME_FLAG.weak : 0) | (kind === 'primary' ? NAME_FLAG.primary : 0));
  rows.tokStart.push(rows.toks.length);
  const words = prepared.latin.split(' ');
  for (const t of tokens) {
    const id = vocab.id(t);
    rows.toks.push(id);
    if (ABJAD_SCRIPTS.has(prepared.script)) rows.abjad.add(id);
    if (!words.includes(t)) rows.foldProducts.set(id, (rows.foldProducts.get(id) ?? 0) + 1);
  }
  rows.orig.push(prepared.originalScriptKey === undefined ? -1 : ctx.orig.id(prepared.originalScriptKey));
  rows.latin.push(prepared.latin);
  // Fold words are counted once per alias, not again for the names within it.
  if (whole) countFolded(prepared.latin, tokens, rows.folded);
}

/** Document frequency (names containing the token) and postings token → names, each name once per token. */
function postings(
  rows: NameRows,
  vocabSize: number,
): { df: Uint32Array; start: Uint32Array; names: Uint32Array } {
  const nameCount = rows.entity.length;
  const lastName = new Int32Array(vocabSize).fill(-1);
  const keys = new U32Builder(rows.toks.length);
  const values = new U32Builder(rows.toks.length);
  const start = rows.tokStart.data;
  for (let n = 0; n < nameCount; n++) {
    for (let p = start[n]; p < start[n + 1]; p++) {
      const t = rows.toks.data[p];
      if (lastName[t] === n) continue;
      lastName[t] = n;
      keys.push(t);
      values.push(n);
    }
  }
  const csr = buildCsr(vocabSize, keys.data, values.data, keys.length);
  const df = new Uint32Array(vocabSize);
  for (let t = 0; t < vocabSize; t++) df[t] = csr.start[t + 1] - csr.start[t];
  return { df, start: csr.start, names: csr.values };
}

/**
 * Inverse document frequency, ln(1 + N / df): "limited" or "muhammad" (in thousands of names) weigh ~3,
 * a token found in one name ~11. A listed name's score is driven by its rare tokens. Generic descriptors
 * (tokens that mostly arise from folding an org word: "technology" → tech, "systems" → system) are rarer
 * on sanctions lists than in trade, so list rarity overrates them: they weigh `genericTokenFactor` of it.
 */
function weights(
  vocab: readonly string[],
  df: Uint32Array,
  nameCount: number,
  generic: (t: number) => boolean,
  factor: number,
): Float32Array {
  const w = new Float32Array(df.length);
  for (let t = 0; t < df.length; t++) {
    w[t] = Math.log(1 + nameCount / Math.max(1, df[t])) * (generic(t) ? factor : 1);
    // A letter (an initial, or one letter of "T N K FABRICS") says as little on the list as in a query.
    if (vocab[t].length === 1) w[t] = Math.min(w[t], INITIAL_WEIGHT);
  }
  return w;
}

function phonetics(vocab: readonly string[]): {
  keys: string[];
  tokenPhon: Int32Array;
  start: Uint32Array;
  tokens: Uint32Array;
} {
  const keys = new Interner();
  const tokenPhon = new Int32Array(vocab.length).fill(-1);
  const k = new U32Builder(vocab.length);
  const v = new U32Builder(vocab.length);
  for (let t = 0; t < vocab.length; t++) {
    const key = vocab[t].length >= 2 ? phoneticKey(vocab[t]) : '';
    if (key === '') continue;
    tokenPhon[t] = keys.id(key);
    k.push(tokenPhon[t]);
    v.push(t);
  }
  const csr = buildCsr(keys.values.length, k.data, v.data, k.length);
  return { keys: keys.values, tokenPhon, start: csr.start, tokens: csr.values };
}

/**
 * Consonant-skeleton buckets (text/keys.ts): all tokens, and the tokens of abjad-script names alone. A query
 * written in an abjad reads the first; any other query the second.
 */
function skeletons(vocab: readonly string[], abjad: ReadonlySet<number>) {
  const keys = new Interner();
  const all = { k: new U32Builder(), v: new U32Builder() };
  const bare = { k: new U32Builder(), v: new U32Builder() };
  for (let t = 0; t < vocab.length; t++) {
    if (vocab[t].length < 2) continue;
    const key = consonantSkeleton(vocab[t]);
    if (key.length < 2) continue;
    const id = keys.id(key);
    all.k.push(id);
    all.v.push(t);
    if (abjad.has(t)) {
      bare.k.push(id);
      bare.v.push(t);
    }
  }
  const n = keys.values.length;
  const a = buildCsr(n, all.k.data, all.v.data, all.k.length);
  const b = buildCsr(n, bare.k.data, bare.v.data, bare.k.length);
  return {
    skelKeys: keys.values,
    skelStart: a.start,
    skelTokens: a.values,
    bareStart: b.start,
    bareTokens: b.values,
  };
}

function identifierTable(cards: readonly EntityCard[]): {
  keys: string[];
  start: Uint32Array;
  entities: Uint32Array;
} {
  const keys = new Interner();
  const k = new U32Builder();
  const v = new U32Builder();
  cards.forEach((card, e) => {
    for (const id of card.identifiers) {
      k.push(keys.id(id.key));
      v.push(e);
    }
  });
  const csr = buildCsr(keys.values.length, k.data, v.data, k.length);
  return { keys: keys.values, start: csr.start, entities: csr.values };
}

function listTables(cards: readonly EntityCard[], rows: NameRows) {
  const lists = new Interner();
  const subs = new Interner();
  const n = rows.entity.length;
  const nameList = new Uint16Array(n);
  const nameSubList = new Uint16Array(n);
  const nameClass = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const card = cards[rows.entity.data[i]];
    nameList[i] = lists.id(card.listId);
    nameSubList[i] = subs.id(card.subList === undefined ? '' : `${card.listId}:${card.subList}`);
    nameClass[i] = schemaBit(card.schema);
  }
  return { listKeys: lists.values, subListKeys: subs.values, nameList, nameSubList, nameClass };
}

/** Builds the index from entities (ended listings and non-party records are skipped). */
export function buildIndexData(
  entities: Iterable<Entity>,
  algorithm: Algorithm = DEFAULT_ALGORITHM,
): MatchIndexData {
  const cards: EntityCard[] = [];
  for (const entity of entities) if (isScreenable(entity)) cards.push(toCard(entity));
  return buildFromCards(cards, algorithm);
}

/** Builds the index from cards (what a worker thread receives). */
export function buildFromCards(
  cards: EntityCard[],
  algorithm: Algorithm = DEFAULT_ALGORITHM,
): MatchIndexData {
  const vocab = new Interner();
  const orig = new Interner();
  const rows = collectNames(cards, vocab, orig, algorithm);
  const nameCount = rows.entity.length;
  const post = postings(rows, vocab.values.length);
  const generic = (t: number): boolean => (rows.foldProducts.get(t) ?? 0) * 2 > post.df[t];
  const tokenWeight = weights(
    vocab.values,
    post.df,
    nameCount,
    generic,
    algorithm.settings.genericTokenFactor,
  );
  const nameTokStart = rows.tokStart.toArray();
  const nameToks = rows.toks.toArray();
  const nameWeight = new Float32Array(nameCount);
  for (let n = 0; n < nameCount; n++) {
    for (let p = nameTokStart[n]; p < nameTokStart[n + 1]; p++) nameWeight[n] += tokenWeight[nameToks[p]];
  }
  const origKeys = new U32Builder();
  const origNames = new U32Builder();
  rows.orig.forEach((k, n) => {
    if (k < 0) return;
    origKeys.push(k);
    origNames.push(n);
  });
  const origCsr = buildCsr(orig.values.length, origKeys.data, origNames.data, origKeys.length);
  const phon = phonetics(vocab.values);
  const del = buildDeletionIndex(vocab.values);
  const ids = identifierTable(cards);
  return {
    format: INDEX_FORMAT,
    algorithm: algorithm.id,
    cards,
    entityNameStart: rows.entityNameStart,
    nameEntity: rows.entity.toArray(),
    nameAlias: Uint16Array.from(rows.alias.toArray()),
    nameFlags: Uint8Array.from(rows.flags.toArray()),
    ...listTables(cards, rows),
    nameTokStart,
    nameToks,
    nameWeight,
    nameOrig: Int32Array.from(rows.orig),
    nameLatin: rows.latin,
    vocab: vocab.values,
    tokenWeight,
    tokenDf: post.df,
    tokenAbjad: Uint8Array.from(vocab.values, (_, t) => (rows.abjad.has(t) ? 1 : 0)),
    tokenPhon: phon.tokenPhon,
    postStart: post.start,
    postNames: post.names,
    phonKeys: phon.keys,
    phonStart: phon.start,
    phonTokens: phon.tokens,
    ...skeletons(vocab.values, rows.abjad),
    delHash: del.hash,
    delToken: del.token,
    delDir: del.dir,
    origKeys: orig.values,
    origStart: origCsr.start,
    origNames: origCsr.values,
    idKeys: ids.keys,
    idStart: ids.start,
    idEntities: ids.entities,
    ...foldWords(rows.folded),
    unknownWeight: Math.log(1 + nameCount),
  };
}
