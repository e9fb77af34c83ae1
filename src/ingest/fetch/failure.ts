// A download that did not produce a usable file, as a value with a stable reason, what failed, where, and
// whether trying again may help. `embargo update` turns these into per-source outcomes (never a crash).

/** Why a download was refused. */
export type DownloadFailureReason =
  | 'network' // connection refused / reset, DNS, TLS: retried
  | 'cut' // the connection ended before the whole body arrived: retried
  | 'timeout' // no answer or no bytes for too long: retried
  | 'http_status' // anything but 200 (5xx and 429 are retried, 4xx are not)
  | 'length_mismatch' // Content-Length says N bytes, M arrived: retried
  | 'content_type' // e.g. text/html where a CSV or XML file was expected
  | 'content' // the first bytes are not the expected format (HTML error page, ZIP, empty file, …)
  | 'too_small'; // fewer bytes than the source's minimum plausible size

/** A refused download: what went wrong and at which URL. */
export class DownloadFailure extends Error {
  readonly reason: DownloadFailureReason;
  readonly url: string;
  /** True when the same request may succeed later (network errors, 5xx), false for 4xx and bad content. */
  readonly retryable: boolean;

  constructor(reason: DownloadFailureReason, url: string, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DownloadFailure';
    this.reason = reason;
    this.url = url;
    this.retryable = options.retryable;
  }
}
