// A yente query-by-example entity → Embargo party queries. FtM properties map onto the query fields of
// docs/contracts.md: every name (and first/last-name parts) is screened, the first country scores, every
// country and address is checked for embargoed jurisdictions, identifier properties become TYPE:VALUE ids.
import type { PartyQuery } from '../../app/screening-types.ts';
import { PARTY_SCHEMATA, isSchema, type Gender } from '../../domain/entity.ts';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/ids.ts';
import { countryFromName } from '../../sources/common/countries.ts';
import { FTM_IDENTIFIER_PROPS } from '../../sources/ftm/index.ts';
import type { EntityExampleT } from './schemas.ts';

const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'];
const NAME_PARTS = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'];
const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'registrationCountry'];
/** Names screened per example: enough for the aliases a caller knows, bounded for cost. */
const MAX_NAMES = 20;
/** FtM identifier property → our identifier type (the inverse of FTM_IDENTIFIER_PROPS, export-only types left out). */
const ID_TYPE = new Map(
  Object.entries(FTM_IDENTIFIER_PROPS)
    .filter(([type]) => type !== 'aircraft_tail' && type !== 'other')
    .map(([type, prop]) => [prop, type]),
);

export interface ReadExample {
  /** One party query per name. */
  parties: PartyQuery[];
  /** The example as read, echoed back as yente echoes its cleaned query. */
  echo: { id?: string; schema: string; properties: Record<string, string[]> };
  /** Every country and address, for the jurisdiction check. */
  countries: string[];
  addresses: string[];
}

function values(raw: EntityExampleT['properties'][string] | undefined): string[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** A country value as yente cleans it: a code or a name → lower-case ISO alpha-2; unknown values are dropped. */
function country(value: string): string | undefined {
  if (/^[a-z]{2}-[a-z0-9]{1,12}$/i.test(value)) return value.toLowerCase();
  return countryFromName(value) ?? undefined;
}

function schemaOf(example: EntityExampleT, key: string): string | undefined {
  if (example.schema === 'Thing') return undefined;
  if (!isSchema(example.schema) || !(PARTY_SCHEMATA as readonly string[]).includes(example.schema)) {
    throw new AppError('invalid_input', `query ${key}: schema "${example.schema}" cannot be matched`, {
      where: `queries.${key}.schema`,
      hint: `use one of ${PARTY_SCHEMATA.join(', ')} or Thing`,
    });
  }
  return example.schema;
}

function names(props: EntityExampleT['properties']): string[] {
  const out = NAME_PROPS.flatMap((p) => values(props[p]));
  const parts = NAME_PARTS.map((p) => values(props[p])[0]).filter((v): v is string => v !== undefined);
  if (parts.length > 0) out.push(parts.join(' '));
  return [...new Set(out)].slice(0, MAX_NAMES);
}

function identifiers(props: EntityExampleT['properties']): string[] {
  return Object.keys(props).flatMap((prop) => {
    const type = ID_TYPE.get(prop);
    return type === undefined ? [] : values(props[prop]).map((v) => `${type}:${v}`);
  });
}

function echoProperties(props: EntityExampleT['properties'], countries: Map<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [prop, raw] of Object.entries(props)) {
    const cleaned = countries.get(prop) ?? values(raw);
    if (cleaned.length > 0) out[prop] = cleaned;
  }
  return out;
}

/** Reads one example; a schema that cannot be matched or an example without a name is a 400 naming the query. */
export function readExample(key: string, example: EntityExampleT): ReadExample {
  const schema = schemaOf(example, key);
  const props = example.properties;
  const perProp = new Map(COUNTRY_PROPS.map((p) => [p, values(props[p]).map(country).filter((c): c is string => c !== undefined)]));
  const countries = [...new Set([...perProp.values()].flat())];
  const addresses = values(props['address']);
  const birth = values(props['birthDate']).map((d) => d.slice(0, 10)).find(isIsoDate);
  const gender = values(props['gender'])[0]?.toLowerCase();
  const ids = identifiers(props);
  const base: Omit<PartyQuery, 'name'> = {
    ...(schema === undefined ? {} : { schema }),
    ...(countries[0] === undefined ? {} : { country: countries[0] }),
    ...(birth === undefined ? {} : { birth_date: birth }),
    ...(ids.length === 0 ? {} : { id: ids }),
    ...(gender === 'male' || gender === 'female' || gender === 'other' ? { gender: gender as Gender } : {}),
    ...(addresses[0] === undefined ? {} : { address: addresses.join('; ') }),
  };
  const found = names(props);
  if (found.length === 0) {
    throw new AppError('invalid_input', `query ${key} has no name`, { where: `queries.${key}.properties.name`, hint: 'give at least one name (or firstName/lastName)' });
  }
  const id = typeof example.id === 'string' ? example.id : undefined;
  return {
    parties: found.map((name) => ({ ...base, name })),
    echo: { ...(id === undefined ? {} : { id }), schema: example.schema, properties: echoProperties(props, perProp) },
    countries,
    addresses,
  };
}
