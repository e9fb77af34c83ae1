// Test helpers shared by the format tests: read every event of a file (entities keyed by sourceId, or in
// order), copy a fixture to a temporary file with a change (the "damaged row" tests).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import type { ImportWarning, ReadOptions, SourceEvent } from '../types.ts';

export interface ReadAll {
  events: SourceEvent[];
  /** Entities by sourceId. */
  entities: Map<string, Entity>;
  warnings: ImportWarning[];
  badRecords: ImportWarning[];
}

type Reader = (path: string, options: ReadOptions) => AsyncIterable<SourceEvent>;

/** Every event of `read(path)`, with the entities keyed by sourceId (a repeated id fails the test). */
export async function readAll(read: Reader, path: string, options: ReadOptions): Promise<ReadAll> {
  const result: ReadAll = { events: [], entities: new Map(), warnings: [], badRecords: [] };
  for await (const event of read(path, options)) {
    result.events.push(event);
    if (event.type === 'entity') {
      assert.ok(
        !result.entities.has(event.entity.sourceId),
        `sourceId ${event.entity.sourceId} emitted twice`,
      );
      result.entities.set(event.entity.sourceId, event.entity);
    } else if (event.type === 'warning') {
      result.warnings.push(event.warning);
      if (event.warning.severity === 'bad_record') result.badRecords.push(event.warning);
    }
  }
  return result;
}

/** Every event of a read, with its entities and warnings in order. */
export interface Collected {
  events: SourceEvent[];
  entities: Entity[];
  warnings: ImportWarning[];
}

/** Collects every event of a read (entities in order, a repeated sourceId allowed). */
export async function collect(events: AsyncIterable<SourceEvent>): Promise<Collected> {
  const read: Collected = { events: [], entities: [], warnings: [] };
  for await (const event of events) {
    read.events.push(event);
    if (event.type === 'entity') read.entities.push(event.entity);
    if (event.type === 'warning') read.warnings.push(event.warning);
  }
  return read;
}

/** What a read said: its list id and as-of date ('' when none), entities, warnings and rows read. */
export interface Summary {
  listId: string;
  asOf: string;
  entities: Entity[];
  warnings: ImportWarning[];
  rowsRead: number;
}

/** Summarises every event of a read (`rowsRead` -1 when no end event came). */
export async function summarise(events: AsyncIterable<SourceEvent>): Promise<Summary> {
  const out: Summary = { listId: '', asOf: '', entities: [], warnings: [], rowsRead: -1 };
  for await (const e of events) {
    if (e.type === 'list') Object.assign(out, { listId: e.listId, asOf: e.asOf ?? '' });
    else if (e.type === 'entity') out.entities.push(e.entity);
    else if (e.type === 'warning') out.warnings.push(e.warning);
    else out.rowsRead = e.rowsRead;
  }
  return out;
}

/** The entity with this sourceId (fails the test when absent). */
export function entityOf(read: ReadAll, id: string): Entity {
  const found = read.entities.get(id);
  assert.ok(found, `entity ${id} not read`);
  return found;
}

/** The only entity whose primary name is `name`. */
export function entityNamed(read: ReadAll, name: string): Entity {
  const found = [...read.entities.values()].filter((e) =>
    e.names.some((n) => n.kind === 'primary' && n.value === name),
  );
  assert.equal(found.length, 1, `expected one entity named "${name}", found ${found.length}`);
  return found[0]!;
}

/** Names of one kind. */
export function namesOf(entity: Entity, kind: string): string[] {
  return entity.names.filter((n) => n.kind === kind).map((n) => n.value);
}

/** Writes a copy of `source` with `edit` applied (bytes as latin1, so any encoding survives) to a temp dir. */
export async function damagedCopy(
  source: string,
  fileName: string,
  edit: (text: string) => string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'embargo-b1-'));
  const original = await readFile(source, 'latin1');
  const changed = edit(original);
  assert.notEqual(changed, original, 'the edit changed nothing');
  const path = join(dir, fileName);
  await writeFile(path, changed, 'latin1');
  return path;
}
