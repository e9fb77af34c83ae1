// FCC Covered List (OpenSanctions scrape of fcc.gov/supplychain/coveredlist) as a SourceFormat.
// See docs/design/sources-core-b2.md.
import { listId, type ListId } from '../../domain/ids.ts';
import type { Entity } from '../../domain/entity.ts';
import { headerLine } from '../common/header-line.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapFccRow, mergeFccEntity } from './fcc-covered.map.ts';
import { FCC_COLUMNS, parseFccCovered } from './fcc-covered.parse.ts';

/** True for a CSV whose header is the Covered List table's. */
export function detectFccCovered(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  return headerLine(input).trim() === FCC_COLUMNS.join(',');
}

/** Reads the Covered List: one entity per named party (merged when two entries name it), one Thing per category entry. */
export async function* readFccCovered(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('us_fcc_covered');
  yield { type: 'list', listId: list };
  const entities = new Map<string, Entity>();
  let rowsRead = 0;
  for await (const event of parseFccCovered(path)) {
    if (event.type === 'warning') yield event;
    else if (event.type === 'end') rowsRead = event.rowsRead;
    else {
      const { entities: mapped, warnings } = mapFccRow(event.record, list);
      for (const warning of warnings) yield { type: 'warning', warning };
      for (const entity of mapped) {
        const known = entities.get(entity.id);
        if (known === undefined) entities.set(entity.id, entity);
        else mergeFccEntity(known, entity);
      }
    }
  }
  for (const entity of entities.values()) yield { type: 'entity', entity };
  yield { type: 'end', rowsRead };
}

/** Format id `fcc_covered_csv`. */
export const fccCoveredFormat: SourceFormat = {
  id: 'fcc_covered_csv',
  description:
    'FCC Covered List (Secure Networks Act) table: covered_equipment_or_services, date_of_inclusion_on_covered_list',
  detect: detectFccCovered,
  read: readFccCovered,
};
