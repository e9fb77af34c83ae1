// The container of a table file: given, or from the file name's extension.
import { extname } from 'node:path';
import { AppError } from '../domain/errors.ts';
import type { TableFormat } from './types.ts';

const BY_NAME: Readonly<Record<string, TableFormat>> = {
  csv: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
};

/**
 * `override` (a format name, any case) if given, else the extension (`.csv`, `.txt`, `.xlsx`, `.jsonl`,
 * `.ndjson`, `.json`); `flag` names the option that overrides it, for the hint.
 */
export function tableFormatOf(path: string, override?: string, flag = '--format'): TableFormat {
  const name = (override ?? extname(path).slice(1)).toLowerCase();
  const format = BY_NAME[name];
  if (format !== undefined) return format;
  const what = override === undefined ? `cannot tell the format of ${path}` : `unknown format "${override}"`;
  throw new AppError('unknown_format', what, {
    where: override === undefined ? path : flag,
    hint: `name the file .csv, .xlsx or .jsonl, or pass ${flag} csv|xlsx|jsonl`,
  });
}
