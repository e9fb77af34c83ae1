// `embargo screen-file` as a use case: the index over the requested lists, a pool of worker threads holding a
// copy of it, jurisdiction findings per row, and one audit record per file written before the output is moved
// into place (docs/design/batch-screening.md). Used by the CLI; the API's batch endpoint can share the pool.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { listId, type ListId } from '../../domain/ids.ts';
import { DEFAULT_JURISDICTIONS_PATH, loadJurisdictions } from '../../jurisdictions/index.ts';
import {
  openScreenPool,
  outputFormatOf,
  screenFile,
  type FileParty,
  type MatchIndex,
  type ScreenFileOptions,
  type ScreenFileProgress,
  type ScreenFileSummary,
} from '../../matching/index.ts';
import { openAuditStore } from '../../store/index.ts';
import { tableFormatOf } from '../../tables/index.ts';
import type { AppContext } from '../context.ts';
import { MatchingScreener } from '../matching-screener.ts';
import { toScreenQuery } from '../normalise-query.ts';
import type { ScreeningHeader } from '../screening-types.ts';
import { ScreeningService, type AuditEntry, type Caller, type ResolvedSettings } from '../screening.ts';

export interface ScreenFileRequest {
  input: string;
  output: string;
  inputFormat?: string;
  outputFormat?: string;
  /** List ids or sub-lists; default every loaded list. */
  lists?: string[];
  threshold?: number;
  /** Threads screening (1: this thread); default all cores. */
  workers?: number;
  onProgress?: (progress: ScreenFileProgress) => void;
  /** Called once the index is built, with the number of listed parties it holds. */
  onIndexed?: (entities: number) => void;
}

/**
 * Below this input size (≈ 25,000 rows of a typical CSV) the default is to screen on the calling thread: a worker
 * thread needs ≈ 1.5–3 s before its first answer (loading the engine's modules, cloning and indexing the data;
 * measured on the 2-core machine under load), and a second core saves ≈ 0.1 ms per row, so workers pay off only
 * past some 15,000–35,000 rows.
 */
export const SMALL_INPUT_BYTES = 1024 * 1024;

async function defaultThreads(input: string): Promise<{ workers?: number }> {
  const size = await stat(input).then(
    (s) => s.size,
    () => undefined, // a missing file is reported by the reader, with its hint
  );
  return size !== undefined && size < SMALL_INPUT_BYTES ? { workers: 1 } : {};
}

/** What `screen-file` reports, and the audit record stores as its response. */
export interface ScreenFileReport extends ScreeningHeader {
  finished_at: string;
  input: { file: string; format: string; bytes: number; sha256: string };
  output: { file: string; format: string; bytes: number; sha256: string };
  summary: {
    rows: number;
    potential_matches: number;
    clear: number;
    errors: number;
    rows_with_matches: number;
    matches: number;
  };
}

function reportOf(header: ScreeningHeader, s: ScreenFileSummary): ScreenFileReport {
  return {
    ...header,
    finished_at: new Date().toISOString(),
    input: {
      file: resolve(s.input.path),
      format: s.input.format,
      bytes: s.input.bytes,
      sha256: s.input.sha256,
    },
    output: {
      file: resolve(s.output.path),
      format: s.output.format,
      bytes: s.output.bytes,
      sha256: s.output.sha256,
    },
    summary: {
      rows: s.rows,
      potential_matches: s.potentialMatches,
      clear: s.clear,
      errors: s.rowsWithErrors,
      rows_with_matches: s.rowsWithMatches,
      matches: s.matches,
    },
  };
}

function auditEntry(
  header: ScreeningHeader,
  settings: ResolvedSettings,
  report: ScreenFileReport,
): AuditEntry {
  return {
    id: header.id,
    at: header.screened_at,
    kind: 'batch_file',
    settings,
    request: {
      input: report.input,
      output: { file: report.output.file, format: report.output.format },
      lists: settings.lists ?? null,
      threshold: settings.threshold,
      limit: settings.limit,
    },
    normalised: null,
    response: report,
    matchCount: report.summary.matches,
  };
}

/** The pipeline's options: the service's engine query, jurisdiction check and audit record. */
function fileOptions(
  service: ScreeningService,
  settings: ResolvedSettings,
  request: ScreenFileRequest,
  commit: (summary: ScreenFileSummary) => Promise<void>,
): ScreenFileOptions {
  return {
    screen: {
      threshold: settings.threshold,
      limit: settings.limit,
      ...(settings.lists === undefined ? {} : { lists: settings.lists }),
    },
    ...(request.inputFormat === undefined ? {} : { inputFormat: request.inputFormat }),
    ...(request.outputFormat === undefined ? {} : { outputFormat: request.outputFormat }),
    engineQuery: (party: FileParty) => toScreenQuery(party),
    jurisdictions: (party: FileParty) =>
      service.jurisdictionsOf({
        countries: party.country === undefined ? [] : [party.country],
        addresses: party.address === undefined ? [] : [party.address],
      }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    beforeCommit: commit,
  };
}

/** Screens the file with a pool over the screener's index; the audit record is appended before the output appears. */
async function screenWith(
  service: ScreeningService,
  index: MatchIndex,
  caller: Caller,
  request: ScreenFileRequest,
  settings: ResolvedSettings,
): Promise<ScreenFileReport> {
  const threads =
    request.workers === undefined ? await defaultThreads(request.input) : { workers: request.workers };
  const pool = openScreenPool(index, threads);
  const header = service.header(settings);
  let report: ScreenFileReport | undefined;
  try {
    await screenFile(
      pool,
      request.input,
      request.output,
      fileOptions(service, settings, request, async (summary) => {
        report = reportOf(header, summary);
        await service.record(caller, auditEntry(header, settings, report));
      }),
    );
  } finally {
    await pool.close();
  }
  return report!;
}

/** Screens the file and records it; resolves once the audit record is durable and the output in place. */
export async function screenFileAudited(
  app: AppContext,
  caller: Caller,
  request: ScreenFileRequest,
): Promise<ScreenFileReport> {
  const lists = request.lists?.map((l) => l.trim()).filter((l) => l !== '');
  const asked = lists === undefined || lists.length === 0 ? undefined : lists;
  const only: ListId[] | undefined =
    asked === undefined ? undefined : [...new Set(asked.map((l) => listId(l.split(':')[0]!)))];
  // Formats first: a wrong name fails before the index is built.
  tableFormatOf(request.input, request.inputFormat, '--input-format');
  outputFormatOf(request.output, request.outputFormat);
  const jurisdictions = loadJurisdictions(app.config.jurisdictions ?? DEFAULT_JURISDICTIONS_PATH);
  const screener = new MatchingScreener(app.store, {
    worker: false,
    ...(only === undefined ? {} : { lists: only }),
  });
  const audit = await openAuditStore(app.config.db, { writerThread: false });
  try {
    if ((await app.store.currentVersions()).length === 0)
      throw new AppError('not_found', 'no list is loaded', {
        hint: 'run `embargo import <file>` or `npm start` first',
      });
    await screener.refresh();
    const service = new ScreeningService({ screener, audit, jurisdictions });
    const settings = service.resolve({
      ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
      ...(asked === undefined ? {} : { lists: asked }),
    });
    request.onIndexed?.(screener.state().entities);
    return await screenWith(service, screener.index!, caller, request, settings);
  } finally {
    await screener.close();
    await audit.close();
  }
}
