// Organisation words folded to one symbol (symbols.yml org_symbols + org_domains), so customer
// abbreviations meet long forms: company/corp/компания → co, international → intl,
// technology → tech, mfg → manufacturing.
import { aliasTokens } from './legal-forms.ts';
import { ORG_ABBREVIATIONS } from './org-abbreviations.ts';
import { PhraseTable } from './phrase-table.ts';
import { loadSymbols } from './resources.ts';

let table: PhraseTable | undefined;

/**
 * Every spelling → its group key. Groups are read in file order and the first group wins a clash
 * ("corporation" is listed under both co and corp: co wins, and so does "corp", listed under co).
 * Keys are added last as spellings of themselves (tech, mgmt, intl …), without overriding.
 */
export function orgSymbolTable(): PhraseTable {
  if (table === undefined) {
    table = new PhraseTable();
    const { org_symbols, org_domains } = loadSymbols();
    const groups = [...Object.entries(org_symbols), ...Object.entries(org_domains)];
    for (const [key, spellings] of groups) for (const s of spellings ?? []) table.add(aliasTokens(String(s)), key);
    // Abbreviations after the file's own spellings, so they never override one.
    for (const [key, abbreviations] of Object.entries(ORG_ABBREVIATIONS))
      for (const a of abbreviations) table.add([a], key);
    for (const [key] of groups) table.add(aliasTokens(key), key);
    table.addJoinedForms();
  }
  return table;
}
