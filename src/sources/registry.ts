// Every list format Embargo reads. Detection tries them in this order; `--format <id>` picks one directly.
// Each format lives in its own folder under src/sources/ and exports one SourceFormat from its index.ts.
import type { SourceFormat } from './types.ts';
import { ofacCsvFormat } from './ofac-csv/index.ts';
import { ftmDeltaFormat, ftmJsonlFormat } from './ftm/index.ts';
import { unXmlFormat } from './un-xml/index.ts';
import { cslCsvFormat, cslJsonFormat } from './csl/index.ts';
import { euJournalFormat } from './eu-journal/index.ts';
import { euFsfFormat } from './eu-fsf/index.ts';
import { ukFcdoFormat } from './uk-fcdo/index.ts';
import { cnSanctionsFormat } from './cn-sanctions/index.ts';
import { dod1260hFormat } from './dod-1260h/index.ts';
import { fccCoveredFormat } from './fcc-covered/index.ts';
import { osStatutoryFormat } from './os-statutory/index.ts';
import { ukOfsiFormat } from './uk-ofsi/index.ts';
import { internalCsvFormat } from './internal-csv/index.ts';
import { ofacXmlFormat } from './ofac-xml/index.ts';
import { ofacAdvancedFormat } from './ofac-advanced/index.ts';
import { bisDplFormat } from './bis-dpl/index.ts';
import { stateIsnFormat } from './state-isn/index.ts';
import { stateItarFormat } from './state-itar/index.ts';
import { bisMieuFormat } from './bis-mieu/index.ts';
import { senzingFormat } from './senzing/index.ts';

export const FORMATS: readonly SourceFormat[] = [
  // formats:begin (one line per format, added by the format's author)
  ofacCsvFormat,
  ftmDeltaFormat,
  ftmJsonlFormat,
  unXmlFormat,
  cslCsvFormat,
  cslJsonFormat,
  euJournalFormat,
  euFsfFormat,
  ukFcdoFormat,
  cnSanctionsFormat,
  dod1260hFormat,
  fccCoveredFormat,
  osStatutoryFormat,
  ofacXmlFormat,
  ofacAdvancedFormat,
  bisDplFormat,
  stateIsnFormat,
  stateItarFormat,
  bisMieuFormat,
  senzingFormat,
  ukOfsiFormat, // accepts any XLSX package (the sheet is compressed): after the formats that read text
  internalCsvFormat, // header-only detection of a generic layout: last
  // formats:end
];

/** The format with this id, if any. */
export function formatById(id: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
