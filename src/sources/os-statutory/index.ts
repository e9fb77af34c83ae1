// NDAA §889 / §1286 / §5949 / §154 and INKSNA tables (OpenSanctions source tables, shared columns) as a
// SourceFormat. The list id comes from the file name; ReadOptions.listId overrides it. See
// docs/design/sources-core-b2.md.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { listId, type ListId } from '../../domain/ids.ts';
import { headerLine } from '../common/header-line.ts';
import { groupRecords, RowGroups } from '../common/row-groups.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapStatutory, statutoryKey } from './os-statutory.map.ts';
import { parseStatutory, STATUTORY_COLUMNS, type StatutoryRow } from './os-statutory.parse.ts';

/** File name stem → list id (the names under which OpenSanctions publishes the tables). */
const LIST_BY_FILE: Readonly<Record<string, string>> = {
  section_889: 'us_ndaa_889',
  section_1286: 'us_ndaa_1286',
  section_5949: 'us_ndaa_5949',
  section_154: 'us_ndaa_154',
  inksna: 'us_state_inksna',
};

/** The list id for a table: the override, else the one its file name names. */
export function statutoryListId(path: string, override: ListId | undefined): ListId {
  if (override !== undefined) return override;
  const stem = basename(path)
    .replace(/\.csv$/i, '')
    .toLowerCase();
  const id = LIST_BY_FILE[stem];
  if (id === undefined) {
    throw new AppError('usage', `cannot tell which statutory list ${basename(path)} holds`, {
      where: path,
      hint: `name the list with --list (one of ${Object.values(LIST_BY_FILE).join(', ')}) or keep the file name (${Object.keys(
        LIST_BY_FILE,
      )
        .map((s) => `${s}.csv`)
        .join(', ')})`,
    });
  }
  return listId(id);
}

/** True for a CSV whose header row is the statutory tables' header. */
export function detectStatutory(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input).toLowerCase();
  return (
    header
      .split(',')
      .map((h) => h.trim())
      .join(',') === STATUTORY_COLUMNS.join(',')
  );
}

/** Reads a statutory table: rows grouped by party (see os-statutory.map.ts), one entity per party. */
export async function* readStatutory(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const list = statutoryListId(path, options.listId);
  yield { type: 'list', listId: list };
  const groups = new RowGroups<StatutoryRow>(basename(path));
  const { rowsRead } = yield* groupRecords(parseStatutory(path), groups, statutoryKey);
  for (const { rows } of groups.groups()) {
    const { entity, warnings } = mapStatutory(rows, list, options.today);
    for (const warning of warnings) yield { type: 'warning', warning };
    if (entity !== undefined) yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}

/** Format id `os_statutory_csv`. */
export const osStatutoryFormat: SourceFormat = {
  id: 'os_statutory_csv',
  description:
    'US statutory entity tables (NDAA §889, §1286, §5949, §154; State INKSNA) in the OpenSanctions source-table CSV layout',
  detect: detectStatutory,
  read: readStatutory,
};
