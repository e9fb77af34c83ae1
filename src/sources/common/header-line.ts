// The header row of a text list file, for detection by content.
import type { DetectInput } from '../types.ts';

/**
 * The first line of the file's head without its UTF-8 byte-order mark: `ï»¿` in a head decoded as Latin-1 (as
 * detection reads it), U+FEFF in one a caller decoded as UTF-8.
 */
export function headerLine(input: DetectInput): string {
  return (input.head.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF|^ï»¿/, '');
}
