// Legal forms (org_types.yml) → one canonical token per type, matched on normalised tokens, so
// "Limited", "Ltd.", "有限公司" and "Общество с ограниченной ответственностью" all become "llc".
import { latinForm } from './normalise.ts';
import { PhraseTable } from './phrase-table.ts';
import { loadOrgTypes, type OrgType } from './resources.ts';

/**
 * The token that replaces a type's aliases: its `generic` tag (LLC, JSC, …: the constrained
 * cross-country vocabulary, so GmbH, OOO and Ltd meet), else `compare`, else `display`, else the
 * first alias; normalised and without spaces so it stays one token.
 */
export function canonicalLegalForm(type: OrgType): string {
  const label = [type.generic, type.compare, type.display, type.aliases[0]].find((v) => v !== undefined && v !== null && String(v).trim() !== '');
  return latinForm(String(label ?? ''), 'organization').replaceAll(' ', '');
}

/** Tokens of an alias as the pipeline sees them. */
export function aliasTokens(alias: string): string[] {
  const latin = latinForm(alias, 'organization');
  return latin === '' ? [] : latin.split(' ');
}

let table: PhraseTable | undefined;

/** All aliases of all types; on a clash (same tokens, two types) the first type in the file wins. */
export function legalFormTable(): PhraseTable {
  if (table === undefined) {
    table = new PhraseTable();
    for (const type of loadOrgTypes()) {
      const canonical = canonicalLegalForm(type);
      for (const alias of type.aliases) table.add(aliasTokens(String(alias)), canonical);
    }
    table.addJoinedForms();
  }
  return table;
}
