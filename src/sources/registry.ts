// Every list format Embargo reads. Detection tries them in this order; `--format <id>` picks one directly.
// Each format lives in its own folder under src/sources/ and exports one SourceFormat from its index.ts.
import type { SourceFormat } from './types.ts';
import { ofacCsvFormat } from './ofac-csv/index.ts';
import { ftmDeltaFormat, ftmJsonlFormat } from './ftm/index.ts';
import { unXmlFormat } from './un-xml/index.ts';
import { cslCsvFormat, cslJsonFormat } from './csl/index.ts';

export const FORMATS: readonly SourceFormat[] = [
  // formats:begin (one line per format, added by the format's author)
  ofacCsvFormat,
  ftmDeltaFormat,
  ftmJsonlFormat,
  unXmlFormat,
  cslCsvFormat,
  cslJsonFormat,
  // formats:end
];

/** The format with this id, if any. */
export function formatById(id: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
