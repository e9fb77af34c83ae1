// `embargo update`: for each list whose authority publishes a machine-readable file, download every part
// into a temp folder, check it (fetch/), then import it with importList, which refuses unusable files, more
// than 1 % bad records and mass removals, and creates no version for identical content. A source that
// fails keeps its last good version and says so; the other sources still update. See docs/design/update.md.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import type { ListId } from '../domain/ids.ts';
import { formatById } from '../sources/registry.ts';
import type { Store } from '../store/index.ts';
import { fetchSource, type DownloadOptions, type FetchedFile, type UpdateSource } from './fetch/index.ts';
import { importList, type ImportReport } from './import-list.ts';

export interface UpdateOptions {
  /** ISO date for deciding whether listings have ended. */
  today: string;
  allowMassRemoval?: boolean;
  /** List ids to update; every enabled source when absent or empty. */
  only?: readonly string[];
  /** Access tokens by list id (the EU FSF needs one). */
  tokens?: Readonly<Record<string, string | undefined>>;
  download?: DownloadOptions;
  /** Folder under which the temp download folder is made (default: the OS temp folder). */
  tempRoot?: string;
  /** Called as each source finishes (for progress output). */
  onOutcome?: (outcome: SourceOutcome) => void;
}

export type SourceOutcome =
  | { listId: ListId; status: 'updated' | 'unchanged'; version: number; files: FetchedFile[]; report: ImportReport }
  | {
      listId: ListId;
      status: 'failed';
      /** setup: not attempted (no token, no reader); download: a file failed its checks; import: importList refused it. */
      stage: 'setup' | 'download' | 'import';
      /** What failed, where, and that the previous version stays current. */
      message: string;
      hint: string | undefined;
      /** The file and URL that failed (download stage). */
      file: string | undefined;
      url: string | undefined;
      /** The version still current (null when the list has none yet). */
      keptVersion: number | null;
      files: FetchedFile[];
    }
  | { listId: ListId; status: 'skipped'; reason: string };

export interface UpdateReport {
  outcomes: SourceOutcome[];
  /** Number of sources that failed (the CLI exits 1 when any did). */
  failed: number;
}

type Failed = Extract<SourceOutcome, { status: 'failed' }>;

/** The sources to run: all enabled ones, or those named (an unknown name is a usage error). */
function selectSources(sources: readonly UpdateSource[], only: readonly string[] | undefined): UpdateSource[] {
  if (only === undefined || only.length === 0) return [...sources];
  const unknown = only.filter((id) => !sources.some((s) => s.listId === id));
  if (unknown.length > 0) {
    throw new AppError('usage', `${unknown.join(', ')}: not a list that embargo update can download`, {
      hint: `updatable lists: ${sources.map((s) => s.listId).join(', ')}; every other list is import-only (download its file, then run embargo import)`,
    });
  }
  return sources.filter((s) => only.includes(s.listId));
}

function keptText(listId: ListId, kept: number | null): string {
  return kept === null ? `nothing was imported (no version of ${listId} is stored yet)` : `nothing was imported: version ${kept} of ${listId} stays current`;
}

/** Why a source cannot be attempted at all (switched off, no token, no reader), or undefined. */
function setupProblem(source: UpdateSource, token: string | undefined, named: boolean): { skip: boolean; reason: string; hint?: string } | undefined {
  if (!source.enabled) return { skip: true, reason: 'switched off in the sources overrides file' };
  if (source.requiresToken && (token === undefined || token === '')) {
    const reason = `${source.listId} needs an access token`;
    return { skip: !named, reason, hint: 'set EMBARGO_EU_FSF_TOKEN to the token shown on the Financial Sanctions Files site (https://webgate.ec.europa.eu/fsd/fsf) after logging in' };
  }
  if (formatById(source.format) === undefined) {
    return { skip: false, reason: `this installation has no reader for format "${source.format}" that ${source.listId} is published in` };
  }
  return undefined;
}

async function updateOne(store: Store, source: UpdateSource, dir: string, kept: number | null, options: UpdateOptions, named: boolean): Promise<SourceOutcome> {
  const token = options.tokens?.[source.listId];
  const failed = (stage: Failed['stage'], message: string, rest: Partial<Failed> = {}): Failed => ({
    listId: source.listId, status: 'failed', stage, message: `${message}; ${keptText(source.listId, kept)}`, hint: undefined, file: undefined, url: undefined, keptVersion: kept, files: [], ...rest,
  });
  const setup = setupProblem(source, token, named);
  if (setup?.skip === true) return { listId: source.listId, status: 'skipped', reason: setup.reason };
  if (setup !== undefined) return failed('setup', setup.reason, { hint: setup.hint });
  await mkdir(dir, { recursive: true });
  const fetched = await fetchSource(source, dir, { token, ...(options.download === undefined ? {} : { download: options.download }) });
  if (!fetched.ok) {
    return failed('download', `download of ${fetched.file} failed (${fetched.url}): ${fetched.message}`, { file: fetched.file, url: fetched.url, files: fetched.files });
  }
  try {
    const provenance = fetched.files.map((f) => `${f.url} sha256:${f.sha256}`).join(' ; ');
    const report = await importList(store, fetched.path, { format: source.format, listId: source.listId, today: options.today, allowMassRemoval: options.allowMassRemoval === true, provenance });
    return { listId: source.listId, status: report.created ? 'updated' : 'unchanged', version: report.version, files: fetched.files, report };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return failed('import', `the downloaded ${describeRefusal(error, source, dir)}`, { hint: error.hint, files: fetched.files });
  }
}

/** importList's refusal in terms of the downloaded files (the temp folder is gone by the time anyone reads it). */
function describeRefusal(error: AppError, source: UpdateSource, dir: string): string {
  const local = (text: string) => text.replaceAll(`${dir}/`, '').replaceAll(dir, `${source.listId} files`);
  const message = local(error.message).replace(/; nothing was imported$/, '');
  const where = error.where === undefined ? '' : local(error.where);
  const at = where === '' || message.includes(where) ? '' : ` (at ${where})`;
  return `${source.files.length === 1 ? 'file was' : 'files were'} refused: ${message}${at}`;
}

/** Downloads, checks and imports every selected source; one source's failure never stops the others. */
export async function updateLists(store: Store, sources: readonly UpdateSource[], options: UpdateOptions): Promise<UpdateReport> {
  const selected = selectSources(sources, options.only);
  const named = options.only !== undefined && options.only.length > 0;
  const current = new Map((await store.currentVersions()).map((v) => [v.listId as string, v.version]));
  const root = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'embargo-update-'));
  const outcomes: SourceOutcome[] = [];
  try {
    for (const source of selected) {
      const outcome = await updateOne(store, source, join(root, source.listId), current.get(source.listId) ?? null, options, named);
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { outcomes, failed: outcomes.filter((o) => o.status === 'failed').length };
}
