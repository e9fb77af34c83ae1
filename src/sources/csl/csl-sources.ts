// CSL `source` names → sub-list codes (CSL_SUB_LISTS in src/domain/lists.ts; docs/contracts.md "List ids").
// The CSV and JSON print long names such as "Entity List (EL) - Bureau of Industry and Security" or
// "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"; the code is in the parentheses.
import { CSL_SUB_LISTS } from '../../domain/lists.ts';

/** Spellings inside the parentheses (or the API's `sources` codes) that differ from our sub-list code. */
const ALIASES: Readonly<Record<string, string>> = {
  'NS-MBS LIST': 'MBS',
  'NS-MBS': 'MBS',
  'NS-CMIC': 'CMIC',
  CAPTA: 'CAP',
};

function known(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const resolved = ALIASES[upper] ?? upper;
  return resolved in CSL_SUB_LISTS ? resolved : undefined;
}

/** The sub-list code of a CSL `source` value, or undefined when the source is not one we know. */
export function cslSubList(source: string): string | undefined {
  const direct = known(source);
  if (direct !== undefined) return direct;
  const inParens = [...source.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]!);
  for (const candidate of inParens.reverse()) {
    const code = known(candidate);
    if (code !== undefined) return code;
  }
  return undefined;
}
