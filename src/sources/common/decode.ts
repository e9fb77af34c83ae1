// Byte-level clean-up every text list file needs before parsing: BOM, DOS EOF (0x1A), Latin-1 files.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../domain/errors.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// WHATWG "latin1" is windows-1252, a superset of ISO-8859-1 for printable bytes (ITAR file has 0xA0, 0x92…).
const WINDOWS_1252 = new TextDecoder('windows-1252');

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/** Decodes bytes as UTF-8, falling back to Windows-1252 when they are not valid UTF-8; strips BOM and 0x1A. */
export function decodeListBytes(bytes: Uint8Array): DecodedText {
  let end = bytes.length;
  // OFAC legacy CSVs end with a DOS EOF byte (0x1A), optionally followed by CR/LF.
  while (end > 0 && (bytes[end - 1] === 0x1a || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) {
    if (bytes[end - 1] === 0x1a) {
      end--;
      continue;
    }
    // keep trailing newlines unless a 0x1A precedes them
    let k = end - 1;
    while (k > 0 && (bytes[k] === 0x0a || bytes[k] === 0x0d)) k--;
    if (bytes[k] === 0x1a) end = k;
    else break;
  }
  const body = bytes.subarray(0, end);
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = UTF8.decode(body);
  } catch {
    // Not UTF-8: the only other encoding seen in official list files is Windows-1252 (State ITAR list).
    text = WINDOWS_1252.decode(body);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** Reads and decodes a whole text list file (list files are at most tens of MB). */
export async function readListText(path: string): Promise<DecodedText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      hint: 'check the path and that the file is readable',
      cause: error,
    });
  }
  return decodeListBytes(bytes);
}
