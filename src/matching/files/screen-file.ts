// `embargo screen-file <in> --out <out>`: screens every row of a CSV, XLSX or JSON lines file and writes one
// result per data row, in input order (JSON lines: the "Matching engine" contract; CSV: one line per match,
// output-format.ts). Rows are read as a stream, screened in chunks by a pool (worker threads), and written
// strictly in input order with a bounded number of chunks in flight, so memory does not follow the rows
// (docs/design/batch-screening.md). The output appears only when complete (atomic-output.ts).
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { AppError } from '../../domain/errors.ts';
import { readTable, tableFormatOf, type TableFormat } from '../../tables/index.ts';
import type { QueryOutcome, ScreenPool } from '../pool/index.ts';
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import { AtomicOutput, type WrittenFile } from './atomic-output.ts';
import { fileItems, type FileItem, type FileParty } from './file-party.ts';
import { formatRow, outputFormatOf, outputHead, type OutputFormat } from './output-format.ts';
import { OrderedChunks } from './ordered-chunks.ts';
import { statusOf, type FileFinding, type RowResult } from './row-result.ts';

/** Rows per chunk sent to the pool: large enough that messaging costs little, small enough to keep order cheap. */
export const CHUNK_ROWS = 256;

export interface ScreenFileProgress {
  rows: number;
  /** Input bytes read so far, and the file's size. */
  bytesRead: number;
  bytesTotal: number;
}

export interface ScreenFileOptions {
  /** Threshold, lists and limit, as for one query. */
  screen?: ScreenOptions;
  /** csv | xlsx | jsonl; default from the input's extension. */
  inputFormat?: string;
  /** jsonl | csv; default from the output's extension. */
  outputFormat?: string;
  /** The engine's query for a party (default: its query fields as given). */
  engineQuery?: (party: FileParty) => ScreenQuery;
  /** Jurisdiction findings for a party (default: none). */
  jurisdictions?: (party: FileParty) => readonly FileFinding[];
  onProgress?: (progress: ScreenFileProgress) => void;
  /**
   * Called once the output is complete and synced, before it is moved into place; if it throws, no output
   * appears (the audit record is written here).
   */
  beforeCommit?: (summary: ScreenFileSummary) => Promise<void>;
  chunkRows?: number;
}

export interface ScreenFileSummary {
  rows: number;
  rowsWithMatches: number;
  /** Rows that could not be read or were refused (reported in the output with `error`). */
  rowsWithErrors: number;
  /** Rows with a match or a jurisdiction finding. */
  potentialMatches: number;
  clear: number;
  /** Matches written (grouped across lists, as in the output). */
  matches: number;
  input: { path: string; format: TableFormat; bytes: number; sha256: string };
  output: WrittenFile & { format: OutputFormat };
}

function defaultQuery(party: FileParty): ScreenQuery {
  const { address: _address, reference: _reference, ...query } = party;
  return query;
}

/** Screens every row of `input` with the pool and writes the results to `output`. */
export async function screenFile(
  pool: ScreenPool,
  input: string,
  output: string,
  options: ScreenFileOptions = {},
): Promise<ScreenFileSummary> {
  const inputFormat = tableFormatOf(input, options.inputFormat, '--input-format');
  const outputFormat = outputFormatOf(output, options.outputFormat);
  const bytesTotal = await inputSize(input);
  const engineQuery = options.engineQuery ?? defaultQuery;
  const findings = options.jurisdictions ?? (() => []);
  const screen = options.screen ?? {};
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  // Two chunks per thread keep every worker busy while the oldest chunk is written.
  const maxInFlight = Math.max(2, pool.threads * 2);

  const tap = new InputTap();
  const counts = {
    rows: 0,
    rowsWithMatches: 0,
    rowsWithErrors: 0,
    potentialMatches: 0,
    clear: 0,
    matches: 0,
  };
  const out = await AtomicOutput.create(output);
  const chunks = new OrderedChunks<FileItem, QueryOutcome[]>(
    maxInFlight,
    (items) => {
      const queries = items.flatMap((item) => (item.party === null ? [] : [engineQuery(item.party)]));
      return queries.length === 0 ? Promise.resolve([]) : pool.screenChunk(queries, screen);
    },
    async (items, outcomes) => {
      let next = 0;
      let text = '';
      for (const item of items) {
        const result = resultOf(input, item, item.party === null ? undefined : outcomes[next++], findings);
        count(counts, result);
        text += formatRow(outputFormat, result);
      }
      await out.write(text);
      options.onProgress?.({ rows: counts.rows, bytesRead: tap.bytes, bytesTotal });
    },
  );
  try {
    await out.write(outputHead(outputFormat));
    const events = readTable(input, inputFormat, { onBytes: (b) => tap.add(b) });
    let chunk: FileItem[] = [];
    for await (const item of fileItems(input, events, (columns) => checkHeader(input, columns))) {
      chunk.push(item);
      if (chunk.length < chunkRows) continue;
      await chunks.push(chunk);
      chunk = [];
    }
    if (chunk.length > 0) await chunks.push(chunk);
    await chunks.drain();
    const summary: ScreenFileSummary = {
      ...counts,
      input: { path: input, format: inputFormat, bytes: tap.bytes, sha256: tap.sha256() },
      output: { ...(await out.finish()), format: outputFormat },
    };
    await options.beforeCommit?.(summary);
    await out.rename();
    return summary;
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** The input's bytes as parsed: counted (progress) and hashed (the audit record). */
class InputTap {
  readonly #hash = createHash('sha256');
  bytes = 0;

  add(chunk: Buffer): void {
    this.#hash.update(chunk);
    this.bytes += chunk.length;
  }

  sha256(): string {
    return this.#hash.digest('hex');
  }
}

async function inputSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new AppError('unusable_file', `cannot read ${path}`, {
      where: path,
      hint: 'check the path and that the file is readable',
      cause: error,
    });
  }
}

function checkHeader(input: string, columns: readonly string[]): void {
  if (!columns.includes('name'))
    throw new AppError('invalid_input', `${input} has no name column`, {
      where: `${input}:1`,
      hint: 'the header must name a column "name" (schema, country, birth_date, id, address and reference are optional)',
    });
}

function resultOf(
  input: string,
  item: FileItem,
  outcome: QueryOutcome | undefined,
  findings: (party: FileParty) => readonly FileFinding[],
): RowResult {
  const base = { row: item.row, line: item.line, party: item.party, matches: [], jurisdictions: [] };
  if (item.party === null) return { ...base, error: item.error };
  if (outcome === undefined || 'error' in outcome) {
    const e = outcome?.error;
    return {
      ...base,
      error: {
        message: e?.message ?? 'not screened',
        where: `${input}:${item.line}${e?.field === undefined ? '' : ` (${e.field})`}`,
        ...(e?.hint === undefined ? {} : { hint: e.hint }),
      },
    };
  }
  return { ...base, matches: outcome.matches, jurisdictions: findings(item.party) };
}

function count(counts: Omit<ScreenFileSummary, 'input' | 'output'>, r: RowResult): void {
  counts.rows++;
  counts.matches += r.matches.length;
  if (r.matches.length > 0) counts.rowsWithMatches++;
  const status = statusOf(r);
  if (status === 'error') counts.rowsWithErrors++;
  else if (status === 'potential_match') counts.potentialMatches++;
  else counts.clear++;
}
