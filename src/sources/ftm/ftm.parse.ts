// Bytes → FtM objects. FollowTheMoney JSON lines: one entity per line, `{"id", "schema", "properties":
// {prop: [values]}}` plus optional top-level metadata (`caption`, `datasets`, `referents`, `first_seen`, …)
// in newer OpenSanctions exports (https://followthemoney.tech/docs/fragments/). Streamed with node:readline;
// a line that is not an FtM object is a `bad_record` warning, never a throw.
import { AppError } from '../../domain/errors.ts';
import { isRecord, jsonLines, parseJsonLine } from '../common/json-lines.ts';
import type { ImportWarning } from '../types.ts';

/** One FtM entity as written in the file; `properties` values are strings in source order. */
export interface FtmObject {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  /** Other top-level metadata (datasets, referents, first_seen, last_seen, last_change, target). */
  [meta: string]: unknown;
}

// A file whose first lines are all unreadable is not FtM JSON lines at all (wrong file or wrong --format).
const GIVE_UP_AFTER = 10;

/** Checks the FtM entity shape; returns the object or the reason it is not one. */
export function checkFtmObject(value: unknown): FtmObject | string {
  if (!isRecord(value)) return 'not a JSON object';
  if (typeof value.id !== 'string' || value.id.trim() === '') return 'missing "id"';
  if (typeof value.schema !== 'string' || value.schema === '') return `entity ${value.id}: missing "schema"`;
  if (!isRecord(value.properties)) return `entity ${value.id}: missing "properties" object`;
  for (const [prop, values] of Object.entries(value.properties)) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      return `entity ${value.id}: property "${prop}" must be an array of strings`;
    }
  }
  return value as FtmObject;
}

export type FtmParseEvent =
  | { type: 'record'; file: string; line: number; object: FtmObject }
  | { type: 'warning'; warning: ImportWarning }
  /** `rowsRead` counts every non-blank line, good or bad. */
  | { type: 'end'; rowsRead: number };

/** Streams the FtM objects of an entities file (`entities.ftm.json`). */
export async function* parseFtmFile(file: string): AsyncGenerator<FtmParseEvent> {
  const guard = unusableGuard(file);
  let rowsRead = 0;
  for await (const { line, text } of jsonLines(file)) {
    rowsRead++;
    const parsed = parseJsonLine(text);
    const object = 'reason' in parsed ? parsed.reason : checkFtmObject(parsed.value);
    if (typeof object === 'string') {
      guard.bad();
      yield { type: 'warning', warning: { file, line, reason: object, severity: 'bad_record' } };
      continue;
    }
    guard.good();
    yield { type: 'record', file, line, object };
  }
  yield { type: 'end', rowsRead };
}

/** Throws `unusable_file` once the first GIVE_UP_AFTER lines have all been unreadable. */
export function unusableGuard(file: string): { good(): void; bad(): void } {
  let good = 0;
  let bad = 0;
  return {
    good: () => void good++,
    bad: () => {
      bad++;
      if (good === 0 && bad >= GIVE_UP_AFTER) {
        throw new AppError('unusable_file', `${file}: the first ${bad} lines hold no FtM entity`, {
          where: file,
          hint: 'expected FollowTheMoney JSON lines ({"id", "schema", "properties"} per line); check the file or --format',
        });
      }
    },
  };
}
