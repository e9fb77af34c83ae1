// Plausibility checks on a downloaded file before it reaches a parser: media type, first bytes, size.
// They exist because servers answer failures with status 200 surprisingly often (a login or maintenance
// page, a CDN error page, an empty body, an archive instead of the file), and such a file must never
// become a list version. Each check returns a problem in words, or undefined when the file passes.

/** What kind of file a source publishes. */
export type ExpectedKind = 'csv' | 'xml';

/** Media types accepted when a source does not name its own. Servers label CSV and XML loosely
 *  (the FCDO serves its CSV as application/octet-stream), so the first-bytes check does the real work. */
export const DEFAULT_CONTENT_TYPES: Readonly<Record<ExpectedKind, readonly string[]>> = {
  csv: [
    'text/csv',
    'application/csv',
    'text/comma-separated-values',
    'application/vnd.ms-excel',
    'text/plain',
    'application/octet-stream',
    'binary/octet-stream',
  ],
  xml: ['application/xml', 'text/xml', 'text/plain', 'application/octet-stream', 'binary/octet-stream'],
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(header: string): string {
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/** Problem with the Content-Type header, if any. A missing header is accepted (the bytes are checked). */
export function contentTypeProblem(header: string | undefined, kind: ExpectedKind, allowed?: readonly string[]): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const type = mediaType(header);
  if ((allowed ?? DEFAULT_CONTENT_TYPES[kind]).includes(type)) return undefined;
  if (HTML_TYPES.has(type)) return `the server sent an HTML page (Content-Type ${type}), not the ${kind.toUpperCase()} file: probably an error, login or maintenance page`;
  return `the server sent Content-Type ${type}, not a media type for ${kind.toUpperCase()} files`;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first line of the head, shortened and with control characters shown as '?', for messages. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const shown = [...line.slice(0, 80)].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '?' : c)).join('');
  return line.length > 80 ? `${shown}…` : shown;
}

function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2048);
  return /^\s*(<!--[\s\S]*?-->\s*)*<!doctype html/i.test(start) || /<html[\s>]/i.test(start) || /^\s*<(head|body)[\s>]/i.test(start);
}

/** What the bytes are when they are plainly not a text list file (archive, binary, HTML), if so. */
function foreignContent(head: Buffer, text: string): string | undefined {
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'a ZIP archive';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'a gzip archive';
  if (head[0] === 0x25 && text.startsWith('%PDF')) return 'a PDF document';
  if (looksLikeHtml(text)) return 'an HTML page (probably an error, login or maintenance page)';
  if (head.includes(0)) return 'binary data (it contains NUL bytes)';
  return undefined;
}

/**
 * Problem with the first bytes of the file (up to 4 KiB), if any: empty, an archive, HTML, binary, not the
 * expected kind, or not matching the source's signature (e.g. the UN root element `<CONSOLIDATED_LIST`).
 */
export function headProblem(head: Buffer, kind: ExpectedKind, signature?: RegExp): string | undefined {
  const body = head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head;
  const text = body.toString('latin1');
  if (text.trim() === '') return 'the file is empty';
  const foreign = foreignContent(body, text);
  if (foreign !== undefined) return `the server sent ${foreign}, not the ${kind.toUpperCase()} file`;
  const trimmed = text.trimStart();
  if (kind === 'xml' && !trimmed.startsWith('<')) return `the file does not start like XML: "${firstLine(trimmed)}"`;
  if (kind === 'csv' && trimmed.startsWith('<')) return `the file starts with "<" (XML or HTML), not like CSV: "${firstLine(trimmed)}"`;
  if (signature !== undefined && !signature.test(text)) {
    return `the first bytes do not look like this list (expected /${signature.source}/): "${firstLine(trimmed)}"`;
  }
  return undefined;
}

/** Problem with the size, if any: fewer bytes than the smallest plausible file of this source. */
export function sizeProblem(bytes: number, minBytes: number): string | undefined {
  if (bytes >= minBytes) return undefined;
  return `the file has ${bytes.toLocaleString('en')} bytes, less than the ${minBytes.toLocaleString('en')} expected at least for this list`;
}
