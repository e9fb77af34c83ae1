// Picks the format of an input from its content (and names), or takes the one the user named.
import { open, readdir, stat } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { FORMATS, formatById } from '../sources/registry.ts';
import type { DetectInput, SourceFormat } from '../sources/types.ts';

async function head(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, 4096, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** What detectors look at: names, and the first 4 KiB of the file (or of the folder's first file). */
export async function detectInput(path: string): Promise<DetectInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new AppError('not_found', `no file or folder at ${path}`, { where: path, hint: 'check the path', cause: error });
  }
  if (!info.isDirectory()) return { path, isDirectory: false, fileNames: [basename(path)], head: await head(path) };
  const fileNames = (await readdir(path)).sort();
  const first = fileNames.find((n) => !n.startsWith('.'));
  return { path, isDirectory: true, fileNames, head: first === undefined ? '' : await head(join(path, first)).catch(() => '') };
}

/** The format to read `path` with: the named one, else the first whose detector accepts the input. */
export async function chooseFormat(path: string, formatId?: string): Promise<SourceFormat> {
  if (formatId !== undefined) {
    const format = formatById(formatId);
    if (format === undefined) {
      throw new AppError('unknown_format', `unknown format "${formatId}"`, {
        hint: `known formats: ${FORMATS.map((f) => f.id).join(', ')}`,
      });
    }
    return format;
  }
  const input = await detectInput(path);
  const format = FORMATS.find((f) => f.detect(input));
  if (format === undefined) {
    throw new AppError('unknown_format', `cannot tell the list format of ${path}`, {
      where: path,
      hint: `name it with --format (one of: ${FORMATS.map((f) => f.id).join(', ')})`,
    });
  }
  return format;
}
