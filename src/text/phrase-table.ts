// Multi-word phrase lookup over tokens (longest match), for legal forms, org symbols and honorifics.

interface Node {
  next: Map<string, Node>;
  value: string | undefined;
}

/** A match of a phrase at a token position. */
export interface PhraseMatch {
  /** Number of tokens the phrase covers. */
  readonly length: number;
  /** The canonical value stored for the phrase. */
  readonly value: string;
}

/** A token trie: phrases are token sequences, each mapped to one canonical value. */
export class PhraseTable {
  readonly #root: Node = { next: new Map(), value: undefined };
  #size = 0;

  /** Add a phrase; the first value added for a phrase wins (file order decides ties). */
  add(tokens: readonly string[], value: string): void {
    if (tokens.length === 0) return;
    let node = this.#root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (child === undefined) node.next.set(t, (child = { next: new Map(), value: undefined }));
      node = child;
    }
    if (node.value === undefined) {
      node.value = value;
      this.#size++;
    }
  }

  /**
   * Also add the run-together spelling of every multi-word phrase ("al qaida" → "alqaida",
   * "p l c" → "plc"), after all phrases so it never overrides one; people write both.
   */
  addJoinedForms(): void {
    const joined: [string, string][] = [];
    const walk = (node: Node, path: string[]): void => {
      if (node.value !== undefined && path.length > 1) joined.push([path.join(''), node.value]);
      for (const [t, child] of node.next) walk(child, [...path, t]);
    };
    walk(this.#root, []);
    for (const [word, value] of joined) this.add([word], value);
  }

  get size(): number {
    return this.#size;
  }

  /** Longest phrase starting at tokens[start], or undefined. */
  longestAt(tokens: readonly string[], start: number): PhraseMatch | undefined {
    let node: Node | undefined = this.#root;
    let best: PhraseMatch | undefined;
    for (let i = start; i < tokens.length; i++) {
      node = node.next.get(tokens[i] as string);
      if (node === undefined) break;
      if (node.value !== undefined) best = { length: i - start + 1, value: node.value };
    }
    return best;
  }

  /** The value of exactly this phrase, or undefined. */
  get(tokens: readonly string[]): string | undefined {
    const m = this.longestAt(tokens, 0);
    return m !== undefined && m.length === tokens.length ? m.value : undefined;
  }
}
