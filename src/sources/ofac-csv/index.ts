// OFAC legacy CSV sets (SDN: sdn.csv + add.csv + alt.csv + sdn_comments.csv; consolidated non-SDN: the
// cons_* quartet) as a SourceFormat. See docs/design/sources-ofac.md.
import { listId, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ImportWarning, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { locateOfacFiles, primarySetIn, type OfacSet } from './ofac-csv.files.ts';
import { mapOfacRecord } from './ofac-csv.map.ts';
import { parseOfacCsv } from './ofac-csv.parse.ts';

export { parseOfacRemarks, type OfacRemarkFacts } from './remarks.ts';
export {
  addAddress,
  addCountry,
  applyFacts,
  claimCountry,
  ofacCountryCode,
  setProperty,
  type AddressParts,
} from './ofac-facts.ts';
export { MAX_EXPANDED_YEARS } from './remark-dates.ts';

const LIST_BY_SET: Readonly<Record<OfacSet, string>> = { sdn: 'us_ofac_sdn', cons: 'us_ofac_cons' };

// An OFAC primary row: numeric ent_num, a quoted name, then SDN_Type as "-0- " or a quoted known type.
const PRIMARY_HEAD = /^\d+,"[^"]*",(-0- ?|"individual"|"vessel"|"aircraft"),/;

/** True for a folder holding sdn.csv / cons_prim.csv, or for such a file (by name or by its first row). */
export function detectOfacCsv(input: DetectInput): boolean {
  if (input.isDirectory) return primarySetIn(input.fileNames) !== undefined;
  return primarySetIn(input.fileNames) !== undefined || PRIMARY_HEAD.test(input.head);
}

/** Reads an OFAC legacy CSV set into source events (list, entities, warnings, end). */
export async function* readOfacCsv(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const files = await locateOfacFiles(path);
  const list: ListId = options.listId ?? listId(LIST_BY_SET[files.set]);
  yield { type: 'list', listId: list };
  for await (const event of parseOfacCsv(files)) {
    if (event.type !== 'record') {
      yield event;
      continue;
    }
    const { entity, notes } = mapOfacRecord(event.record, list);
    for (const reason of notes) {
      const warning: ImportWarning = {
        file: event.record.file,
        line: event.record.line,
        reason,
        severity: 'note',
      };
      yield { type: 'warning', warning };
    }
    yield { type: 'entity', entity };
  }
}

/** Format id `ofac_csv`. */
export const ofacCsvFormat: SourceFormat = {
  id: 'ofac_csv',
  description:
    'OFAC legacy CSV set: sdn.csv + add.csv + alt.csv + sdn_comments.csv (SDN) or the cons_*.csv set (consolidated)',
  detect: detectOfacCsv,
  read: readOfacCsv,
};
