// FCDO "UK Sanctions List" CSV as a SourceFormat. UNVERIFIED on a real file (see uk-fcdo.parse.ts and
// docs/design/sources-core-b2.md).
import { listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapFcdoGroup } from './uk-fcdo.map.ts';
import { parseFcdoCsv, type FcdoRow } from './uk-fcdo.parse.ts';

/** True for a CSV whose header (after an optional "Report Date:" line) starts Last Updated, Unique ID, OFSI Group ID. */
export function detectFcdoCsv(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const lines = input.head.replace(/^\uFEFF|^ï»¿/, '').split(/\r?\n/, 2);
  const header = /^Report Date:/i.test(lines[0] ?? '') ? lines[1] : lines[0];
  return (header ?? '').startsWith('Last Updated,Unique ID,OFSI Group ID');
}

/** Reads the list: rows grouped by Unique ID, one entity per designation. */
export async function* readFcdoCsv(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('gb_fcdo_sanctions');
  const groups = new Map<string, FcdoRow[]>();
  const pending: SourceEvent[] = [];
  let asOf: IsoDate | undefined;
  let rowsRead = 0;
  for await (const event of parseFcdoCsv(path)) {
    if (event.type === 'asOf') asOf = event.date;
    else if (event.type === 'record') {
      const id = event.record.cells['Unique ID']!;
      const rows = groups.get(id);
      if (rows === undefined) groups.set(id, [event.record]);
      else rows.push(event.record);
    } else if (event.type === 'warning') pending.push(event);
    else rowsRead = event.rowsRead;
  }
  yield asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
  yield* pending;
  for (const rows of groups.values()) {
    const { entity, warnings } = mapFcdoGroup(rows, list);
    for (const warning of warnings) yield { type: 'warning', warning };
    if (entity !== undefined) yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `uk_fcdo_csv`. */
export const ukFcdoFormat: SourceFormat = {
  id: 'uk_fcdo_csv',
  description: 'UK FCDO "UK Sanctions List" CSV (Report Date line, 58 columns, one row per name, Unique ID) — unverified on a real file',
  detect: detectFcdoCsv,
  read: readFcdoCsv,
};
