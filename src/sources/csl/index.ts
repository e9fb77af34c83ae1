// trade.gov Consolidated Screening List as two SourceFormats: the CSV download (`csl_csv`) and the JSON of the
// CSL API / bulk JSON download (`csl_json`). Both read into CslRecord and share one mapper, so the two forms of
// the same rows give the same entities. See docs/design/sources-un-csl.md.
import { listId, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { parseCslCsv } from './csl-csv.parse.ts';
import { parseCslJson } from './csl-json.parse.ts';
import type { CslParseEvent } from './csl-record.ts';
import { mapCslRecord } from './csl.map.ts';

const CSL_LIST: ListId = listId('us_trade_csl');

/** Turns parse events into source events: list first, then entities and warnings, then the row count. */
async function* toSourceEvents(
  path: string,
  parsed: AsyncIterable<CslParseEvent>,
  options: ReadOptions,
): AsyncGenerator<SourceEvent> {
  const list = options.listId ?? CSL_LIST;
  yield { type: 'list', listId: list };
  let rowsRead = 0;
  for await (const event of parsed) {
    if (event.type === 'warning') {
      if (event.severity === 'bad_record') rowsRead++;
      const { line, reason, severity } = event;
      yield { type: 'warning', warning: { file: path, line, reason, severity } };
      continue;
    }
    rowsRead++;
    const { line } = event.item;
    const result = mapCslRecord(event.item, list, options.today);
    if (!result.ok) {
      yield { type: 'warning', warning: { file: path, line, reason: result.reason, severity: 'bad_record' } };
      continue;
    }
    for (const reason of result.notes)
      yield { type: 'warning', warning: { file: path, line, reason, severity: 'note' } };
    yield { type: 'entity', entity: result.entity };
  }
  yield { type: 'end', rowsRead };
}

/** Reads a CSL CSV file. */
export function readCslCsv(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  return toSourceEvents(path, parseCslCsv(path), options);
}

/** Reads a CSL JSON file (`{"results": [...]}`). */
export function readCslJson(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  return toSourceEvents(path, parseCslJson(path), options);
}

/** A CSV whose header starts with the CSL columns `_id,source,entity_number`. */
export function detectCslCsv(input: DetectInput): boolean {
  return !input.isDirectory && /^(\uFEFF|ï»¿)?_id,source,entity_number,/.test(input.head);
}

/** A JSON object whose results carry the CSL fields `source` and `source_information_url` or `alt_names`. */
export function detectCslJson(input: DetectInput): boolean {
  const head = input.head.replace(/^(\uFEFF|ï»¿)/, '').trimStart();
  return (
    !input.isDirectory &&
    /^[[{]/.test(head) &&
    /"source"\s*:/.test(head) &&
    /"(alt_names|source_information_url|federal_register_notice)"\s*:/.test(head)
  );
}

/** Format id `csl_csv`. */
export const cslCsvFormat: SourceFormat = {
  id: 'csl_csv',
  description: 'trade.gov Consolidated Screening List, CSV download (29 columns, "; "-joined values)',
  detect: detectCslCsv,
  read: readCslCsv,
};

/** Format id `csl_json`. */
export const cslJsonFormat: SourceFormat = {
  id: 'csl_json',
  description:
    'trade.gov Consolidated Screening List, JSON (CSL API response or bulk JSON: {"results": [...]})',
  detect: detectCslJson,
  read: readCslJson,
};
