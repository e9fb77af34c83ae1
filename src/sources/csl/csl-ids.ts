// What each CSL `ids` entry type means. The CSL copies OFAC's "ID" rows verbatim, so besides real identifiers
// (passports, tax and registration numbers, USCC, SWIFT/BIC) the column carries facts (gender, website, ISIN,
// established date) and sanction statements ("Secondary sanctions risk:", directive determinations).
import type { CountryRole, IdentifierType } from '../../domain/entity.ts';

export type IdRule =
  | { kind: 'identifier'; type: IdentifierType }
  /** An FtM property of the entity (website, email, isinCode, ticker, …). */
  | { kind: 'property'; name: string }
  /** Another name of the same party (CMIC "Issuer Name"). */
  | { kind: 'name' }
  | { kind: 'gender' }
  | { kind: 'country'; role: CountryRole }
  /** A statement about the sanction, kept as an FtM `notes` value "type value". */
  | { kind: 'note' };

// Ordered: the first matching pattern wins (e.g. "Vessel Registration Identification" before "Registration").
const RULES: readonly (readonly [RegExp, IdRule])[] = [
  [/^gender$/, { kind: 'gender' }],
  [/^issuer name$/, { kind: 'name' }],
  [/^website$/, { kind: 'property', name: 'website' }],
  [/^email/, { kind: 'property', name: 'email' }],
  [/^(phone|telephone)/, { kind: 'property', name: 'phone' }],
  [/^isin$/, { kind: 'property', name: 'isinCode' }],
  [/^equity ticker$/, { kind: 'property', name: 'ticker' }],
  [/^organization established date$/, { kind: 'property', name: 'incorporationDate' }],
  [/^(target type|organization type:?)$/, { kind: 'property', name: 'classification' }],
  [/^nationality of registration$/, { kind: 'country', role: 'jurisdiction' }],
  [/^nationality country$/, { kind: 'country', role: 'nationality' }],
  [
    /directive|sanctions risk|sanctions information|listing date|effective date|purchase\/sales|transactions prohibited|caatsa|ifca|gazette/,
    { kind: 'note' },
  ],
  [/unified social credit code/, { kind: 'identifier', type: 'uscc' }],
  [/swift|\bbic\b/, { kind: 'identifier', type: 'swift_bic' }],
  [/^legal entity number$/, { kind: 'identifier', type: 'lei' }],
  [/vessel registration identification|^imo\b/, { kind: 'identifier', type: 'imo' }],
  [/^mmsi/, { kind: 'identifier', type: 'mmsi' }],
  [/passport|travel document/, { kind: 'identifier', type: 'passport' }],
  [
    /tax|^nit\b|r\.?f\.?c\.?$|^ruc\b|fiscal code|fein|v\.a\.t\.|^vat\b|c\.u\.i\.t\./,
    { kind: 'identifier', type: 'tax' },
  ],
  [
    /national id|cedula|d\.n\.i\.|c\.u\.r\.p\.|identification number|personal id|id no\.|ssn|electoral|credencial/,
    { kind: 'identifier', type: 'national_id' },
  ],
  [
    /registration|registered|company number|incorporation|c\.r\. no\.|^le number$/,
    { kind: 'identifier', type: 'registration' },
  ],
  [/duns|d-u-n-s/, { kind: 'identifier', type: 'duns' }],
  [/digital currency address/, { kind: 'identifier', type: 'crypto' }],
];

/** The rule for a CSL id type label; unknown labels are kept as identifiers of type `other`. */
export function idRule(label: string): IdRule {
  const key = label.trim().toLowerCase();
  return RULES.find(([pattern]) => pattern.test(key))?.[1] ?? { kind: 'identifier', type: 'other' };
}
