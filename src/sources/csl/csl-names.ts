// Names as the CSL prints them can carry more than a name: a parent organisation ("X (Parent Organization: Y)",
// Entity List), an inline alias ("X, a.k.a. Y", "PEARL (A.K.A. NEI-CHIEN CHU) LI") or the State Department's
// scope clause ("X and any successor, sub-unit, or subsidiary thereof"). Screening needs the bare name; the
// rest becomes an alias, a relation or a remark.
import type { NameKind } from '../../domain/entity.ts';
import { clean } from '../../domain/entity-builder.ts';

export interface ParsedName {
  primary: string;
  aliases: { value: string; kind: NameKind }[];
  /** Named parent organisation (the listed party is owned/controlled by it; share not stated). */
  parent?: string;
  /** True when the printed name was rewritten (the printed form is then kept as a remark). */
  rewritten: boolean;
}

const PARENT = /\s*\(Parent Organization:\s*(.+)\)\s*$/i;
const SCOPE =
  /[;,]?\s+and (any successor, sub-unit, or subsidiary thereof|its sub-units and successors)\s*$/i;
const INLINE_AKA = /\s*\((a\.k\.a\.|f\.k\.a\.)\s*([^()]+)\)\s*/i;
const TRAILING_AKA = /,?\s+a\.k\.a\.,?\s+/i;

/** Splits a printed CSL name into the bare name, its aliases and a named parent. */
export function parseCslName(printed: string): ParsedName {
  let primary = clean(printed);
  const result: ParsedName = { primary, aliases: [], rewritten: false };
  const parent = PARENT.exec(primary);
  if (parent !== null) {
    result.parent = clean(parent[1]);
    primary = primary.slice(0, parent.index);
  }
  primary = primary.replace(SCOPE, '');
  const inline = INLINE_AKA.exec(primary);
  if (inline !== null) {
    result.aliases.push({
      value: clean(inline[2]),
      kind: inline[1]!.toLowerCase() === 'f.k.a.' ? 'fka' : 'aka',
    });
    primary = `${primary.slice(0, inline.index)} ${primary.slice(inline.index + inline[0].length)}`;
  }
  const [head, ...akas] = primary.split(TRAILING_AKA);
  for (const aka of akas) result.aliases.push({ value: clean(aka), kind: 'aka' });
  result.primary = clean(head);
  result.rewritten = result.primary !== clean(printed);
  return result;
}
