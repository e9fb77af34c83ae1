// Cell-level readers for the EU annex CSVs: names with parenthesised variants, birth dates written several
// ways, identifiers with a label in parentheses.
import type { IdentifierType } from '../../domain/entity.ts';
import type { CountryCode, IsoDate } from '../../domain/ids.ts';
import { splitList } from '../common/csv-table.ts';
import { dottedDate, isoLikeDate, monthNameDate } from '../common/list-dates.ts';
import { countryFromNationality } from '../common/nationalities.ts';

/** Transcription artefacts found in alias cells ("Chinese:", "Text of image") that are not names. */
function isArtefact(value: string): boolean {
  return /:$/.test(value) || /^text of image$/i.test(value);
}

/**
 * The names in an alias cell. A value ending in a parenthesised variant ("Sergei AKSENOV (Сергей АКСЁНОВ)")
 * holds two spellings of the whole name: both are returned, not the combined string.
 */
export function namesIn(cell: string): string[] {
  const names: string[] = [];
  for (const value of splitList(cell)) {
    if (isArtefact(value)) continue;
    const m = /^(.+?)\s*\(([^()]+)\)$/.exec(value);
    const whole = m !== null && m[1]!.includes(' ') && m[2]!.includes(' ');
    if (whole) names.push(m[1]!.trim(), m[2]!.trim());
    else names.push(value);
  }
  return names;
}

/** A listing or birth date as the annexes write it: `17.3.2014`, `4 October 1983`, `January 1958`, `1966`. */
export function euDate(text: string): IsoDate | undefined {
  return dottedDate(text) ?? monthNameDate(text) ?? isoLikeDate(text);
}

/**
 * Birth dates in a cell. Alternatives are split on `;`, `,`, ` / `, ` or ` and list markers ("a) 1964 b)
 * 28.8.1962", "10.2.1983 (or 10.3.1983)"); hedges ("possibly", "around") are dropped; text after an inline
 * label ("7.10.1952 POB: Leningrad") is cut. Ranges ("1967-1969") and partial dates without a year are
 * returned as unreadable: no single date states them.
 */
export function birthDatesIn(cell: string): { dates: IsoDate[]; unreadable: string[] } {
  const result = { dates: [] as IsoDate[], unreadable: [] as string[] };
  const cleaned = cell
    .replace(/\s+(POB|Gender|Nationality):.*$/i, '')
    .replace(/\b[a-e]\)\s*/g, ';')
    .replace(/[()]/g, ' ');
  for (const part of splitList(cleaned, /;|,|\s+\/\s+|\s+or\s+/)) {
    const text = part.replace(/^(born|circa|approximately|approx\.|possibly|around|probably):?\s+/i, '').replace(/\.$/, '');
    const date = euDate(text);
    if (date === undefined) result.unreadable.push(part);
    else if (!result.dates.includes(date)) result.dates.push(date);
  }
  // Nothing readable: report the cell once rather than its fragments.
  if (result.dates.length === 0 && result.unreadable.length > 0) result.unreadable = [cell];
  return result;
}

/** Identifier columns → identifier type (`label` for the Russian codes without a type of their own). */
export const ID_COLUMNS: readonly { column: string; type: IdentifierType; label?: string }[] = [
  { column: 'passportNumber', type: 'passport' },
  { column: 'registrationNumber', type: 'registration' },
  { column: 'taxNumber', type: 'tax' },
  { column: 'idNumber', type: 'national_id' },
  { column: 'innCode', type: 'inn' },
  { column: 'ogrnCode', type: 'ogrn' },
  { column: 'kppCode', type: 'other', label: 'KPP' },
  { column: 'okpoCode', type: 'other', label: 'OKPO' },
  { column: 'leiCode', type: 'lei' },
  { column: 'swiftBic', type: 'swift_bic' },
  { column: 'imoNumber', type: 'imo' },
  { column: 'mmsi', type: 'mmsi' },
];

export interface IdValue {
  value: string;
  label?: string;
  country?: CountryCode;
}

/** `2182045 (CR No.)` → value 2182045, label "CR No."; `190950894 (Belarus)` → value + country by. */
export function idValuesIn(cell: string): IdValue[] {
  return splitList(cell).map((item) => {
    const m = /^(.+?)\s*\(([^()]+)\)\.?$/.exec(item);
    if (m === null) return { value: item.replace(/\.$/, '') };
    const country = countryFromNationality(m[2]!);
    return country === undefined ? { value: m[1]!, label: m[2]! } : { value: m[1]!, label: m[2]!, country };
  });
}
