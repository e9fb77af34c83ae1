// FtM inputs as source events: an entities file (`ftm_jsonl`) streamed entity by entity, and a delta
// dataset (`ftm_delta`) materialised version by version. The list id is ReadOptions.listId, else
// `ftm_<dataset folder name>` (e.g. ftm_zala).
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Entity } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate, listId, type IsoDate, type ListId } from '../../domain/ids.ts';
import type { ImportWarning, ReadOptions, SourceEvent } from '../types.ts';
import { applyDeltas, ENTITIES_FILE, readDeltaIndex, type DeltaState, type OpCounts } from './ftm.delta.ts';
import { mapFtmObject } from './ftm.map.ts';
import { parseFtmFile } from './ftm.parse.ts';

/** `ftm_<folder>` with the folder name made snake_case, e.g. `.../dataset/zala` → ftm_zala. */
export function ftmListId(datasetDir: string): ListId {
  const name = basename(datasetDir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return listId(`ftm_${name === '' ? 'dataset' : name}`);
}

/** The dataset folder and the file to read: a folder means its entities.ftm.json. */
async function locate(path: string, fileInDir: string): Promise<{ dir: string; file: string }> {
  const info = await stat(path).catch((error: unknown) => {
    throw new AppError('unusable_file', `no file or folder at ${path}`, { where: path, hint: 'check the path', cause: error });
  });
  return info.isDirectory() ? { dir: path, file: join(path, fileInDir) } : { dir: dirname(path), file: path };
}

function badRecord(file: string, line: number, reason: string): SourceEvent {
  return { type: 'warning', warning: { file, line, reason, severity: 'bad_record' } };
}

/** Reads an FtM entities file (or a folder holding entities.ftm.json). */
export async function* readFtmJsonl(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const { dir, file } = await locate(path, ENTITIES_FILE);
  const list = options.listId ?? ftmListId(dir);
  yield { type: 'list', listId: list };
  for await (const event of parseFtmFile(file)) {
    if (event.type !== 'record') {
      yield event;
      continue;
    }
    const mapped = mapFtmObject(event.object, list, options.today);
    yield 'entity' in mapped ? { type: 'entity', entity: mapped.entity } : badRecord(event.file, event.line, mapped.reason);
  }
}

/** Maps the entities of a delta state; an unmappable one is a bad record at the line it was last written. */
function mapState(state: DeltaState, list: ListId, today: string): { entities: Entity[]; warnings: ImportWarning[] } {
  const entities: Entity[] = [];
  const warnings: ImportWarning[] = [];
  for (const { file, line, object } of state.values()) {
    const mapped = mapFtmObject(object, list, today);
    if ('entity' in mapped) entities.push(mapped.entity);
    else warnings.push({ file, line, reason: mapped.reason, severity: 'bad_record' });
  }
  return { entities, warnings };
}

/** Reads a delta dataset (folder with delta.json, or the delta.json file): the entity set after all versions. */
export async function* readFtmDelta(path: string, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const { dir } = await locate(path, ENTITIES_FILE);
  const index = await readDeltaIndex(dir);
  const list = options.listId ?? ftmListId(dir);
  const asOf = index.updatedAt?.slice(0, 10);
  yield asOf !== undefined && isIsoDate(asOf) ? { type: 'list', listId: list, asOf: asOf as IsoDate } : { type: 'list', listId: list };
  const state: DeltaState = new Map();
  for await (const step of applyDeltas(dir, index, state)) {
    if (step.type === 'warning') yield step;
    if (step.type !== 'end') continue;
    const { entities, warnings } = mapState(state, list, options.today);
    for (const warning of warnings) yield { type: 'warning', warning };
    for (const entity of entities) yield { type: 'entity', entity };
    yield { type: 'end', rowsRead: step.rowsRead };
  }
}

/** The entity set of a delta dataset after one version: each version could be stored as a list version. */
export interface FtmDeltaVersionState {
  version: string;
  url: string;
  ops: OpCounts;
  entities: Entity[];
  /** Warnings of this version's file (the first version also carries the base file's) and of mapping. */
  warnings: ImportWarning[];
}

/** Yields the dataset's entity set after each version, in version order. */
export async function* readFtmDeltaVersions(path: string, options: ReadOptions): AsyncGenerator<FtmDeltaVersionState> {
  const { dir } = await locate(path, ENTITIES_FILE);
  const index = await readDeltaIndex(dir);
  const list = options.listId ?? ftmListId(dir);
  const state: DeltaState = new Map();
  let pending: ImportWarning[] = [];
  for await (const step of applyDeltas(dir, index, state)) {
    if (step.type === 'warning') pending.push(step.warning);
    if (step.type !== 'version') continue;
    const { entities, warnings } = mapState(state, list, options.today);
    yield { version: step.version.version, url: step.version.url, ops: step.ops, entities, warnings: [...pending, ...warnings] };
    pending = [];
  }
}
