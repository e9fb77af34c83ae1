// The entity model: one listed party (or, for FollowTheMoney sources, any FtM record) as stored and screened.
// Field names follow FollowTheMoney (https://followthemoney.tech/explorer/) so that FtM export is a mapping,
// not a translation; typed fields carry what screening needs, `properties` keeps the rest verbatim.
import type { CountryCode, EntityId, IsoDate, ListId, SourceId } from './ids.ts';

/** Schemata that name a party that can be screened. */
export type PartySchema = 'Person' | 'Organization' | 'Company' | 'LegalEntity' | 'PublicBody' | 'Vessel' | 'Airplane';
/** FtM interval schemata linking two parties. */
export type LinkSchema =
  | 'Ownership'
  | 'Directorship'
  | 'Family'
  | 'Associate'
  | 'Membership'
  | 'Employment'
  | 'Representation'
  | 'Succession'
  | 'UnknownLink';
/** Other FtM schemata kept for round-tripping FtM files; never screened. */
export type RecordSchema =
  | 'Sanction'
  | 'Address'
  | 'Identification'
  | 'Passport'
  | 'Payment'
  | 'BankAccount'
  | 'CryptoWallet'
  | 'Security'
  | 'Position'
  | 'Occupancy'
  | 'Thing';
export type Schema = PartySchema | LinkSchema | RecordSchema;

export const PARTY_SCHEMATA: readonly PartySchema[] = [
  'Person',
  'Organization',
  'Company',
  'LegalEntity',
  'PublicBody',
  'Vessel',
  'Airplane',
];
export const ALL_SCHEMATA: readonly Schema[] = [
  ...PARTY_SCHEMATA,
  'Ownership',
  'Directorship',
  'Family',
  'Associate',
  'Membership',
  'Employment',
  'Representation',
  'Succession',
  'UnknownLink',
  'Sanction',
  'Address',
  'Identification',
  'Passport',
  'Payment',
  'BankAccount',
  'CryptoWallet',
  'Security',
  'Position',
  'Occupancy',
  'Thing',
];

export function isPartySchema(schema: string): schema is PartySchema {
  return (PARTY_SCHEMATA as readonly string[]).includes(schema);
}
export function isSchema(schema: string): schema is Schema {
  return (ALL_SCHEMATA as readonly string[]).includes(schema);
}

/** How a name is held by the list. FtM: name / alias / previousName / weakAlias. */
export type NameKind = 'primary' | 'aka' | 'fka' | 'weak' | 'original';
export interface EntityName {
  value: string;
  kind: NameKind;
  /** BCP-47 language or script hint where the source gives one (e.g. `zh`, `ru`). */
  lang?: string;
}

/** Identifier types; each maps to one FtM property (see FTM_IDENTIFIER_PROPS in sources/ftm). */
export type IdentifierType =
  | 'registration'
  | 'tax'
  | 'passport'
  | 'national_id'
  | 'imo'
  | 'mmsi'
  | 'swift_bic'
  | 'lei'
  | 'uscc'
  | 'inn'
  | 'ogrn'
  | 'duns'
  | 'crypto'
  | 'call_sign'
  | 'aircraft_tail'
  | 'other';
export interface Identifier {
  type: IdentifierType;
  value: string;
  /** Issuing country, lower-case ISO 3166-1 alpha-2. */
  country?: CountryCode;
  /** The source's own label, e.g. "Digital Currency Address - XBT" or "Passport". */
  label?: string;
}

export interface Address {
  full: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: CountryCode;
}

/** Why a country is attached (FtM property it maps to). */
export type CountryRole = 'country' | 'nationality' | 'citizenship' | 'jurisdiction' | 'residence' | 'flag';
export interface CountryClaim {
  code: CountryCode;
  role: CountryRole;
}

export type Gender = 'male' | 'female' | 'other';

/** What a listing says about the party on that list. */
export interface Listing {
  /** Date of designation (FtM Sanction.startDate). */
  start?: IsoDate;
  /** Date the listing ended (delisting, expiry): an ended listing is kept but not screened as current. */
  end?: IsoDate;
  /** Federal Register or Official Journal citations. */
  citations: string[];
  /** BIS Entity List licence requirement / review policy (CSL columns). */
  licenseRequirement?: string;
  licensePolicy?: string;
  /** A sub-list inside an aggregate list, e.g. CSL source code `EL`, `MEU`, `SDN`. */
  subList?: string;
}

export type RelationKind = 'ownership' | 'control' | 'director' | 'family' | 'associate' | 'other';
/**
 * A relation as a list states it, from the point of view of the entity carrying it.
 * `role` says what the other party is: `owner` (the other owns/controls this entity), `owned`, or `related`.
 * The other party is named by entity id where the list resolves it, else by name.
 */
export interface RelationClaim {
  kind: RelationKind;
  role: 'owner' | 'owned' | 'related';
  other: { entityId: EntityId } | { name: string };
  /** Share as a range [lo, hi] in [0, 1]; absent = unknown (= [0, 1]). */
  share?: readonly [number, number];
  /** The source's words, e.g. "Linked To: LAZARUS GROUP." */
  note?: string;
}

export type ListingStatus = 'current' | 'ended';

export interface Entity {
  id: EntityId;
  listId: ListId;
  sourceId: SourceId;
  schema: Schema;
  names: EntityName[];
  addresses: Address[];
  countries: CountryClaim[];
  birthDates: IsoDate[];
  birthPlaces: string[];
  gender?: Gender;
  identifiers: Identifier[];
  programs: string[];
  listing: Listing;
  status: ListingStatus;
  remarks: string[];
  relations: RelationClaim[];
  /** FtM properties not represented by a typed field above, kept verbatim (values in source order). */
  properties: Record<string, string[]>;
  /** The source record as read, kept as evidence of what was screened. */
  raw: unknown;
}

/** The primary name: first `primary`, else the first name of any kind. */
export function caption(entity: Pick<Entity, 'names' | 'sourceId'>): string {
  return (entity.names.find((n) => n.kind === 'primary') ?? entity.names[0])?.value ?? entity.sourceId;
}
