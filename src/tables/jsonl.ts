// JSON lines tables: one object per line, keys as column names (any case), a value a string, number, boolean
// or an array of them. A line that is not a JSON object is a problem at its line; blank lines are skipped.
import { createInterface } from 'node:readline';
import { AppError } from '../domain/errors.ts';
import { fileBytes } from './bytes.ts';
import { columnKey } from './cells.ts';
import type { ReadTableOptions, TableEvent } from './types.ts';

function jsonCells(line: number, value: unknown): TableEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { type: 'problem', line, reason: 'the line is not a JSON object' };
  const cells = new Map<string, string[]>();
  for (const [key, v] of Object.entries(value)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '');
    if (list.some((x) => typeof x === 'object'))
      return {
        type: 'problem',
        line,
        reason: `field ${key} holds an object; give a string or an array of strings`,
      };
    const values = list.map((x) => String(x).trim()).filter((x) => x !== '');
    if (values.length > 0) cells.set(columnKey(key), values);
  }
  return { type: 'row', row: { line, cells } };
}

function parseLine(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      reason: `the line is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

export async function* jsonlTable(path: string, options: ReadTableOptions): AsyncGenerator<TableEvent> {
  const bytes = fileBytes(path, options);
  const lines = createInterface({ input: bytes, crlfDelay: Infinity });
  let n = 0;
  let parsed = 0;
  try {
    for await (const text of lines) {
      n++;
      const t = n === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (t === '') continue;
      const result = parseLine(t);
      if (!result.ok) {
        yield { type: 'problem', line: n, reason: result.reason };
        continue;
      }
      parsed++;
      yield jsonCells(n, result.value);
    }
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      hint: 'check the path and that the file is readable',
      cause: error,
    });
  } finally {
    bytes.destroy(); // a reader that stops early closes the file
  }
  if (parsed === 0 && n > 0)
    throw new AppError('unusable_file', `${path} holds no JSON lines`, {
      where: path,
      hint: 'write one JSON object per line',
    });
}
