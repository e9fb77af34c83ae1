// `embargo screen-file <in.csv> --out <out.jsonl>`: one JSON object per input data row, in input order:
// {"row": n, "query": {...}, "matches": [...]}; `row` counts data rows from 1. Header names are the query
// fields (docs/contracts.md), case-insensitive; `id` may repeat as a column or hold several values split by ';'.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../domain/errors.ts';
import type { MatchIndex } from '../index/match-index.ts';
import { Searcher } from '../search/searcher.ts';
import { DEFAULT_ALGORITHM } from '../algorithms/index.ts';
import type { ScreenOptions, ScreenQuery } from '../types.ts';
import { openCsv, type CsvInput } from './csv-io.ts';

export type ScreenFileOptions = ScreenOptions;

export interface ScreenFileSummary {
  rows: number;
  rowsWithMatches: number;
  /** Rows whose query was unusable (reported in the output line as `error`). */
  rowsWithErrors: number;
}

function queryOf(input: CsvInput, row: string[]): ScreenQuery {
  const get = (field: string): string | undefined => {
    const i = input.columns.get(field);
    const v = i === undefined ? undefined : row[i]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const query: ScreenQuery = { name: get('name') ?? '' };
  const schema = get('schema');
  const country = get('country');
  const birthDate = get('birth_date');
  if (schema !== undefined) query.schema = schema;
  if (country !== undefined) query.country = country;
  if (birthDate !== undefined) query.birth_date = birthDate;
  const ids = input.header
    .flatMap((h, i) => (h.trim().toLowerCase() === 'id' ? (row[i] ?? '').split(';') : []))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (ids.length > 0) query.id = ids;
  return query;
}

/** Screens every row of `inCsv` against the index and writes JSON lines to `outJsonl`. */
export async function screenFile(
  index: MatchIndex,
  inCsv: string,
  outJsonl: string,
  options: ScreenFileOptions = {},
): Promise<ScreenFileSummary> {
  const input = await openCsv(inCsv);
  if (!input.columns.has('name')) {
    throw new AppError('invalid_input', `${inCsv} has no name column`, {
      where: inCsv,
      hint: 'the header must name a column "name" (schema, country, birth_date and id are optional)',
    });
  }
  const searcher = new Searcher(index, DEFAULT_ALGORITHM);
  const out = createWriteStream(outJsonl);
  const summary: ScreenFileSummary = { rows: 0, rowsWithMatches: 0, rowsWithErrors: 0 };
  for await (const row of input.rows) {
    const n = ++summary.rows;
    const query = queryOf(input, row);
    let line: string;
    try {
      const matches = searcher.search(query, options);
      if (matches.length > 0) summary.rowsWithMatches++;
      line = JSON.stringify({ row: n, query, matches });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      summary.rowsWithErrors++;
      line = JSON.stringify({ row: n, query, matches: [], error: error.message });
    }
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return summary;
}
