// BIS MIEU rows → entities. The table has no record id: the source id is the readable slug of the name
// (common/name-key.ts), as for the other OpenSanctions source tables. Dates are ISO; Country is an ISO code;
// Alias and Topics hold ';'-separated values; the Source URL is the Federal Register document that listed it.
import { addName, addUnique, applyEndDate, newEntity } from '../../domain/entity-builder.ts';
import { isPartySchema, type Entity, type Schema } from '../../domain/entity.ts';
import { sourceId, type ListId } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';
import { splitList } from '../common/csv-table.ts';
import { addProperty } from '../common/entity-props.ts';
import { isoLikeDate } from '../common/list-dates.ts';
import { nameKey } from '../common/name-key.ts';
import type { MieuRow } from './bis-mieu.parse.ts';

/** The party of a row: the slug of its name. */
export function mieuKey(row: MieuRow): string {
  return nameKey(row.name);
}

/** "https://www.federalregister.gov/documents/2021/01/15/2021-00977/…" → "FR Doc. 2021-00977". */
export function frDocument(url: string): string | undefined {
  const m = /federalregister\.gov\/documents\/\d{4}\/\d{2}\/\d{2}\/(\d{4}-\d{5})\//.exec(url);
  return m === null ? undefined : `FR Doc. ${m[1]}`;
}

function schemaOf(type: string, notes: string[]): Schema {
  if (isPartySchema(type)) return type;
  notes.push(`Type "${type}" is not a party schema; read as LegalEntity`);
  return 'LegalEntity';
}

/** Maps the rows of one party (one row per party in the bundled table). */
export function mapMieuParty(
  rows: readonly MieuRow[],
  list: ListId,
  today: string,
): { entity: Entity; notes: string[] } {
  const first = rows[0]!;
  const notes: string[] = [];
  const entity = newEntity(
    list,
    sourceId(mieuKey(first)),
    schemaOf(first.type, notes),
    rows.length === 1 ? first : rows,
  );
  addName(entity, first.name, 'primary');
  for (const row of rows) {
    for (const alias of splitList(row.alias)) addName(entity, alias, 'aka');
    for (const country of splitList(row.country)) {
      const code = countryFromName(country);
      if (code === undefined) notes.push(`Country "${country}" is not a known country`);
      else if (!entity.countries.some((c) => c.code === code))
        entity.countries.push({ code, role: 'country' });
    }
    for (const topic of splitList(row.topics)) addProperty(entity, 'topics', topic);
    addUnique(entity.programs, row.program || undefined);
    addUnique(entity.listing.citations, frDocument(row.sourceUrl));
    addProperty(entity, 'sourceUrl', row.sourceUrl);
  }
  const start = isoLikeDate(first.date);
  if (start !== undefined) entity.listing.start = start;
  else if (first.date !== '') notes.push(`Date "${first.date}" is not an ISO date`);
  const end = first.endDate === '' ? undefined : isoLikeDate(first.endDate);
  if (end === undefined && first.endDate !== '') notes.push(`End date "${first.endDate}" is not an ISO date`);
  applyEndDate(entity, end, today);
  return { entity, notes };
}
