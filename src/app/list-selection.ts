// A screening's list selection (`--lists`, the API's `lists`): every list id must be loaded and every sub-list a
// code Embargo knows. Checked against the database's lists, not an index built for the selection only — else an
// unknown list reads "no lists are loaded" and a mistyped sub-list (`us_trade_csl:ELL`) screens nothing and
// answers "clear".
import { AppError } from '../domain/errors.ts';
import { CSL_SUB_LISTS } from '../domain/lists.ts';

/** Sub-list codes (docs/contracts.md "List ids"): the CSL's source codes, which OFAC's advanced XML uses too. */
const SUB_LIST_CODES: ReadonlySet<string> = new Set(Object.keys(CSL_SUB_LISTS));

const HINT_SUB_LIST = `a sub-list is written <list>:<code>, code one of ${[...SUB_LIST_CODES].join(', ')} (e.g. us_trade_csl:EL)`;

/** Throws an `invalid_input` AppError (where: `lists`) naming what is not loaded or not a sub-list. */
export function checkListSelection(selection: readonly string[], loaded: readonly string[]): void {
  const known = new Set(loaded);
  const unknown = selection.filter((s) => !known.has(s.split(':')[0]!));
  if (unknown.length > 0) {
    throw new AppError('invalid_input', `list ${unknown.join(', ')} is not loaded`, {
      where: 'lists',
      hint: `loaded lists: ${[...known].sort().join(', ') || 'none (run `npm start` or `embargo import <file>` first)'}; ${HINT_SUB_LIST}`,
    });
  }
  const badSubLists = selection.filter(
    (s) => s.includes(':') && !SUB_LIST_CODES.has(s.slice(s.indexOf(':') + 1)),
  );
  if (badSubLists.length > 0) {
    throw new AppError('invalid_input', `${badSubLists.join(', ')}: not a sub-list`, {
      where: 'lists',
      hint: HINT_SUB_LIST,
    });
  }
}

/**
 * The selected sub-lists no record of the index belongs to. Screening against one finds nothing, which reads as
 * "clear": callers warn. (OFAC's CSV files carry no sub-lists — only the CSL and OFAC's advanced XML do — so
 * `us_ofac_cons:CMIC` is empty when the consolidated list came from the CSV files.)
 */
export function emptySubLists(
  selection: readonly string[],
  cards: readonly { listId: string; subList?: string | undefined }[],
): string[] {
  const wanted = new Set(selection.filter((s) => s.includes(':')));
  if (wanted.size === 0) return [];
  for (const card of cards) if (card.subList !== undefined) wanted.delete(`${card.listId}:${card.subList}`);
  return [...wanted];
}
