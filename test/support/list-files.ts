// Paths of the bundled real list files, and helpers that derive damaged or edited copies of them in tmp dirs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA = join(ROOT, 'data');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const OFAC_SDN_DIR = join(DATA, 'us_ofac', 'sdn_csv');
export const OFAC_CONS_DIR = join(DATA, 'us_ofac', 'consolidated_csv');

/** Copies a folder of list files to a tmp dir and rewrites one file's lines with `edit` (CRLF kept). */
export function editedCopy(dir: string, file: string, edit: (lines: string[]) => string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'embargo-list-'));
  cpSync(dir, out, { recursive: true });
  const path = join(out, file);
  const text = readFileSync(path, 'latin1');
  const eof = text.endsWith('\x1a') ? '\x1a' : '';
  const lines = (eof ? text.slice(0, -1) : text).split('\r\n');
  writeFileSync(path, edit(lines).join('\r\n') + eof, 'latin1');
  return out;
}
