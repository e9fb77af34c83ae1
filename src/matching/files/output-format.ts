// The two output formats of screen-file. JSON lines (the "Matching engine" contract): one object per data row,
// `{"row", "query", "matches"}`, plus `jurisdictions` when the row has findings and `error`, `where`, `hint`
// when it was refused. CSV: one line per (row, match), plus one line per row without a match; the columns are
// CSV_COLUMNS, documented in docs/contracts.md.
import { extname } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { csvLine } from './csv-io.ts';
import { statusOf, type RowResult } from './row-result.ts';

export type OutputFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = [
  'row',
  'line',
  'reference',
  'name',
  'schema',
  'country',
  'birth_date',
  'id',
  'address',
  'status',
  'match_rank',
  'score',
  'band',
  'list_id',
  'source_id',
  'entity_id',
  'listed_name',
  'matched_name',
  'also_on',
  'explanation',
  'jurisdictions',
  'error',
] as const;

/** `override` if given, else from the output's extension; a name without extension gets JSON lines (the contract). */
export function outputFormatOf(path: string, override?: string): OutputFormat {
  const ext = extname(path).slice(1).toLowerCase();
  const name = (override ?? (ext === '' ? 'jsonl' : ext)).toLowerCase();
  if (name === 'csv') return 'csv';
  if (name === 'jsonl' || name === 'ndjson' || name === 'json') return 'jsonl';
  throw new AppError(
    'unknown_format',
    override === undefined
      ? `cannot tell the output format of ${path}`
      : `unknown output format "${override}"`,
    {
      where: override === undefined ? path : '--output-format',
      hint: 'name the output .jsonl or .csv, or pass --output-format jsonl|csv',
    },
  );
}

function jsonLine(r: RowResult): string {
  const line: Record<string, unknown> = { row: r.row, query: r.party, matches: r.matches };
  if (r.jurisdictions.length > 0) line['jurisdictions'] = r.jurisdictions;
  if (r.error !== undefined) {
    line['error'] = r.error.message;
    line['where'] = r.error.where;
    if (r.error.hint !== undefined) line['hint'] = r.error.hint;
  }
  return `${JSON.stringify(line)}\n`;
}

function jurisdictionText(r: RowResult): string {
  return r.jurisdictions
    .map((j) => `${j.code} ${j.name} (${j.level.replaceAll('_', ' ')}; ${j.matched_on}: ${j.value})`)
    .join('; ');
}

function csvLines(r: RowResult): string {
  const p = r.party;
  const input = [
    String(r.row),
    String(r.line),
    p?.reference ?? '',
    p?.name ?? '',
    p?.schema ?? '',
    p?.country ?? '',
    p?.birth_date ?? '',
    (p?.id ?? []).join(';'),
    p?.address ?? '',
    statusOf(r),
  ];
  const jurisdictions = jurisdictionText(r);
  const error =
    r.error === undefined
      ? ''
      : `${r.error.message} (${r.error.where})${r.error.hint === undefined ? '' : `: ${r.error.hint}`}`;
  if (r.matches.length === 0)
    return csvLine([...input, '', '', '', '', '', '', '', '', '', '', jurisdictions, error]);
  return r.matches
    .map((m, i) =>
      csvLine([
        ...input,
        String(i + 1),
        m.score.toFixed(4),
        m.band,
        m.listId,
        m.sourceId,
        m.entityId,
        m.listedName,
        m.matchedName,
        m.alsoOn.map((a) => a.entityId).join(';'),
        m.explanation
          .filter((e) => e.contribution !== 0)
          .map((e) => e.reason)
          .join('; '),
        jurisdictions,
        error,
      ]),
    )
    .join('');
}

/** The text before the first row (the CSV header; nothing for JSON lines). */
export function outputHead(format: OutputFormat): string {
  return format === 'csv' ? csvLine(CSV_COLUMNS) : '';
}

/** The text of one row's result. */
export function formatRow(format: OutputFormat, r: RowResult): string {
  return format === 'csv' ? csvLines(r) : jsonLine(r);
}
