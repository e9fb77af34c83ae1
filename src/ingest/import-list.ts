// fetch → parse → map → validate → store, for one list input. Safe by construction:
// - a bad record is a warning; the import fails (previous version stays current) when the file is unusable,
//   when more than 1 % of records are bad, or when the new version would remove more than 20 % of the
//   list's current entities (unless allowed);
// - the whole version is written in one transaction, so a killed process leaves the previous version intact;
// - identical content creates no version.
import type { Entity } from '../domain/entity.ts';
import { AppError } from '../domain/errors.ts';
import type { EntityId, IsoDate, ListId } from '../domain/ids.ts';
import type { ImportWarning, SourceFormat } from '../sources/types.ts';
import type { CommitHooks, HashedEntity, ListVersion, Store } from '../store/index.ts';
import { entityHash, versionHash } from './content-hash.ts';
import { chooseFormat } from './detect.ts';

/** Share of bad records above which the file is rejected (issue "Core A", safe imports). */
export const MAX_BAD_RECORD_SHARE = 0.01;
/** Share of current entities a new version may remove without --allow-mass-removal. */
export const MAX_REMOVAL_SHARE = 0.2;

export interface ImportOptions {
  format?: string;
  listId?: ListId;
  allowMassRemoval?: boolean;
  /** ISO date used to decide whether end dates have passed; defaults to today (UTC). */
  today?: string;
  hooks?: CommitHooks;
  /** What to record as the version's source instead of the local path (e.g. the URLs and sha256 of a download). */
  provenance?: string;
}

export interface ImportReport {
  path: string;
  format: string;
  listId: ListId;
  /** The version created, or the current one when the content was unchanged. */
  version: number;
  created: boolean;
  rowsRead: number;
  entitiesStored: number;
  added: number;
  removed: number;
  changed: number;
  warnings: ImportWarning[];
}

interface ReadOutcome {
  listId: ListId;
  asOf: IsoDate | null;
  entities: Map<EntityId, Entity>;
  warnings: ImportWarning[];
  rowsRead: number;
}

async function readAll(path: string, format: SourceFormat, options: ImportOptions): Promise<ReadOutcome> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const out: Partial<ReadOutcome> & { entities: Map<EntityId, Entity>; warnings: ImportWarning[] } = {
    entities: new Map(),
    warnings: [],
    rowsRead: 0,
  };
  const readOptions = options.listId === undefined ? { today } : { today, listId: options.listId };
  for await (const event of format.read(path, readOptions)) {
    if (event.type === 'list') {
      out.listId = event.listId;
      out.asOf = event.asOf ?? null;
    } else if (event.type === 'entity') {
      const id = event.entity.id;
      if (out.entities.has(id)) {
        out.warnings.push({ file: path, line: 0, reason: `duplicate record id ${id}: kept the first`, severity: 'bad_record' });
      } else out.entities.set(id, event.entity);
    } else if (event.type === 'warning') out.warnings.push(event.warning);
    else out.rowsRead = event.rowsRead;
  }
  if (out.listId === undefined) throw new AppError('unusable_file', `${path}: the reader found no list in it`, { where: path });
  return out as ReadOutcome;
}

function checkBadRecords(path: string, read: ReadOutcome): void {
  const bad = read.warnings.filter((w) => w.severity === 'bad_record').length;
  const total = Math.max(read.rowsRead, read.entities.size + bad);
  if (total === 0) {
    throw new AppError('unusable_file', `${path} holds no records`, { where: path, hint: 'check that this is the right file' });
  }
  if (bad / total > MAX_BAD_RECORD_SHARE) {
    const first = read.warnings.find((w) => w.severity === 'bad_record')!;
    throw new AppError(
      'too_many_bad_records',
      `${bad} of ${total} records in ${path} are bad (more than ${MAX_BAD_RECORD_SHARE * 100} %); nothing was imported`,
      { where: `${first.file}:${first.line}`, hint: `first problem: ${first.reason}` },
    );
  }
}

/** Imports one list input (a file, or a folder for multi-file sets) as a new version of its list. */
export async function importList(store: Store, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = await chooseFormat(path, options.format);
  const read = await readAll(path, format, options);
  checkBadRecords(path, read);
  const hashes = new Map<EntityId, string>();
  for (const [id, entity] of read.entities) hashes.set(id, entityHash(entity));
  const contentHash = versionHash(hashes);
  const current = await currentVersion(store, read.listId);
  const base = { path, format: format.id, listId: read.listId, rowsRead: read.rowsRead, entitiesStored: read.entities.size, warnings: read.warnings };
  if (current !== undefined && current.contentHash === contentHash) {
    return { ...base, version: current.version, created: false, added: 0, removed: 0, changed: 0 };
  }
  const previous = await store.currentHashes(read.listId);
  const upserts: HashedEntity[] = [];
  let added = 0;
  for (const [id, hash] of hashes) {
    const before = previous.get(id);
    if (before === hash) continue;
    if (before === undefined) added++;
    upserts.push({ entity: read.entities.get(id)!, hash });
  }
  const removals = [...previous.keys()].filter((id) => !hashes.has(id));
  checkMassRemoval(path, previous.size, removals.length, options.allowMassRemoval === true);
  const version = await store.commitVersion(
    {
      listId: read.listId,
      contentHash,
      asOf: read.asOf,
      importedAt: new Date().toISOString(),
      format: format.id,
      sourcePath: options.provenance ?? path,
      rowsRead: read.rowsRead,
      warnings: read.warnings,
      upserts,
      addedCount: added,
      removals,
      entityCount: read.entities.size,
    },
    options.hooks,
  );
  return { ...base, version: version.version, created: true, added, removed: removals.length, changed: upserts.length - added };
}

function checkMassRemoval(path: string, currentCount: number, removed: number, allowed: boolean): void {
  if (allowed || currentCount === 0 || removed / currentCount <= MAX_REMOVAL_SHARE) return;
  throw new AppError(
    'mass_removal',
    `${path} would remove ${removed} of ${currentCount} current entities (more than ${MAX_REMOVAL_SHARE * 100} %); nothing was imported`,
    { where: path, hint: 'check the file is complete; if the removal is real, run again with --allow-mass-removal' },
  );
}

async function currentVersion(store: Store, listId: ListId): Promise<ListVersion | undefined> {
  return (await store.currentVersions()).find((v) => v.listId === listId);
}
