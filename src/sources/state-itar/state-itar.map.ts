// ITAR debarred-party rows → entities. A party debarred by several notices has several rows; the list has no
// record id, so rows are grouped by the printed name, whose hash (common/row-key.ts) is the source id.
// Individuals are printed "Last, First" or "Last, Jr., First" and are read "First Last [Jr.]" (as the CSL
// prints them); aliases come in "(a.k.a. X; Y)". Person or not: see common/party-schema.ts (a date of birth decides).
import { addName, addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import type { Entity, Schema } from '../../domain/entity.ts';
import { sourceId, type IsoDate, type ListId } from '../../domain/ids.ts';
import { rowKey } from '../common/row-key.ts';
import { usDate } from '../common/us-date.ts';
import { monthNameDate } from '../common/list-dates.ts';
import { guessPartySchema } from '../common/party-schema.ts';
import type { ItarRow } from './state-itar.parse.ts';

/** The party of a row: sha1 of the printed name. */
export function itarKey(row: ItarRow): string {
  return rowKey([row.name]);
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

export interface ItarName {
  schema: Schema;
  primary: string;
  aliases: string[];
}

/** Reads a printed name: aliases in "(a.k.a. …)", the schema, and "Last, [Suffix,] First" put in reading order. */
export function readItarName(printed: string, hasBirthDate: boolean): ItarName {
  const aka = /\s*\(a\.k\.a\.?\s+([^)]*)\)\s*$/i.exec(printed);
  const base = clean(aka === null ? printed : printed.slice(0, aka.index));
  const aliases =
    aka === null
      ? []
      : aka[1]!
          .split(';')
          .map(clean)
          .filter((a) => a !== '');
  const parts = base.split(',').map(clean);
  const suffix = parts.length === 3 && SUFFIX.test(parts[1]!) ? parts[1]! : undefined;
  const core = suffix === undefined ? base : `${parts[0]}, ${parts[2]}`;
  const schema = guessPartySchema(core, { birthDate: hasBirthDate });
  const sides = core.split(',').map(clean);
  if (schema !== 'Person' || sides.length !== 2) return { schema, primary: base, aliases };
  return { schema, primary: clean(`${sides[1]} ${sides[0]} ${suffix ?? ''}`), aliases };
}

/** "November, 1975" / "March,, 1965" → 1975-11 / 1965-03. */
export function itarBirthDate(text: string): IsoDate | undefined {
  return monthNameDate(text.replace(/,/g, ' '));
}

/** Maps the rows (notices) of one party; returns notes for values that could not be read. */
export function mapItarParty(rows: readonly ItarRow[], list: ListId): { entity: Entity; notes: string[] } {
  const first = rows[0]!;
  const notes: string[] = [];
  const name = readItarName(
    first.name,
    rows.some((r) => r.birthDate !== ''),
  );
  const entity = newEntity(list, sourceId(itarKey(first)), name.schema, rows.length === 1 ? first : rows);
  addName(entity, name.primary, 'primary');
  for (const alias of name.aliases) addName(entity, alias, 'aka');
  const starts: IsoDate[] = [];
  for (const row of rows) {
    if (row.birthDate !== '') {
      const date = itarBirthDate(row.birthDate);
      if (date === undefined) notes.push(`Date Of Birth "${row.birthDate}" is not "Month, YYYY"`);
      addUnique(entity.birthDates, date);
    }
    addUnique(entity.listing.citations, row.notice || undefined);
    addUnique(entity.listing.citations, row.correctedNotice || undefined);
    const start = usDate(row.noticeDate);
    if (start !== undefined) starts.push(start);
    else if (row.noticeDate !== '') notes.push(`Notice Date "${row.noticeDate}" is not M/D/YYYY`);
  }
  const start = starts.sort()[0];
  if (start !== undefined) entity.listing.start = start;
  return { entity, notes };
}
