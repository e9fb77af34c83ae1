// One UN consolidated list entry (INDIVIDUAL or ENTITY element as a plain object) → Entity.
import type { Entity, Gender } from '../../domain/entity.ts';
import { addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import {
  addCountry,
  mapAddresses,
  mapBirthDates,
  mapBirthPlaces,
  mapDocuments,
  mapNames,
  unCountry,
  unDate,
  type MapContext,
} from './un-xml.fields.ts';
import type { UnRecord } from './un-xml.parse.ts';
import { childText, wrappedValues } from '../common/xml-object.ts';

export type UnMapResult =
  | { ok: true; entity: Entity; notes: string[] }
  /** The entry cannot become an entity (no reference number or no name): a bad record. */
  | { ok: false; reason: string };

const GENDER: Readonly<Record<string, Gender>> = { male: 'male', female: 'female' };

/** Maps one entry; individuals become Person, entities Organization (the UN list holds groups and firms alike). */
export function mapUnRecord(record: UnRecord, list: ListId): UnMapResult {
  const { data, kind } = record;
  const reference = clean(childText(data, 'REFERENCE_NUMBER'));
  if (reference === '') return { ok: false, reason: `${kind} without REFERENCE_NUMBER` };
  // sourceId() throws beyond 200 characters; a damaged entry must stay a bad record.
  if (reference.length > 200)
    return { ok: false, reason: `${kind} REFERENCE_NUMBER longer than 200 characters` };
  const schema = kind === 'INDIVIDUAL' ? 'Person' : 'Organization';
  const ctx: MapContext = { entity: newEntity(list, sourceId(reference), schema, data), notes: [] };
  mapNames(ctx, data, kind === 'INDIVIDUAL' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS');
  if (!ctx.entity.names.some((n) => n.kind === 'primary')) {
    return { ok: false, reason: `${kind} ${reference} has no name (FIRST_NAME is empty)` };
  }
  mapListing(ctx, data);
  if (kind === 'INDIVIDUAL') mapPersonFacts(ctx, data);
  mapAddresses(ctx, data, kind === 'INDIVIDUAL' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS');
  return { ok: true, entity: ctx.entity, notes: ctx.notes };
}

/** UN_LIST_TYPE (sanctions regime) → programs; LISTED_ON → start; COMMENTS1 → remarks; LAST_DAY_UPDATED → modifiedAt. */
function mapListing(ctx: MapContext, data: UnRecord['data']): void {
  const { entity } = ctx;
  addUnique(entity.programs, clean(childText(data, 'UN_LIST_TYPE')) || undefined);
  const listedOn = childText(data, 'LISTED_ON');
  const start = unDate(listedOn);
  if (start !== undefined) entity.listing.start = start;
  else if (clean(listedOn) !== '') ctx.notes.push(`LISTED_ON "${clean(listedOn)}" is not a date`);
  addUnique(entity.remarks, clean(childText(data, 'COMMENTS1')) || undefined);
  const updated = wrappedValues(data, 'LAST_DAY_UPDATED')
    .map(unDate)
    .filter((d) => d !== undefined);
  if (updated.length > 0) entity.properties['modifiedAt'] = [updated.sort().at(-1)!];
}

/** Facts the XML gives for individuals only: titles, designations, birth, nationality, documents, gender. */
function mapPersonFacts(ctx: MapContext, data: UnRecord['data']): void {
  const { entity } = ctx;
  const titles = wrappedValues(data, 'TITLE').map(clean).filter(Boolean);
  if (titles.length > 0) entity.properties['title'] = titles;
  // DESIGNATION is the person's function ("FDLR Interim President"): FtM `position`.
  const positions = wrappedValues(data, 'DESIGNATION').map(clean).filter(Boolean);
  if (positions.length > 0) entity.properties['position'] = positions;
  mapBirthDates(ctx, data);
  mapBirthPlaces(ctx, data);
  for (const name of wrappedValues(data, 'NATIONALITY')) {
    const code = unCountry(ctx, name, 'NATIONALITY');
    if (code !== undefined) addCountry(ctx, code, 'nationality');
  }
  mapDocuments(ctx, data);
  const gender = GENDER[clean(childText(data, 'GENDER')).toLowerCase()];
  if (gender !== undefined) entity.gender = gender;
}
