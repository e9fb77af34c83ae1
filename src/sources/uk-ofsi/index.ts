// OFSI Consolidated List of Financial Sanctions Targets, XLSX download, as a SourceFormat. (OFSI closed this
// list on 2026-01-28 in favour of the FCDO UK Sanctions List: src/sources/uk-fcdo/.) See
// docs/design/sources-core-b2.md.
import { listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapOfsiGroup } from './uk-ofsi.map.ts';
import { parseOfsiXlsx, type OfsiRow } from './uk-ofsi.parse.ts';

/**
 * True for an XLSX workbook (a ZIP whose first entries are an OOXML package). The sheet is compressed, so
 * its header cannot be seen in the first bytes: the reader checks it and names the problem if it is another
 * workbook.
 */
export function detectOfsiXlsx(input: DetectInput): boolean {
  if (input.isDirectory || !input.head.startsWith('PK\x03\x04')) return false;
  return input.head.includes('[Content_Types].xml') && (input.head.includes('xl/') || /\.xlsx$/i.test(input.path));
}

/** Reads the workbook: rows grouped by Group ID, one entity per designation. */
export async function* readOfsiXlsx(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('gb_hmt_ofsi');
  const groups = new Map<string, OfsiRow[]>();
  let asOf: IsoDate | undefined;
  let rowsRead = 0;
  const warnings: SourceEvent[] = [];
  for await (const event of parseOfsiXlsx(path)) {
    if (event.type === 'asOf') asOf = event.date;
    else if (event.type === 'record') {
      const id = event.record.cells['Group ID']!;
      const rows = groups.get(id);
      if (rows === undefined) groups.set(id, [event.record]);
      else rows.push(event.record);
    } else if (event.type === 'warning') warnings.push(event);
    else rowsRead = event.rowsRead;
  }
  yield asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
  yield* warnings;
  for (const rows of groups.values()) {
    const mapped = mapOfsiGroup(rows, list);
    for (const warning of mapped.warnings) yield { type: 'warning', warning };
    if (mapped.entity !== undefined) yield { type: 'entity', entity: mapped.entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `uk_ofsi_xlsx`. */
export const ukOfsiFormat: SourceFormat = {
  id: 'uk_ofsi_xlsx',
  description: 'UK OFSI Consolidated List of Financial Sanctions Targets (XLSX download: Last Updated row, headers, one row per name, Group ID)',
  detect: detectOfsiXlsx,
  read: readOfsiXlsx,
};
