// The read of a list that prints one row per party and notice/program/address and no record id (BIS DPL, State
// ISN and ITAR, BIS MIEU): the rows are grouped into parties first (the rows of one party may be far apart; the
// files hold a few hundred rows), then each party becomes one entity.
import { basename } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import type { ListId } from '../../domain/ids.ts';
import type { SourceEvent } from '../types.ts';
import { groupRecords, RowGroups, type RowGroupsOptions } from './row-groups.ts';
import type { TableRecordEvent } from './table-records.ts';

export interface GroupedPartiesSpec<T> extends RowGroupsOptions<T> {
  parse: (path: string) => AsyncIterable<TableRecordEvent<T>>;
  /** The party a row belongs to. */
  key: (row: T) => string;
  /** The entity of one party's rows, with notes on values that could not be read. */
  map: (rows: readonly T[]) => { entity: Entity; notes: string[] };
}

/** Streams the list event, the rows' warnings and grouping notes, one entity per party (notes at its first line), the end. */
export async function* readGroupedParties<T>(
  path: string,
  list: ListId,
  spec: GroupedPartiesSpec<T>,
): AsyncGenerator<SourceEvent> {
  const file = basename(path);
  yield { type: 'list', listId: list };
  const { groups, rowsRead } = yield* groupRecords(spec.parse(path), new RowGroups(file, spec), spec.key);
  for (const { line, rows } of groups.groups()) {
    const { entity, notes } = spec.map(rows);
    for (const reason of notes) yield { type: 'warning', warning: { file, line, reason, severity: 'note' } };
    yield { type: 'entity', entity };
  }
  yield { type: 'end', rowsRead };
}
