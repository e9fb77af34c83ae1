// The bytes of a table file as a stream, with a tap that sees every chunk (the caller hashes and counts them),
// and text decoding that falls back from UTF-8 to Windows-1252 like the list readers (sources/common/decode.ts).
import { createReadStream } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { ReadTableOptions } from './types.ts';

/** A stream of the file's bytes; every chunk passes `onBytes` first. Open errors surface on the stream. */
export function fileBytes(path: string, options: ReadTableOptions): Readable {
  const source = createReadStream(path);
  const onBytes = options.onBytes;
  if (onBytes === undefined) return source;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      onBytes(chunk);
      callback(null, chunk);
    },
  });
  source.on('error', (error) => tap.destroy(error));
  tap.on('close', () => source.destroy());
  return source.pipe(tap);
}

/**
 * Bytes → text, UTF-8 (BOM dropped) unless the bytes are not valid UTF-8: from the first chunk that is not, the
 * rest is read as Windows-1252 (the one other encoding seen in spreadsheets exported as CSV). A file is decided
 * as it streams, so a file that is UTF-8 up to a bad byte keeps its UTF-8 start.
 */
export class TextDecodeStream extends Transform {
  #utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  #fallback: TextDecoder | undefined;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#utf8 !== undefined) {
      try {
        callback(null, this.#utf8.decode(chunk, { stream: true }));
        return;
      } catch (error) {
        // Not UTF-8 (the decoder throws a TypeError on the first invalid sequence): switch for the rest.
        if (!(error instanceof TypeError)) throw error;
        this.#utf8 = undefined;
        this.#fallback = new TextDecoder('windows-1252');
      }
    }
    callback(null, this.#fallback!.decode(chunk, { stream: true }));
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, (this.#utf8 ?? this.#fallback!).decode());
    } catch (error) {
      // A truncated multi-byte sequence at the very end: read the tail as Windows-1252.
      if (!(error instanceof TypeError)) throw error;
      callback(null, '');
    }
  }
}
