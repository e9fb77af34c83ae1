// JSON-lines files (FtM entities and deltas, Senzing records): the non-blank lines of a UTF-8 file with their
// line numbers, each parsed on its own so that one unreadable line is one bad record.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError } from '../../domain/errors.ts';

/** A non-blank line of a JSON-lines file. */
export interface JsonLine {
  line: number;
  text: string;
}

/** Streams the non-blank lines of a UTF-8 file with their 1-based line numbers (a leading BOM is dropped). */
export async function* jsonLines(file: string): AsyncGenerator<JsonLine> {
  await assertReadable(file);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() !== '') yield { line, text };
  }
}

async function assertReadable(file: string): Promise<void> {
  try {
    if ((await stat(file)).isFile()) return;
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${file}`, {
      where: file,
      hint: 'check the path',
      cause: error,
    });
  }
  throw new AppError('unusable_file', `${file} is not a file`, {
    where: file,
    hint: 'name an FtM JSON-lines file',
  });
}

/** Parses one line as JSON; returns the value or the reason it is not JSON. */
export function parseJsonLine(text: string): { value: unknown } | { reason: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
