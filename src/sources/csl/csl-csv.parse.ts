// trade.gov CSL CSV (29 columns, multi-values joined with "; ") → CslRecord. Quirks of real files handled here:
// a repeated header line (note, not a record), a file cut off inside a quoted field (bad record; the complete
// rows before it are kept), CRLF or LF line ends and a UTF-8 BOM (via decode.ts / csv.ts).
import { AppError } from '../../domain/errors.ts';
import { csvRows, headerIndex } from '../common/csv.ts';
import { readListText } from '../common/decode.ts';
import type { CslAddress, CslId, CslParseEvent, CslRecord } from './csl-record.ts';

/** Columns every CSL CSV has; the others are read when present. */
const REQUIRED = ['_id', 'source', 'name'] as const;
const MULTI_SEPARATOR = '; ';

type Cell = (column: string) => string;

function splitMulti(value: string): string[] {
  return value
    .split(MULTI_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** "31 Jinrong Street, Xicheng District, Beijing, 100033, CN": the country is the last comma part. */
function csvAddress(full: string): CslAddress {
  const parts = full.split(', ');
  const last = parts.length > 1 ? parts.at(-1)!.trim() : '';
  return last === '' ? { full } : { full, country: last };
}

/** "Unified Social Credit Code (USCC), 9111000071093019X7, CN": type, number (may itself hold ", "), country. */
export function csvId(text: string): CslId {
  const parts = text.split(', ');
  const type = parts.shift()!.trim();
  // The country is the first later part that is a 2-letter code; what follows it is an issue/expiry date.
  const countryAt = parts.findIndex((p, i) => i > 0 && /^[A-Z]{2}$/.test(p.trim()));
  if (countryAt < 0) return { type, number: parts.join(', ').trim() };
  return { type, number: parts.slice(0, countryAt).join(', ').trim(), country: parts[countryAt]!.trim() };
}

function toRecord(cell: Cell): CslRecord {
  return {
    id: cell('_id'),
    source: cell('source'),
    entityNumber: cell('entity_number'),
    type: cell('type'),
    programs: splitMulti(cell('programs')),
    name: cell('name'),
    title: cell('title'),
    addresses: splitMulti(cell('addresses')).map(csvAddress),
    federalRegisterNotice: cell('federal_register_notice'),
    startDate: cell('start_date'),
    endDate: cell('end_date'),
    standardOrder: cell('standard_order'),
    licenseRequirement: cell('license_requirement'),
    licensePolicy: cell('license_policy'),
    callSign: cell('call_sign'),
    vesselType: cell('vessel_type'),
    grossTonnage: cell('gross_tonnage'),
    grossRegisteredTonnage: cell('gross_registered_tonnage'),
    vesselFlag: cell('vessel_flag'),
    vesselOwner: cell('vessel_owner'),
    remarks: cell('remarks'),
    sourceListUrl: cell('source_list_url'),
    altNames: splitMulti(cell('alt_names')),
    citizenships: splitMulti(cell('citizenships')),
    datesOfBirth: splitMulti(cell('dates_of_birth')),
    nationalities: splitMulti(cell('nationalities')),
    placesOfBirth: splitMulti(cell('places_of_birth')),
    sourceInformationUrl: cell('source_information_url'),
    ids: splitMulti(cell('ids')).map(csvId),
  };
}

function unusable(path: string, reason: string): AppError {
  return new AppError('unusable_file', `${path} is not a Consolidated Screening List CSV: ${reason}`, {
    where: `${path}:1`,
    hint: 'download the CSV again from https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
  });
}

/** Streams records and warnings; throws AppError('unusable_file') when the header lacks the CSL columns. */
export async function* parseCslCsv(path: string): AsyncGenerator<CslParseEvent> {
  const { text } = await readListText(path);
  let header: string[] | undefined;
  let index = new Map<string, number>();
  const tail: CslParseEvent[] = [];
  const onError = (line: number, reason: string): void => {
    tail.push({
      type: 'warning',
      line,
      reason: `unreadable record, skipped: ${reason}`,
      severity: 'bad_record',
    });
  };
  for await (const row of csvRows(text, {}, onError)) {
    yield* tail.splice(0);
    if (header === undefined) {
      header = row.fields;
      index = headerIndex(header);
      const missing = REQUIRED.filter((c) => !index.has(c));
      if (missing.length > 0) throw unusable(path, `missing column(s) ${missing.join(', ')}`);
      continue;
    }
    if (row.fields[0]?.trim() === header[0]?.trim() && row.fields[1]?.trim() === header[1]?.trim()) {
      yield { type: 'warning', line: row.line, reason: 'header line repeated; skipped', severity: 'note' };
      continue;
    }
    const cell: Cell = (column) => row.fields[index.get(column) ?? -1]?.trim() ?? '';
    yield {
      type: 'record',
      item: { record: toRecord(cell), line: row.line, raw: rawRow(header, row.fields) },
    };
  }
  if (header === undefined) throw unusable(path, 'the file is empty');
  yield* tail;
}

/** The row as a column → value object (the CSV's own column names), kept as the entity's `raw`. */
function rawRow(header: string[], fields: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  header.forEach((column, i) => {
    raw[column.replace(/^\uFEFF/, '').trim()] = fields[i] ?? '';
  });
  return raw;
}
