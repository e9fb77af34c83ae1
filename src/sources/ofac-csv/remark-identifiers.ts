// Identifier remarks: "<Label> <value> [(<Country>)] [issued <date>] [expires <date>]", e.g.
// "Passport 1084010 (Egypt)", "Tax ID No. 100036386 (Serbia)", "Digital Currency Address - XBT 1NE2…".
// The labels are the ones found in the SDN and consolidated lists; an unknown label stays in the remarks text.
import type { Identifier, IdentifierType } from '../../domain/entity.ts';
import { ofacCountry } from './ofac-countries.ts';

// prettier-ignore
const LABELS: Readonly<Record<IdentifierType, readonly string[]>> = {
  passport: [
    'Passport', 'Diplomatic Passport', 'Passport Booklet', 'Passport Booklet:', 'Travel Document Number',
    'British National Overseas Passport', 'Stateless Person Passport',
  ],
  national_id: [
    'National ID No.', 'Cedula No.', 'Identification Number', 'Personal ID Card', 'D.N.I.', 'C.U.R.P.',
    'C.U.R.P. #', "Citizen's Card Number", 'Turkish Identification Number', 'National Foreign ID Number', 'SSN',
    'Numero de Identidad', 'C.U.I.', 'Kenyan ID No.', 'Tazkira National ID Card', 'CNP (Personal Numerical Code)',
    'N.I.E.', 'Bosnian Personal ID No.', 'Moroccan Personal ID No.', 'UAE Identification', 'LE Number',
    'Electoral Registry No.', 'Credencial electoral', 'I.F.E.', 'Stateless Person ID Card', 'Refugee ID Card',
  ],
  tax: [
    'Tax ID No.', 'NIT #', 'RUC #', 'R.F.C.', 'R.F.C. #', 'RFC', 'RIF #', 'V.A.T. Number', 'C.U.I.T.', 'US FEIN',
    'RTN', 'Italian Fiscal Code', 'Italian Fiscal Code:', 'Fiscal Code', 'C.I.F.', 'RSIN',
    'Numero Unico de Identificacao Tributaria (NUIT)', 'Romanian Tax Registration',
  ],
  registration: [
    'Registration ID', 'Registration Number', 'Government Gazette Number', 'Company Number', 'UK Company Number',
    'Commercial Registry Number', 'Matricula Mercantil No', 'Folio Mercantil No.', 'Business Registration Document #',
    'Business Registration Number', 'Business Number', 'C.R. No.', 'Trade License No.', 'Public Registration Number',
    'Legal Entity Number', 'Chamber of Commerce Number', 'Certificate of Incorporation Number', 'Registered Charity No.',
    'Branch Unit Number', 'Enterprise Number', 'Dubai Chamber of Commerce Membership No.',
    'Istanbul Chamber of Comm. No.', 'Romanian C.R.', 'Central Registration System Number', 'MSB Registration Number',
  ],
  imo: ['Vessel Registration Identification IMO', 'Identification Number IMO', 'Company Number IMO', 'IMO'],
  mmsi: ['MMSI'],
  swift_bic: ['SWIFT/BIC'],
  lei: ['LEI'],
  uscc: ['Unified Social Credit Code (USCC)', 'United Social Credit Code Certificate (USCCC)'],
  inn: [],
  ogrn: [],
  duns: ['D-U-N-S Number'],
  crypto: [],
  call_sign: ['Vessel Call Sign', 'Other Vessel Call Sign'],
  aircraft_tail: ['Aircraft Tail Number', 'Previous Aircraft Tail Number'],
  other: [
    "Aircraft Manufacturer's Serial Number (MSN)", 'Aircraft Construction Number (also called L/N or S/N or F/N)',
    'Aircraft Serial Identification', 'Aircraft Mode S Transponder Code', 'ISIN', 'BIK (RU)', "Driver's License No.",
    'Birth Certificate Number', 'Cartilla de Servicio Militar Nacional', 'VisaNumberID', 'Pilot License Number',
    'SRE Permit No.', "Seafarer's Identification Document",
  ],
};

/** Labels longest first, so "Identification Number IMO" wins over "Identification Number". */
const BY_LENGTH: readonly (readonly [string, IdentifierType])[] = Object.entries(LABELS)
  .flatMap(([type, labels]) => labels.map((label) => [label, type as IdentifierType] as const))
  .sort((a, b) => b[0].length - a[0].length);

// ISO 17442: 18 alphanumerics + 2 check digits. OFAC's "Legal Entity Number" is sometimes a national number.
const LEI = /^[A-Z0-9]{18}\d{2}$/;
const CRYPTO = /^Digital Currency Address - ([A-Za-z0-9]+) (\S+)$/;

/**
 * Reads one remark segment (without "alt. ") as an identifier; undefined when no known label starts it.
 * A "(…)" suffix that is not a country (Colombian registries print the city: "(Medellin)") is dropped
 * from the value and the identifier has no issuing country; the full text stays in the remarks.
 */
export function parseIdentifierRemark(segment: string): Identifier | undefined {
  const crypto = CRYPTO.exec(segment);
  if (crypto !== null)
    return { type: 'crypto', value: crypto[2], label: `Digital Currency Address - ${crypto[1]}` };
  const hit = BY_LENGTH.find(([label]) => segment.startsWith(`${label} `));
  if (hit === undefined) return undefined;
  const [label, listed] = hit;
  const { value, country } = splitValue(segment.slice(label.length + 1));
  if (value === '') return undefined;
  const type: IdentifierType = label === 'Legal Entity Number' && LEI.test(value) ? 'lei' : listed;
  const issuer = country === undefined ? 'none' : ofacCountry(country);
  return typeof issuer === 'object' ? { type, value, label, country: issuer.code } : { type, value, label };
}

/** "A123 (Egypt) issued 01 Jan 2000 expires 2005" → value "A123", country "Egypt" (issue dates stay in remarks). */
function splitValue(rest: string): { value: string; country?: string } {
  const noDates = rest.replace(/\s+(issued|expires)\s.*$/, '').trim();
  const m = /^(.*?)\s*\(([^()]+)\)$/.exec(noDates);
  if (m === null || m[1] === '') return { value: noDates };
  return { value: m[1].trim(), country: m[2].trim() };
}
