// UN Security Council Consolidated List (XML) as a SourceFormat. See docs/design/sources-un-csl.md.
import { isIsoDate, listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapUnRecord } from './un-xml.map.ts';
import { parseUnXml } from './un-xml.parse.ts';

const UN_LIST: ListId = listId('un_sc');

/** True for an XML file whose root is the UN's CONSOLIDATED_LIST. */
export function detectUnXml(input: DetectInput): boolean {
  return !input.isDirectory && /<CONSOLIDATED_LIST[\s>]/.test(input.head);
}

/** `dateGenerated="2026-02-27T00:00:09.554Z"` → 2026-02-27. */
function asOfDate(dateGenerated: string | undefined): IsoDate | undefined {
  const day = dateGenerated?.slice(0, 10);
  return day !== undefined && isIsoDate(day) ? (day as IsoDate) : undefined;
}

/** Reads the UN XML into source events; throws AppError('unusable_file') if the XML is malformed or truncated. */
export async function* readUnXml(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? UN_LIST;
  let rowsRead = 0;
  for await (const event of parseUnXml(path)) {
    if (event.type === 'header') {
      const asOf = asOfDate(event.dateGenerated);
      yield asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
      continue;
    }
    rowsRead++;
    const { line } = event.record;
    const result = mapUnRecord(event.record, list);
    if (!result.ok) {
      yield { type: 'warning', warning: { file: path, line, reason: result.reason, severity: 'bad_record' } };
      continue;
    }
    for (const reason of result.notes) {
      yield { type: 'warning', warning: { file: path, line, reason, severity: 'note' } };
    }
    yield { type: 'entity', entity: result.entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `un_xml`. */
export const unXmlFormat: SourceFormat = {
  id: 'un_xml',
  description: 'UN Security Council Consolidated List, XML (sc-sanctions.xsd)',
  detect: detectUnXml,
  read: readUnXml,
};
