// EU sanctions regulation annexes (OpenSanctions CSV transcriptions, one file per regulation) as a
// SourceFormat. A folder of annex files is one list. See docs/design/sources-core-b2.md.
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { euJournalSourceId, mapEuJournal } from './eu-journal.map.ts';
import { parseEuJournal } from './eu-journal.parse.ts';

const HEADER_START = 'celex,recordId,programKey,annex,measure,startDate';

/** True for an annex CSV, or a folder whose first file is one. */
export function detectEuJournal(input: DetectInput): boolean {
  const header = headerLine(input);
  if (!header.startsWith(HEADER_START)) return false;
  return !input.isDirectory || input.fileNames.some((n) => n.toLowerCase().endsWith('.csv'));
}

/** Reads one annex CSV or a folder of them; a repeated source id is reported and the first row kept. */
export async function* readEuJournal(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list: ListId = options.listId ?? listId('eu_journal');
  yield { type: 'list', listId: list };
  const seen = new Map<string, string>();
  for await (const event of parseEuJournal(path)) {
    if (event.type !== 'record') {
      yield event;
      continue;
    }
    const { record } = event;
    const id = euJournalSourceId(record);
    const first = seen.get(id);
    if (first !== undefined) {
      yield {
        type: 'warning',
        warning: {
          file: record.file,
          line: record.line,
          reason: `${id} repeats ${first}; row skipped`,
          severity: 'bad_record',
        },
      };
      continue;
    }
    seen.set(id, `${record.file} line ${record.line}`);
    const { entity, warnings } = mapEuJournal(record, list);
    for (const warning of warnings) yield { type: 'warning', warning };
    if (entity !== undefined) yield { type: 'entity', entity };
  }
}

/** Format id `eu_journal_csv`. */
export const euJournalFormat: SourceFormat = {
  id: 'eu_journal_csv',
  description:
    'EU sanctions regulation annexes (OpenSanctions CSV per CELEX regulation; a folder of them is one list)',
  detect: detectEuJournal,
  read: readEuJournal,
};
