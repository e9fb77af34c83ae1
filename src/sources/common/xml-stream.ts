// Streams an XML file through saxes in 64 KiB chunks, never as a DOM. The caller wires the parser's
// events and emits items; items are handed out after each chunk. A file that is not well-formed XML (e.g.
// truncated) is unusable as a whole: an import must not take the items read before the break for the
// complete list, so the stream throws the caller's AppError('unusable_file').
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { AppError } from '../../domain/errors.ts';

export interface XmlWiring<T> {
  parser: SaxesParser;
  emit(item: T): void;
  /** Marks the document unusable (e.g. a wrong root element); the stream throws after the chunk. */
  fail(reason: string): void;
}

/** Reads `path` as UTF-8 XML; `wire` attaches handlers; `unusable` builds the error for a broken file. */
export async function* streamXml<T>(
  path: string,
  wire: (wiring: XmlWiring<T>) => void,
  unusable: (reason: string, cause?: unknown) => AppError,
): AsyncGenerator<T> {
  const out: T[] = [];
  const errors: string[] = [];
  const parser = new SaxesParser({ position: true });
  parser.on('error', (error) => errors.push(error.message));
  wire({ parser, emit: (item) => out.push(item), fail: (reason) => errors.push(reason) });
  try {
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (errors.length > 0) throw unusable(errors[0]!);
      yield* out.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unusable(error instanceof Error ? error.message : String(error), error);
  }
  // saxes reports a truncated document (unclosed tags, no root) only when it is closed.
  if (errors.length > 0) throw unusable(errors[0]!);
  yield* out.splice(0);
}

/** An element name without its namespace prefix (`sdn:sdnEntry` → `sdnEntry`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
