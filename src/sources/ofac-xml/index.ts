// OFAC classic XML (SDN.XML → us_ofac_sdn, CONSOLIDATED.XML → us_ofac_cons) as a SourceFormat.
// See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { listId, type ListId } from '../../domain/ids.ts';
import { usDate } from '../common/us-date.ts';
import type { DetectInput, ImportWarning, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapOfacXmlEntry } from './ofac-xml.map.ts';
import { parseOfacXml, type OfacXmlHeader } from './ofac-xml.parse.ts';

/** True for an XML file whose root element is OFAC's classic <sdnList>. */
export function detectOfacXml(input: DetectInput): boolean {
  return !input.isDirectory && /<sdnList[\s>]/.test(input.head);
}

/**
 * Both files share one schema and neither names its list, so the list comes from the file name as OFAC
 * publishes it (SDN.XML, CONSOLIDATED.XML / cons*.xml), or from --list.
 */
export function ofacXmlListId(path: string, override: ListId | undefined): ListId {
  if (override !== undefined) return override;
  const name = basename(path).toLowerCase();
  if (name.includes('cons')) return listId('us_ofac_cons');
  if (name.includes('sdn')) return listId('us_ofac_sdn');
  throw new AppError('usage', `cannot tell whether ${basename(path)} is the SDN or the consolidated list`, {
    where: path,
    hint: "name the list with --list us_ofac_sdn or --list us_ofac_cons, or keep OFAC's file name (SDN.XML, CONSOLIDATED.XML)",
  });
}

/** Reads a classic OFAC XML file into source events. */
export async function* readOfacXml(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = ofacXmlListId(path, options.listId);
  const file = basename(path);
  let header: OfacXmlHeader | undefined;
  let listed = false;
  let rowsRead = 0;
  const seen = new Map<string, number>();
  for await (const event of parseOfacXml(path)) {
    if (event.type === 'header') header = event.header;
    if (!listed) {
      listed = true;
      const asOf = usDate(header?.publishDate ?? '');
      yield asOf === undefined ? { type: 'list', listId: list } : { type: 'list', listId: list, asOf };
    }
    if (event.type === 'header') continue;
    rowsRead++;
    const { line, data } = event.entry;
    const mapped = mapOfacXmlEntry(data, list);
    if (!mapped.ok) {
      yield warning({ file, line, reason: mapped.reason, severity: 'bad_record' });
      continue;
    }
    // A uid names one party; a second entry with it is an error in the file (as a repeated ent_num in the CSV).
    const first = seen.get(mapped.entity.sourceId);
    if (first !== undefined) {
      const reason = `uid ${mapped.entity.sourceId} repeats the entry at line ${first}; skipped`;
      yield warning({ file, line, reason, severity: 'bad_record' });
      continue;
    }
    seen.set(mapped.entity.sourceId, line);
    for (const reason of mapped.notes) yield warning({ file, line, reason, severity: 'note' });
    yield { type: 'entity', entity: mapped.entity };
  }
  if (!listed) yield { type: 'list', listId: list };
  const countNote = recordCountNote(file, header, rowsRead);
  if (countNote !== undefined) yield warning(countNote);
  yield { type: 'end', rowsRead };
}

function warning(w: ImportWarning): SourceEvent {
  return { type: 'warning', warning: w };
}

/** Record_Count is informative: trimmed samples keep the original header, so a mismatch is only a note. */
function recordCountNote(
  file: string,
  header: OfacXmlHeader | undefined,
  read: number,
): ImportWarning | undefined {
  if (header === undefined || header.recordCount === '' || Number(header.recordCount) === read)
    return undefined;
  const reason = `header Record_Count is ${header.recordCount} but the file holds ${read} entries (an extract or a trimmed file?)`;
  return { file, line: header.line, reason, severity: 'note' };
}

/** Format id `ofac_xml`. */
export const ofacXmlFormat: SourceFormat = {
  id: 'ofac_xml',
  description: 'OFAC classic XML: SDN.XML or CONSOLIDATED.XML (sdnList schema)',
  detect: detectOfacXml,
  read: readOfacXml,
};
