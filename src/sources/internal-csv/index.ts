// Embargo's internal list CSV (a company's own list) as a SourceFormat. The list id is the user's: it must
// be given (ReadOptions.listId, `--list`). See docs/design/sources-core-b2.md.
import { AppError } from '../../domain/errors.ts';
import { headerLine } from '../common/header-line.ts';
import type { DetectInput, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapInternalRow } from './internal-csv.map.ts';
import { INTERNAL_COLUMNS, parseInternalCsv } from './internal-csv.parse.ts';

/** True when the header row holds id and name and no column outside the documented ones. */
export function detectInternalCsv(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const header = headerLine(input);
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const known: readonly string[] = INTERNAL_COLUMNS;
  return columns.includes('id') && columns.includes('name') && columns.every((c) => known.includes(c));
}

/** Reads an internal list; throws a usage error when no list id is given. */
export async function* readInternalCsv(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  if (options.listId === undefined) {
    throw new AppError('usage', `an internal list needs a list id: ${path}`, {
      where: path,
      hint: 'name your list with --list, e.g. --list xx_acme_blocked (snake_case <jurisdiction>_<owner>_<list>)',
    });
  }
  yield { type: 'list', listId: options.listId };
  for await (const event of parseInternalCsv(path)) {
    if (event.type !== 'record') {
      yield event;
      continue;
    }
    const { entity, warnings } = mapInternalRow(event.record, options.listId, options.today);
    for (const warning of warnings) yield { type: 'warning', warning };
    yield { type: 'entity', entity };
  }
}

/** Format id `internal_csv`. */
export const internalCsvFormat: SourceFormat = {
  id: 'internal_csv',
  description:
    'Internal list CSV: id, name, schema, aliases, country, birth_date, id_numbers (TYPE:VALUE;…), program, start_date, end_date, remarks',
  detect: detectInternalCsv,
  read: readInternalCsv,
};
