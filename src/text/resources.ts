// The rigour name resources (MIT, opensanctions/rigour resources/names/), loaded once on first use.
// Layout of each file: /work/main/data/names/rigour/*.yml; see docs/design/text.md.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { AppError } from '../domain/errors.ts';

const DIR = new URL('../../data/names/rigour/', import.meta.url);

/** One organisation type of org_types.yml. */
export interface OrgType {
  readonly display?: string;
  readonly compare?: string;
  readonly generic?: string;
  readonly aliases: readonly string[];
}

/** Word groups: canonical key → spellings (symbols.yml sections). */
export type SymbolGroups = Readonly<Record<string, readonly string[]>>;

export interface Stopwords {
  readonly PERSON_NAME_PREFIXES: readonly string[];
  readonly ORG_NAME_PREFIXES: readonly string[];
  readonly OBJ_NAME_PREFIXES: readonly string[];
  readonly NAME_SPLIT_PHRASES: readonly string[];
  readonly GENERIC_PERSON_NAMES: readonly string[];
}

export interface Symbols {
  readonly org_symbols: SymbolGroups;
  readonly org_domains: SymbolGroups;
  readonly person_symbols: SymbolGroups;
  readonly person_nick: SymbolGroups;
  readonly person_name_parts: SymbolGroups;
}

function readYaml(file: string): unknown {
  const url = new URL(file, DIR);
  try {
    // Failsafe schema: every scalar is a string (an alias such as "No" or "1" must not become a
    // boolean or number), and it parses ~2.5× faster than the core schema.
    return parse(readFileSync(url, 'utf8'), { schema: 'failsafe' });
  } catch (cause) {
    throw new AppError('unusable_file', `cannot read name resource ${file}`, {
      where: url.pathname,
      hint: 'restore data/names/rigour/ from the project repository',
      cause,
    });
  }
}

function expectObject(value: unknown, file: string, key: string): Record<string, unknown> {
  const obj = (value as Record<string, unknown> | null)?.[key];
  if (typeof obj !== 'object' || obj === null) {
    throw new AppError('unusable_file', `name resource ${file} has no "${key}" section`, {
      where: new URL(file, DIR).pathname,
      hint: 'restore data/names/rigour/ from the project repository',
    });
  }
  return obj as Record<string, unknown>;
}

let orgTypes: readonly OrgType[] | undefined;
let stopwords: Stopwords | undefined;
let symbols: Symbols | undefined;

/** org_types.yml: 466 legal-form / organisation types with their aliases. */
export function loadOrgTypes(): readonly OrgType[] {
  orgTypes ??= Object.freeze(expectObject(readYaml('org_types.yml'), 'org_types.yml', 'types') as unknown as OrgType[]);
  return orgTypes;
}

/** stopwords.yml: honorifics, org/object prefixes, split phrases, generic person names. */
export function loadStopwords(): Stopwords {
  stopwords ??= Object.freeze(readYaml('stopwords.yml') as Stopwords);
  return stopwords;
}

/** symbols.yml: org symbols and domains, person symbols and nicknames. */
export function loadSymbols(): Symbols {
  if (symbols === undefined) {
    const raw = readYaml('symbols.yml');
    for (const key of ['org_symbols', 'org_domains', 'person_symbols']) expectObject(raw, 'symbols.yml', key);
    symbols = Object.freeze(raw as Symbols);
  }
  return symbols;
}
