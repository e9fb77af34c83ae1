// The trade.gov Consolidated Screening List record, one shape for both published forms (CSV and JSON), so that
// one mapper serves both. Field names follow the CSL columns / API fields (https://developer.trade.gov, CSL API).

/** An address: the CSV prints it as one string ("street, city, state, postal code, CC"), the JSON as parts. */
export interface CslAddress {
  /** The address as one line: the CSV cell, or the JSON parts joined the way the CSV joins them. */
  full: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  /** As printed: usually ISO 3166-1 alpha-2, sometimes a country name. */
  country?: string;
}

/** An `ids` entry: the CSV prints "type, number, country[, issue date…]"; the JSON gives an object. */
export interface CslId {
  type: string;
  number: string;
  country?: string;
}

export interface CslRecord {
  id: string;
  source: string;
  entityNumber: string;
  type: string;
  programs: string[];
  name: string;
  title: string;
  addresses: CslAddress[];
  federalRegisterNotice: string;
  startDate: string;
  endDate: string;
  standardOrder: string;
  licenseRequirement: string;
  licensePolicy: string;
  callSign: string;
  vesselType: string;
  grossTonnage: string;
  grossRegisteredTonnage: string;
  vesselFlag: string;
  vesselOwner: string;
  remarks: string;
  sourceListUrl: string;
  altNames: string[];
  citizenships: string[];
  datesOfBirth: string[];
  nationalities: string[];
  placesOfBirth: string[];
  sourceInformationUrl: string;
  ids: CslId[];
}

/** A record with where it was read and the source row/object as read (kept as the entity's `raw`). */
export interface CslItem {
  record: CslRecord;
  /** CSV line, or 1-based position in the JSON `results` array. */
  line: number;
  raw: unknown;
}

export type CslParseEvent =
  | { type: 'record'; item: CslItem }
  | { type: 'warning'; line: number; reason: string; severity: 'bad_record' | 'note' };

/** Joins address parts the way the CSL CSV does: non-empty parts, ", "-separated, country code last. */
export function joinAddress(parts: readonly (string | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p !== '')
    .join(', ');
}
