// An output file that appears whole or not at all: written to a temporary file in the same directory (so the
// rename stays on one file system and is atomic, POSIX rename(2)), hashed as it is written, synced to disk,
// then renamed over the target. Until `rename`, the target is untouched; `abort` removes the temporary file.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../domain/errors.ts';

export interface WrittenFile {
  path: string;
  bytes: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
}

export class AtomicOutput {
  readonly path: string;
  readonly tempPath: string;
  readonly #out: WriteStream;
  readonly #hash = createHash('sha256');
  #bytes = 0;
  #failure: Error | undefined;

  private constructor(path: string) {
    this.path = path;
    this.tempPath = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    this.#out = createWriteStream(this.tempPath, { flags: 'wx' });
    this.#out.on('error', (error) => (this.#failure ??= error));
  }

  /** Creates the temporary file; throws AppError when the directory is not writable. */
  static async create(path: string): Promise<AtomicOutput> {
    const output = new AtomicOutput(path);
    await output.#settle('open');
    output.#check();
    return output;
  }

  /** Appends text; resolves when the stream can take more (backpressure). */
  async write(text: string): Promise<void> {
    this.#check();
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    this.#hash.update(bytes);
    this.#bytes += bytes.length;
    if (!this.#out.write(bytes)) await this.#settle('drain');
    this.#check();
  }

  /** Closes the temporary file and syncs it to disk; the content is final, the target not yet replaced. */
  async finish(): Promise<WrittenFile> {
    this.#check();
    this.#out.end();
    await this.#settle('close');
    this.#check();
    const handle = await open(this.tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { path: this.path, bytes: this.#bytes, sha256: this.#hash.digest('hex') };
  }

  /** Moves the finished file into place. */
  async rename(): Promise<void> {
    await rename(this.tempPath, this.path);
  }

  /** Drops the temporary file (after a failure); the target stays as it was. */
  async abort(): Promise<void> {
    this.#out.destroy();
    await rm(this.tempPath, { force: true });
  }

  /** Waits for the stream event, or its error (kept as the failure). */
  async #settle(event: string): Promise<void> {
    await once(this.#out, event).catch((error: unknown) => {
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  #check(): void {
    if (this.#failure !== undefined)
      throw new AppError('unusable_file', `cannot write ${this.path}: ${this.#failure.message}`, {
        where: this.path,
        hint: 'check that the directory exists, is writable and has space',
        cause: this.#failure,
      });
  }
}
