// Senzing JSON lines (e.g. OpenSanctions' Senzing exports) as a SourceFormat. See docs/design/sources-core-b1.md.
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { entityId, listId, sourceId, type ListId } from '../../domain/ids.ts';
import type { DetectInput, ImportWarning, ReadOptions, SourceEvent, SourceFormat } from '../types.ts';
import { mapSenzingRecord } from './senzing.map.ts';
import { parseSenzing, type SenzingParseEvent } from './senzing.parse.ts';

/** True for JSON lines whose first record carries DATA_SOURCE and RECORD_ID. */
export function detectSenzing(input: DetectInput): boolean {
  if (input.isDirectory) return false;
  const first = input.head.replace(/^\uFEFF|^ï»¿/, '').trimStart();
  return first.startsWith('{') && /"DATA_SOURCE"\s*:/.test(first) && /"RECORD_ID"\s*:/.test(first);
}

/**
 * The list id for a file: --list, else its DATA_SOURCE. OpenSanctions names its Senzing data sources
 * "OS_<DATASET>" and its datasets "<jurisdiction>_<name>" ("OS_US_CONGRESS" = dataset us_congress), so such a
 * source becomes <jurisdiction>_os_<name> (us_os_congress: jurisdiction us, authority OpenSanctions, list
 * congress); any other DATA_SOURCE is used lower-cased when it is a valid list id.
 */
export function senzingListId(dataSource: unknown, override: ListId | undefined, path: string): ListId {
  if (override !== undefined) return override;
  const source = typeof dataSource === 'string' ? dataSource.trim().toLowerCase() : '';
  const os = /^os_([a-z]{2})_([a-z0-9_]+)$/.exec(source);
  const candidate = os === null ? source : `${os[1]}_os_${os[2]}`;
  try {
    return listId(candidate);
  } catch {
    throw new AppError(
      'usage',
      `cannot make a list id from DATA_SOURCE "${String(dataSource ?? '')}" of ${basename(path)}`,
      {
        where: path,
        hint: 'name the list with --list, e.g. --list us_os_congress',
      },
    );
  }
}

/** Tracks anchors and pointers to check that every relation reached a record of the file. */
class AnchorBook {
  readonly anchored = new Map<string, string>();
  readonly pending: { file: string; line: number; domain: string; key: string; assumed: string }[] = [];

  /** The record id a pointer reaches: the anchoring record if seen, else (OpenSanctions convention) the key. */
  resolve(domain: string, key: string, file: string, line: number): string {
    const known = this.anchored.get(`${domain}\u0000${key}`);
    if (known !== undefined) return known;
    this.pending.push({ file, line, domain, key, assumed: key });
    return key;
  }

  /** Notes for pointers whose anchor never appeared, or that belongs to another record than assumed. */
  unresolved(): ImportWarning[] {
    return this.pending.flatMap(({ file, line, domain, key, assumed }) => {
      const holder = this.anchored.get(`${domain}\u0000${key}`);
      if (holder === assumed) return [];
      const reason =
        holder === undefined
          ? `relation points to ${domain}:${key}, which no record of this file anchors`
          : `relation points to ${domain}:${key}, anchored by record ${holder}, not ${assumed}; the relation names the wrong record`;
      return [{ file, line, reason, severity: 'note' as const }];
    });
  }
}

interface ReadState {
  file: string;
  list: ListId;
  /** DATA_SOURCE of the first record: the file's list. */
  dataSource: string;
  book: AnchorBook;
  unknown: Set<string>;
}

/** Reads a Senzing JSON-lines file into source events. */
export async function* readSenzing(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const file = basename(path);
  const held: SourceEvent[] = [];
  let state: ReadState | undefined;
  let rowsRead = 0;
  for await (const event of parseSenzing(path)) {
    if (event.type === 'end') rowsRead = event.rowsRead;
    else if (event.type === 'warning') held.push(event);
    else {
      if (state === undefined) {
        const dataSource = String(event.record.DATA_SOURCE ?? '');
        state = {
          file,
          list: senzingListId(dataSource, options.listId, path),
          dataSource,
          book: new AnchorBook(),
          unknown: new Set(),
        };
        yield { type: 'list', listId: state.list };
      }
      held.push(...recordEvents(event, state));
    }
    // Warnings before the first record wait for the list event, which must come first.
    if (state !== undefined) yield* held.splice(0);
  }
  if (state === undefined) yield { type: 'list', listId: senzingListId(undefined, options.listId, path) };
  yield* held.splice(0);
  for (const warning of state?.book.unresolved() ?? []) yield { type: 'warning', warning };
  if (state !== undefined && state.unknown.size > 0) {
    const reason = `attributes not mapped (kept in raw): ${[...state.unknown].join(', ')}`;
    yield { type: 'warning', warning: { file, line: 0, reason, severity: 'note' } };
  }
  yield { type: 'end', rowsRead };
}

function recordEvents(
  event: Extract<SenzingParseEvent, { type: 'record' }>,
  state: ReadState,
): SourceEvent[] {
  const { line, record } = event;
  const { file, list, book } = state;
  const mapped = mapSenzingRecord(record, list, (domain, key) =>
    entityId(list, sourceId(book.resolve(domain, key, file, line))),
  );
  for (const anchor of mapped.anchors)
    book.anchored.set(`${anchor.domain}\u0000${anchor.key}`, record.RECORD_ID);
  for (const name of mapped.unknown) state.unknown.add(name);
  const notes = [...mapped.notes];
  const dataSource = String(record.DATA_SOURCE ?? '');
  if (dataSource !== state.dataSource)
    notes.push(
      `DATA_SOURCE "${dataSource}" differs from the file's first record ("${state.dataSource}"); read into ${list}`,
    );
  const events: SourceEvent[] = notes.map((reason) => ({
    type: 'warning',
    warning: { file, line, reason, severity: 'note' },
  }));
  if (mapped.entity.names.length === 0) {
    return [
      ...events,
      {
        type: 'warning',
        warning: {
          file,
          line,
          reason: `record ${record.RECORD_ID} has no name; skipped`,
          severity: 'bad_record',
        },
      },
    ];
  }
  return [...events, { type: 'entity', entity: mapped.entity }];
}

/** Format id `senzing_jsonl`. */
export const senzingFormat: SourceFormat = {
  id: 'senzing_jsonl',
  description: 'Senzing JSON lines (Generic Entity Specification), e.g. OpenSanctions Senzing exports',
  detect: detectSenzing,
  read: readSenzing,
};
