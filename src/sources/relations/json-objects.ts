// Streams the records of a JSON file that is either one top-level array of objects (`[{…},{…}]`, pretty-printed
// or not) or a sequence of objects (JSON lines, as Companies House snapshot files are). Each object's text is cut
// out by a small scanner that tracks strings, escapes and depth — no whole-file parse — and parsed on its own,
// so a broken record is one warning, not a failed file.
import { createReadStream } from 'node:fs';
import { AppError } from '../../domain/errors.ts';

export type JsonRecord = { line: number; value: unknown } | { line: number; error: string };

interface Scan {
  /** Depth at which records sit: 1 inside a top-level array, 0 for a sequence of objects. */
  recordDepth: number | undefined;
  depth: number;
  inString: boolean;
  escaped: boolean;
  line: number;
  /** Text of the record being read (carried across chunks) and the line it started on. */
  buffer: string;
  startLine: number;
  inRecord: boolean;
}

function parseRecord(text: string, line: number): JsonRecord {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, error: `not valid JSON (${(error as Error).message})` };
  }
}

/** Scans one chunk, returning the records it completes. */
function scanChunk(s: Scan, chunk: string, path: string): JsonRecord[] {
  const out: JsonRecord[] = [];
  let start = s.inRecord ? 0 : -1;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c === '\n') s.line++;
    if (s.inString) {
      if (s.escaped) s.escaped = false;
      else if (c === '\\') s.escaped = true;
      else if (c === '"') s.inString = false;
      continue;
    }
    if (c === '"') s.inString = true;
    else if (c === '{' || c === '[') {
      if (s.recordDepth === undefined) s.recordDepth = c === '[' ? 1 : 0;
      if (s.depth === s.recordDepth && c === '{') [s.inRecord, s.startLine, start] = [true, s.line, i];
      s.depth++;
    } else if (c === '}' || c === ']') {
      s.depth--;
      if (s.inRecord && s.depth === s.recordDepth) {
        out.push(parseRecord(s.buffer + chunk.slice(start, i + 1), s.startLine));
        [s.inRecord, s.buffer] = [false, ''];
      }
    } else if (s.recordDepth === undefined && !/\s/.test(c) && c !== '\uFEFF') {
      throw new AppError('unusable_file', `${path} is not JSON: it starts with "${c}"`, {
        where: `${path}:${s.line}`,
        hint: 'expected a JSON array of records or one JSON object per line',
      });
    }
  }
  if (s.inRecord) s.buffer += chunk.slice(start);
  return out;
}

/** Streams every record of the file with the line it starts on. A file that ends inside a record yields an error record. */
export async function* jsonRecords(path: string): AsyncGenerator<JsonRecord> {
  const s: Scan = {
    recordDepth: undefined,
    depth: 0,
    inString: false,
    escaped: false,
    line: 1,
    buffer: '',
    startLine: 0,
    inRecord: false,
  };
  let stream: AsyncIterable<string | Buffer>;
  try {
    stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
    for await (const chunk of stream) yield* scanChunk(s, chunk as string, path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      cause: error,
      hint: 'check the path and that the file is readable',
    });
  }
  if (s.inRecord) yield { line: s.startLine, error: 'the file ends inside this record (truncated?)' };
  if (s.recordDepth === undefined) throw new AppError('unusable_file', `${path} is empty`, { where: path });
}
