// Bytes → Senzing records. Senzing's Generic Entity Specification (JSON lines): one record per line with
// DATA_SOURCE and RECORD_ID, optional RECORD_TYPE, and features either as top-level attributes or inside lists
// of objects (NAMES, DATES, COUNTRIES, IDENTIFIERS, RELATIONSHIPS …, the list names being free). Streamed with
// node:readline (common/json-lines.ts); a line that is not a record is a bad_record warning.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { isRecord, jsonLines, parseJsonLine } from '../common/json-lines.ts';
import type { ImportWarning } from '../types.ts';

/** One record as written. */
export interface SenzingRecord {
  DATA_SOURCE?: unknown;
  RECORD_ID: string;
  RECORD_TYPE?: unknown;
  [attribute: string]: unknown;
}

export type SenzingParseEvent =
  | { type: 'record'; line: number; record: SenzingRecord }
  | { type: 'warning'; warning: ImportWarning }
  /** `rowsRead` counts every non-blank line, good or bad. */
  | { type: 'end'; rowsRead: number };

// A file whose first lines are all unreadable is not Senzing JSON lines at all (wrong file or --format).
const GIVE_UP_AFTER = 10;

function check(value: unknown): SenzingRecord | string {
  if (!isRecord(value)) return 'not a JSON object';
  const id = value['RECORD_ID'];
  if (typeof id !== 'string' && typeof id !== 'number') return 'missing "RECORD_ID"';
  if (String(id).trim() === '') return 'empty "RECORD_ID"';
  return { ...value, RECORD_ID: String(id).trim() };
}

/** Streams the records of a Senzing JSON-lines file. */
export async function* parseSenzing(path: string): AsyncGenerator<SenzingParseEvent> {
  const file = basename(path);
  let rowsRead = 0;
  let good = 0;
  for await (const { line, text } of jsonLines(path)) {
    rowsRead++;
    const parsed = parseJsonLine(text);
    const record = 'reason' in parsed ? parsed.reason : check(parsed.value);
    if (typeof record === 'string') {
      if (good === 0 && rowsRead >= GIVE_UP_AFTER) throw notSenzing(file, rowsRead);
      yield {
        type: 'warning',
        warning: { file, line, reason: `${record}; skipped`, severity: 'bad_record' },
      };
      continue;
    }
    good++;
    yield { type: 'record', line, record };
  }
  yield { type: 'end', rowsRead };
}

function notSenzing(file: string, lines: number): AppError {
  return new AppError('unusable_file', `${file}: the first ${lines} lines hold no Senzing record`, {
    where: file,
    hint: 'expected Senzing JSON lines ({"DATA_SOURCE", "RECORD_ID", …} per line); check the file or --format',
  });
}
