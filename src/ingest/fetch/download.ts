// One HTTP download to a file, with the transport checks `embargo update` relies on: status 200, the whole
// body (a connection cut mid-file is an error, and Content-Length must equal the bytes received), a time
// limit, and retries with exponential backoff for failures that may pass (network errors, 5xx, 429) but
// not for those that will not (4xx). Uses Node's built-in fetch (undici). Content checks are separate.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { DownloadFailure } from './failure.ts';

export interface DownloadOptions {
  /** Longest time for one attempt, from request to last byte. */
  timeoutMs: number;
  /** Longest wait for the response headers or for the next bytes of the body. */
  idleTimeoutMs: number;
  /** Further attempts after a retryable failure (so at most retries + 1 requests). */
  retries: number;
  /** Wait before the first retry; doubled before each next one. */
  backoffMs: number;
  userAgent: string;
}

/** 10 minutes covers the largest list (UK, ~50 MB) on a slow line; 60 s without a byte is a stalled server;
 *  3 retries at 2 s, 4 s, 8 s ride out a short outage without hammering the authority's server. */
export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = Object.freeze({
  timeoutMs: 10 * 60_000,
  idleTimeoutMs: 60_000,
  retries: 3,
  backoffMs: 2_000,
  userAgent: 'embargo-update/0.1 (sanctions list screening; https://www.npmjs.com/package/embargo)',
});

export interface DownloadedFile {
  /** The URL asked for, and where the answer came from after redirects. */
  url: string;
  finalUrl: string;
  path: string;
  bytes: number;
  sha256: string;
  contentType: string | undefined;
  /** Content-Length of an unencoded body, when the server sent one. */
  declaredLength: number | undefined;
  /** The first 4 KiB, for content checks. */
  head: Buffer;
  attempts: number;
}

const HEAD_BYTES = 4096;

/** Downloads `url` to `dest`, retrying what may pass; throws DownloadFailure. */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = DEFAULT_DOWNLOAD_OPTIONS): Promise<DownloadedFile> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...(await attemptOnce(url, dest, options)), attempts: attempt };
    } catch (error) {
      const failure = asFailure(error, url, 'network');
      if (!failure.retryable || attempt > options.retries) {
        if (attempt === 1) throw failure;
        throw new DownloadFailure(failure.reason, url, `${failure.message} (gave up after ${attempt} attempts)`, { retryable: true, cause: failure });
      }
      await sleep(options.backoffMs * 2 ** (attempt - 1));
    }
  }
}

/** Aborts the request when the whole attempt or the wait for the next bytes takes too long. */
function startTimers(controller: AbortController, url: string, options: DownloadOptions) {
  const fire = (what: string) => controller.abort(new DownloadFailure('timeout', url, what, { retryable: true }));
  const total = setTimeout(() => fire(`no complete answer within ${options.timeoutMs / 1000} s`), options.timeoutMs);
  const idle = setTimeout(() => fire(`no bytes received for ${options.idleTimeoutMs / 1000} s`), options.idleTimeoutMs);
  return {
    touch: () => idle.refresh(),
    clear: () => {
      clearTimeout(total);
      clearTimeout(idle);
    },
  };
}

async function attemptOnce(url: string, dest: string, options: DownloadOptions): Promise<Omit<DownloadedFile, 'attempts'>> {
  const controller = new AbortController();
  const timers = startTimers(controller, url, options);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow', headers: { 'user-agent': options.userAgent } });
    timers.touch();
    if (response.status !== 200 || response.body === null) throw await statusFailure(response, url);
    const declaredLength = declaredLengthOf(response.headers);
    const saved = await saveBody(response.body, dest, timers.touch, (progress, error) => {
      const expected = declaredLength === undefined ? '' : ` of ${declaredLength.toLocaleString('en')}`;
      return new DownloadFailure('cut', url, `the connection was cut after ${progress.toLocaleString('en')}${expected} bytes: ${describeCause(error)}`, { retryable: true, cause: error });
    });
    if (declaredLength !== undefined && saved.bytes !== declaredLength) {
      const message = `received ${saved.bytes.toLocaleString('en')} bytes but the server announced ${declaredLength.toLocaleString('en')} (Content-Length)`;
      throw new DownloadFailure('length_mismatch', url, message, { retryable: true });
    }
    return { url, finalUrl: response.url || url, path: dest, contentType: response.headers.get('content-type') ?? undefined, declaredLength, ...saved };
  } catch (error) {
    // An abort surfaces as the reason given to abort() (our timeout failure) or as an AbortError.
    if (controller.signal.aborted && controller.signal.reason instanceof DownloadFailure) throw controller.signal.reason;
    throw error;
  } finally {
    timers.clear();
  }
}

async function statusFailure(response: Response, url: string): Promise<DownloadFailure> {
  // The body of a refusal is not needed; cancelling frees the connection (a failure to cancel changes nothing).
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  const retryable = status >= 500 || status === 429 || status === 408;
  const hint = status === 401 || status === 403 ? ' (the URL may need a token or the token may be wrong)' : status === 404 ? ' (the URL may have moved)' : '';
  return new DownloadFailure('http_status', url, `the server answered HTTP ${status} ${response.statusText}${hint}`.trimEnd(), { retryable });
}

/** Content-Length when it counts the bytes we receive: fetch decodes gzip/br bodies, so then it does not. */
function declaredLengthOf(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const value = headers.get('content-length');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

async function saveBody(
  body: ReadableStream<Uint8Array>,
  dest: string,
  touch: () => void,
  cut: (bytesSoFar: number, error: unknown) => DownloadFailure,
): Promise<{ bytes: number; sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (bytes < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES - bytes));
      bytes += chunk.length;
      hash.update(chunk);
      touch();
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), tap, createWriteStream(dest));
  } catch (error) {
    if (error instanceof DownloadFailure) throw error;
    throw cut(bytes, error);
  }
  return { bytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

/** Any error of a download as a DownloadFailure (fetch's TypeError "fetch failed" is a network failure). */
function asFailure(error: unknown, url: string, reason: 'network'): DownloadFailure {
  if (error instanceof DownloadFailure) return error;
  return new DownloadFailure(reason, url, `the request failed: ${describeCause(error)}`, { retryable: true, cause: error });
}

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:9" — the messages along the cause chain. */
export function describeCause(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    const text = typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message;
    if (text !== '' && !parts.includes(text)) parts.push(text);
  }
  return parts.length === 0 ? String(error) : parts.join(': ');
}
