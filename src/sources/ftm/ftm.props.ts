// The one table between FtM properties and the typed fields of Entity (docs/design/ftm.md). Each row is a
// codec: `read` puts a property's usable values into typed fields, `write` gives them back in order. Import
// checks write(read(values)) == values and, when not (invalid date, unknown gender, two values for a single
// field…), also keeps the values verbatim in `properties`, which then win on export: the round trip is exact.
// Property names: FollowTheMoney schema (https://followthemoney.tech/explorer/), Thing/LegalEntity/Person/Vessel.
import type { CountryRole, Entity, Gender, IdentifierType, NameKind, Schema } from '../../domain/entity.ts';
import { countryCode, isIsoDate, type IsoDate } from '../../domain/ids.ts';

export interface FtmCodec {
  prop: string;
  /** Only for these schemata (absent: any schema). */
  schemata?: readonly Schema[];
  read(entity: Entity, values: readonly string[], today: string): void;
  write(entity: Entity): string[];
}

/** FtM identifier property of each identifier type. */
export const FTM_IDENTIFIER_PROPS: Readonly<Record<IdentifierType, string>> = {
  registration: 'registrationNumber',
  tax: 'taxNumber',
  passport: 'passportNumber',
  national_id: 'idNumber',
  imo: 'imoNumber',
  mmsi: 'mmsi',
  swift_bic: 'swiftBic',
  lei: 'leiCode',
  uscc: 'uscCode',
  inn: 'innCode',
  ogrn: 'ogrnCode',
  duns: 'dunsCode',
  crypto: 'publicKey',
  call_sign: 'callSign',
  // FtM has no property of its own for these two: a tail number is an Airplane's registrationNumber, and an
  // untyped id is an idNumber. Export-only: import never produces them, so the inverse stays a function.
  aircraft_tail: 'registrationNumber',
  other: 'idNumber',
};
const EXPORT_ONLY_IDENTIFIERS: readonly IdentifierType[] = ['aircraft_tail', 'other'];

/** FtM name properties; `original` (script of origin, non-FtM sources) is exported as `name`. */
const NAME_PROPS: readonly [string, NameKind, readonly NameKind[]][] = [
  ['name', 'primary', ['primary', 'original']],
  ['alias', 'aka', ['aka']],
  ['previousName', 'fka', ['fka']],
  ['weakAlias', 'weak', ['weak']],
];

/** FtM country properties; FtM has no residence property, so `residence` is exported as `country`. */
const COUNTRY_PROPS: readonly [string, CountryRole, readonly CountryRole[]][] = [
  ['country', 'country', ['country', 'residence']],
  ['nationality', 'nationality', ['nationality']],
  ['citizenship', 'citizenship', ['citizenship']],
  ['jurisdiction', 'jurisdiction', ['jurisdiction']],
  ['flag', 'flag', ['flag']],
];

const GENDERS: readonly Gender[] = ['male', 'female', 'other'];

function nameCodec([prop, kind, exported]: (typeof NAME_PROPS)[number]): FtmCodec {
  return {
    prop,
    read: (e, values) => values.forEach((value) => e.names.push({ value, kind })),
    write: (e) => e.names.filter((n) => exported.includes(n.kind)).map((n) => n.value),
  };
}

function countryCodec([prop, role, exported]: (typeof COUNTRY_PROPS)[number]): FtmCodec {
  return {
    prop,
    read: (e, values) => {
      for (const value of values) {
        const code = tryCountry(value);
        if (code !== undefined) e.countries.push({ code, role });
      }
    },
    write: (e) => e.countries.filter((c) => exported.includes(c.role)).map((c) => c.code),
  };
}

function tryCountry(value: string): ReturnType<typeof countryCode> | undefined {
  // FtM uses pseudo-codes too (`suhh` Soviet Union, `zz` global); those stay in properties only.
  return /^[a-z]{2}(-[a-z0-9]{1,8})?$/.test(value) ? countryCode(value) : undefined;
}

function identifierCodec(type: IdentifierType): FtmCodec {
  const prop = FTM_IDENTIFIER_PROPS[type];
  const exported = (Object.keys(FTM_IDENTIFIER_PROPS) as IdentifierType[]).filter(
    (t) => FTM_IDENTIFIER_PROPS[t] === prop,
  );
  return {
    prop,
    read: (e, values) => values.forEach((value) => e.identifiers.push({ type, value })),
    write: (e) => e.identifiers.filter((i) => exported.includes(i.type)).map((i) => i.value),
  };
}

function listCodec(prop: string, field: 'birthPlaces' | 'programs' | 'remarks'): FtmCodec {
  return { prop, read: (e, values) => e[field].push(...values), write: (e) => [...e[field]] };
}

const birthDates: FtmCodec = {
  prop: 'birthDate',
  read: (e, values) => e.birthDates.push(...(values.filter(isIsoDate) as IsoDate[])),
  write: (e) => [...e.birthDates],
};

const gender: FtmCodec = {
  prop: 'gender',
  read: (e, values) => {
    const first = values.find((v): v is Gender => (GENDERS as readonly string[]).includes(v));
    if (first !== undefined) e.gender = first;
  },
  write: (e) => (e.gender === undefined ? [] : [e.gender]),
};

const addresses: FtmCodec = {
  prop: 'address',
  read: (e, values) => values.forEach((full) => e.addresses.push({ full })),
  write: (e) => e.addresses.map((a) => a.full),
};

// A Sanction's dates are the listing's dates (entity.ts Listing.start = FtM Sanction.startDate).
const sanctionStart: FtmCodec = {
  prop: 'startDate',
  schemata: ['Sanction'],
  read: (e, values) => {
    const first = values.find(isIsoDate);
    if (first !== undefined) e.listing.start = first as IsoDate;
  },
  write: (e) => (e.listing.start === undefined ? [] : [e.listing.start]),
};

const sanctionEnd: FtmCodec = {
  prop: 'endDate',
  schemata: ['Sanction'],
  read: (e, values, today) => {
    const first = values.find(isIsoDate);
    if (first === undefined) return;
    e.listing.end = first as IsoDate;
    if (first <= today) e.status = 'ended';
  },
  write: (e) => (e.listing.end === undefined ? [] : [e.listing.end]),
};

/** Every codec, in the order export writes their properties. */
export const FTM_CODECS: readonly FtmCodec[] = [
  ...NAME_PROPS.map(nameCodec),
  ...COUNTRY_PROPS.map(countryCodec),
  addresses,
  birthDates,
  listCodec('birthPlace', 'birthPlaces'),
  gender,
  ...(Object.keys(FTM_IDENTIFIER_PROPS) as IdentifierType[])
    .filter((t) => !EXPORT_ONLY_IDENTIFIERS.includes(t))
    .map(identifierCodec),
  listCodec('program', 'programs'),
  listCodec('notes', 'remarks'),
  sanctionStart,
  sanctionEnd,
];

/** The codec of `prop` for `schema`, if the property maps to a typed field. */
export function codecFor(prop: string, schema: Schema): FtmCodec | undefined {
  return FTM_CODECS.find((c) => c.prop === prop && (c.schemata === undefined || c.schemata.includes(schema)));
}

/** The codecs that apply to `schema`. */
export function codecsOf(schema: Schema): FtmCodec[] {
  return FTM_CODECS.filter((c) => c.schemata === undefined || c.schemata.includes(schema));
}
