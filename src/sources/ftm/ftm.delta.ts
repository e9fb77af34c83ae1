// FtM delta datasets (OpenSanctions / yente): a folder with `delta.json` = {"versions": {version: url},
// "updated_at"} and, per version, `<version>/entities.delta.json` = JSON lines {"op": "ADD"|"MOD"|"DEL",
// "entity": {...}}. Versions apply in the order of their keys (timestamps such as 20240527134702-zbn sort as
// strings) on top of the folder's `entities.ftm.json` when there is one: ADD and MOD upsert, DEL removes.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import type { ImportWarning } from '../types.ts';
import { isRecord, jsonLines, parseJsonLine } from '../common/json-lines.ts';
import { checkFtmObject, parseFtmFile, unusableGuard, type FtmObject } from './ftm.parse.ts';

export const DELTA_INDEX = 'delta.json';
export const DELTA_FILE = 'entities.delta.json';
export const ENTITIES_FILE = 'entities.ftm.json';

export interface DeltaVersion {
  version: string;
  url: string;
  /** Local file: `<dataset>/<version>/entities.delta.json`. */
  file: string;
}
export interface DeltaIndex {
  versions: DeltaVersion[];
  updatedAt?: string;
}

/** Where an entity's current content was read: kept so a later mapping problem can name file and line. */
export interface LocatedObject {
  file: string;
  line: number;
  object: FtmObject;
}
/** The dataset's entities by FtM id, in insertion order. */
export type DeltaState = Map<string, LocatedObject>;

export interface OpCounts {
  add: number;
  mod: number;
  del: number;
}
export type DeltaStep =
  | { type: 'warning'; warning: ImportWarning }
  /** One version has been applied to the state. */
  | { type: 'version'; version: DeltaVersion; ops: OpCounts }
  /** Lines read over the base file and every delta file. */
  | { type: 'end'; rowsRead: number };

/** Reads `delta.json` of a dataset folder; versions sorted by key. */
export async function readDeltaIndex(dir: string): Promise<DeltaIndex> {
  const file = join(dir, DELTA_INDEX);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new AppError('unusable_file', `cannot read ${file}`, {
      where: file,
      hint: 'an FtM delta dataset folder holds delta.json',
      cause: error,
    });
  });
  const parsed = parseJsonLine(text);
  const { versions, updated_at: updated } = (
    'value' in parsed && isRecord(parsed.value) ? parsed.value : {}
  ) as {
    versions?: unknown;
    updated_at?: unknown;
  };
  if (!isRecord(versions)) {
    throw new AppError('unusable_file', `${file} has no "versions" object`, {
      where: file,
      hint: 'expected {"versions": {"<version>": "<url>"}, "updated_at": "..."}',
    });
  }
  const list = Object.entries(versions)
    .map(([version, url]) => ({ version, url: String(url), file: join(dir, version, DELTA_FILE) }))
    .sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return typeof updated === 'string' ? { versions: list, updatedAt: updated } : { versions: list };
}

/** Fills `state` with the base entities, then applies every version of the dataset in `dir`, step by step. */
export async function* applyDeltas(
  dir: string,
  index: DeltaIndex,
  state: DeltaState,
): AsyncGenerator<DeltaStep> {
  let rowsRead = 0;
  const base = join(dir, ENTITIES_FILE);
  if (await isFile(base)) {
    for await (const event of parseFtmFile(base)) {
      if (event.type === 'end') rowsRead += event.rowsRead;
      else if (event.type === 'warning') yield event;
      else state.set(event.object.id, { file: event.file, line: event.line, object: event.object });
    }
  }
  for (const version of index.versions) {
    if (!(await isFile(version.file))) {
      throw new AppError(
        'unusable_file',
        `delta version ${version.version} is listed in delta.json but ${version.file} is missing`,
        {
          where: version.file,
          hint: `download ${version.url} to ${version.file}`,
        },
      );
    }
    const ops: OpCounts = { add: 0, mod: 0, del: 0 };
    for await (const step of applyDeltaFile(version.file, state, ops)) {
      if (step.type === 'end') rowsRead += step.rowsRead;
      else yield step;
    }
    yield { type: 'version', version, ops };
  }
  yield { type: 'end', rowsRead };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

type DeltaOp = { op: 'ADD' | 'MOD'; entity: FtmObject } | { op: 'DEL'; id: string };

/** Parses one delta line; returns the op or the reason it is not one. */
export function checkDeltaOp(value: unknown): DeltaOp | string {
  if (!isRecord(value)) return 'not a JSON object';
  const v = value as { op?: unknown; entity?: { id?: unknown } };
  if (v.op === 'DEL') {
    return typeof v.entity?.id === 'string' && v.entity.id !== ''
      ? { op: 'DEL', id: v.entity.id }
      : 'DEL without entity id';
  }
  if (v.op !== 'ADD' && v.op !== 'MOD')
    return `unknown op ${JSON.stringify(v.op)} (expected ADD, MOD or DEL)`;
  const entity = checkFtmObject(v.entity);
  return typeof entity === 'string' ? `${v.op}: ${entity}` : { op: v.op, entity };
}

async function* applyDeltaFile(file: string, state: DeltaState, ops: OpCounts): AsyncGenerator<DeltaStep> {
  const guard = unusableGuard(file);
  let rowsRead = 0;
  for await (const { line, text } of jsonLines(file)) {
    rowsRead++;
    const parsed = parseJsonLine(text);
    const op = 'reason' in parsed ? parsed.reason : checkDeltaOp(parsed.value);
    if (typeof op === 'string') {
      guard.bad();
      yield { type: 'warning', warning: { file, line, reason: op, severity: 'bad_record' } };
      continue;
    }
    guard.good();
    const note = applyOp(op, state, { file, line }, ops);
    if (note !== undefined)
      yield { type: 'warning', warning: { file, line, reason: note, severity: 'note' } };
  }
  yield { type: 'end', rowsRead };
}

/** Applies one op; returns a note when the op does not fit the state (still applied: the delta wins). */
function applyOp(
  op: DeltaOp,
  state: DeltaState,
  at: { file: string; line: number },
  ops: OpCounts,
): string | undefined {
  if (op.op === 'DEL') {
    ops.del++;
    return state.delete(op.id) ? undefined : `DEL of ${op.id}, which is not in the dataset`;
  }
  const known = state.has(op.entity.id);
  // A MOD keeps the entity's place; a re-ADD after DEL goes to the end (Map order), as a new entity would.
  state.set(op.entity.id, { ...at, object: op.entity });
  if (op.op === 'ADD') {
    ops.add++;
    return known ? `ADD of ${op.entity.id}, which is already in the dataset: replaced` : undefined;
  }
  ops.mod++;
  return known ? undefined : `MOD of ${op.entity.id}, which is not in the dataset: added`;
}
