// Downloads every file of one source into a folder and checks each (transport, media type, first bytes,
// size) before anything is imported: a multi-file list (OFAC's CSV quartet) is imported only when all of
// its parts arrived whole, so a half-updated set can never be read.
import { join } from 'node:path';
import { contentTypeProblem, headProblem, sizeProblem } from './content-checks.ts';
import { DEFAULT_DOWNLOAD_OPTIONS, downloadFile, type DownloadedFile, type DownloadOptions } from './download.ts';
import { DownloadFailure, type DownloadFailureReason } from './failure.ts';
import { TOKEN_PLACEHOLDER, type SourceFile, type UpdateSource } from './catalogue.ts';

/** One downloaded and checked file (URLs with any token masked). */
export interface FetchedFile {
  name: string;
  url: string;
  finalUrl: string;
  bytes: number;
  sha256: string;
  contentType: string | undefined;
  attempts: number;
}

export type FetchOutcome =
  /** `path`: what to import — the folder for a multi-file source, else the one file. */
  | { ok: true; path: string; files: FetchedFile[] }
  | { ok: false; file: string; url: string; reason: DownloadFailureReason; message: string; files: FetchedFile[] };

export interface FetchOptions {
  /** Replaces {token} in the URLs (EU FSF). */
  token?: string | undefined;
  download?: DownloadOptions;
}

/** The URL to request, and the same URL fit to print (token masked). */
function urls(file: SourceFile, token: string | undefined): { request: string; shown: string } {
  if (!file.url.includes(TOKEN_PLACEHOLDER)) return { request: file.url, shown: file.url };
  const value = encodeURIComponent(token ?? '');
  return { request: file.url.replaceAll(TOKEN_PLACEHOLDER, value), shown: file.url.replaceAll(TOKEN_PLACEHOLDER, '***') };
}

/** The checks on the file's content, in the order that gives the clearest message. */
function contentProblem(file: SourceFile, got: DownloadedFile): { reason: DownloadFailureReason; message: string } | undefined {
  const type = contentTypeProblem(got.contentType, file.kind, file.contentTypes);
  if (type !== undefined) return { reason: 'content_type', message: type };
  const head = headProblem(got.head, file.kind, file.signature);
  if (head !== undefined) return { reason: 'content', message: head };
  const size = sizeProblem(got.bytes, file.minBytes);
  if (size !== undefined) return { reason: 'too_small', message: size };
  return undefined;
}

/** Downloads and checks every file of `source` into `dir`, stopping at the first failure. */
export async function fetchSource(source: UpdateSource, dir: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const files: FetchedFile[] = [];
  const mask = (text: string) => (options.token ? text.replaceAll(encodeURIComponent(options.token), '***').replaceAll(options.token, '***') : text);
  for (const file of source.files) {
    const { request, shown } = urls(file, options.token);
    let got: DownloadedFile;
    try {
      got = await downloadFile(request, join(dir, file.name), options.download ?? DEFAULT_DOWNLOAD_OPTIONS);
    } catch (error) {
      if (!(error instanceof DownloadFailure)) throw error;
      return { ok: false, file: file.name, url: shown, reason: error.reason, message: mask(error.message), files };
    }
    const problem = contentProblem(file, got);
    if (problem !== undefined) return { ok: false, file: file.name, url: shown, ...problem, files };
    const { bytes, sha256, contentType, attempts } = got;
    files.push({ name: file.name, url: shown, finalUrl: mask(got.finalUrl), bytes, sha256, contentType, attempts });
  }
  return { ok: true, path: source.files.length === 1 ? join(dir, source.files[0]!.name) : dir, files };
}
