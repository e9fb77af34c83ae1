// trade.gov CSL JSON → CslRecord: the search API response and the bulk download share one record shape,
// `{"results": [{ "id", "source", "name", "alt_names": [], "addresses": [{address, city, state, postal_code,
// country}], "ids": [{type, number, country, issue_date, expiration_date}], … }]}` (fields may be null).
// The whole file is parsed at once: JSON has no record boundaries to stream on, and the bulk file is a few MB.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../domain/errors.ts';
import {
  joinAddress,
  type CslAddress,
  type CslId,
  type CslParseEvent,
  type CslRecord,
} from './csl-record.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' ? String(value) : '';
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (!Array.isArray(value)) return [];
  return value.map(str).filter((v) => v !== '');
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function jsonAddress(a: JsonObject): CslAddress {
  const parts = {
    address: str(a['address']),
    city: str(a['city']),
    state: str(a['state'] ?? a['state_or_province']),
    postalCode: str(a['postal_code']),
    country: str(a['country']),
  };
  const address: CslAddress = { full: joinAddress(Object.values(parts)) };
  for (const [key, value] of Object.entries(parts)) {
    if (value !== '') address[key as keyof typeof parts] = value;
  }
  return address;
}

function jsonId(i: JsonObject): CslId {
  const country = str(i['country']);
  const id: CslId = { type: str(i['type']), number: str(i['number']) };
  return country === '' ? id : { ...id, country };
}

function toRecord(r: JsonObject): CslRecord {
  return {
    id: str(r['id'] ?? r['_id']),
    source: str(r['source']),
    entityNumber: str(r['entity_number']),
    type: str(r['type']),
    programs: strings(r['programs']),
    name: str(r['name']),
    title: str(r['title']),
    addresses: objects(r['addresses'])
      .map(jsonAddress)
      .filter((a) => a.full !== ''),
    federalRegisterNotice: str(r['federal_register_notice']),
    startDate: str(r['start_date']),
    endDate: str(r['end_date']),
    standardOrder: str(r['standard_order']),
    licenseRequirement: str(r['license_requirement']),
    licensePolicy: str(r['license_policy']),
    callSign: str(r['call_sign']),
    vesselType: str(r['vessel_type']),
    grossTonnage: str(r['gross_tonnage']),
    grossRegisteredTonnage: str(r['gross_registered_tonnage']),
    vesselFlag: str(r['vessel_flag']),
    vesselOwner: str(r['vessel_owner']),
    remarks: str(r['remarks']),
    sourceListUrl: str(r['source_list_url']),
    altNames: strings(r['alt_names']),
    citizenships: strings(r['citizenships']),
    datesOfBirth: strings(r['dates_of_birth']),
    nationalities: strings(r['nationalities']),
    placesOfBirth: strings(r['places_of_birth']),
    sourceInformationUrl: str(r['source_information_url']),
    ids: objects(r['ids'])
      .map(jsonId)
      .filter((i) => i.type !== '' || i.number !== ''),
  };
}

function unusable(path: string, reason: string, cause?: unknown): AppError {
  return new AppError('unusable_file', `${path} is not a Consolidated Screening List JSON file: ${reason}`, {
    where: path,
    hint: 'expected {"results": [...]} as returned by the trade.gov CSL API or its bulk JSON download',
    cause,
  });
}

/** The `results` array of the file (a bare array of records is accepted too). */
async function readResults(path: string): Promise<unknown[]> {
  let parsed: unknown;
  try {
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    parsed = JSON.parse(text);
  } catch (error) {
    throw unusable(path, error instanceof Error ? error.message : String(error), error);
  }
  const results = isObject(parsed) ? parsed['results'] : parsed;
  if (!Array.isArray(results)) throw unusable(path, 'no "results" array');
  return results;
}

/** Yields one record per result; a result that is not an object is a bad record. */
export async function* parseCslJson(path: string): AsyncGenerator<CslParseEvent> {
  const results = await readResults(path);
  for (const [i, result] of results.entries()) {
    const line = i + 1;
    if (!isObject(result)) {
      yield { type: 'warning', line, reason: `results[${i}] is not an object`, severity: 'bad_record' };
      continue;
    }
    yield { type: 'record', item: { record: toRecord(result), line, raw: result } };
  }
}
