// Branded identifiers. A raw string becomes an id only through the validating constructors here.
import { AppError } from './errors.ts';

declare const brand: unique symbol;
/** A nominal type: `string & Brand<'X'>` cannot be confused with another id or a plain string. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** snake_case `<jurisdiction>_<authority>_<list>`, e.g. `us_ofac_sdn` (docs/contracts.md). */
export type ListId = Brand<string, 'ListId'>;
/** The list's own record id (OFAC ent_num, UN reference number, CSL _id, FtM id, …). */
export type SourceId = Brand<string, 'SourceId'>;
/** `<listId>:<sourceId>`, stable across list versions. */
export type EntityId = Brand<string, 'EntityId'>;
/** ISO calendar date or partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
export type IsoDate = Brand<string, 'IsoDate'>;
/** ISO 3166-1 alpha-2 code, lower case (FtM convention), or a documented pseudo-code such as `ua-cri`. */
export type CountryCode = Brand<string, 'CountryCode'>;

const LIST_ID = /^[a-z]{2,3}_[a-z0-9]+(_[a-z0-9]+)*$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function listId(value: string): ListId {
  if (!LIST_ID.test(value)) {
    throw new AppError('invalid_list_id', `"${value}" is not a list id`, {
      hint: 'use snake_case <jurisdiction>_<authority>_<list>, e.g. us_ofac_sdn',
    });
  }
  return value as ListId;
}

export function sourceId(value: string): SourceId {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new AppError('invalid_source_id', `source id "${value}" is empty or longer than 200 characters`);
  }
  return trimmed as SourceId;
}

export function entityId(list: ListId, source: SourceId): EntityId {
  return `${list}:${source}` as EntityId;
}

/** Splits `us_ofac_sdn:36` (a sub-list suffix such as `us_trade_csl:EL` is not an entity id). */
export function parseEntityId(value: string): { listId: ListId; sourceId: SourceId } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    throw new AppError('invalid_entity_id', `"${value}" is not an entity id`, {
      hint: 'entity ids are <listId>:<sourceId>, e.g. us_ofac_cons:30946',
    });
  }
  return { listId: listId(value.slice(0, colon)), sourceId: sourceId(value.slice(colon + 1)) };
}

export function isIsoDate(value: string): boolean {
  return DATE.test(value);
}

export function isoDate(value: string): IsoDate {
  if (!DATE.test(value)) {
    throw new AppError('invalid_date', `"${value}" is not a date`, { hint: 'use YYYY, YYYY-MM or YYYY-MM-DD' });
  }
  return value as IsoDate;
}

export function countryCode(value: string): CountryCode {
  const lower = value.trim().toLowerCase();
  if (!/^[a-z]{2}(-[a-z0-9]{1,8})?$/.test(lower)) {
    throw new AppError('invalid_country', `"${value}" is not an ISO 3166-1 alpha-2 country code`, {
      hint: 'use two letters, e.g. CN, RU, IR',
    });
  }
  return lower as CountryCode;
}
