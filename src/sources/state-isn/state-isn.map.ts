// State ISN rows → entities. The list prints one row per party and sanction program, and no record id: rows
// are grouped by name and country (isnKey), whose hash (common/row-key.ts) is the source id. Programs,
// citations and remarks of the rows are collected; the listing starts with the earliest Effective Date.
import { addName, addUnique, clean, newEntity } from '../../domain/entity-builder.ts';
import type { Entity } from '../../domain/entity.ts';
import { sourceId, type CountryCode, type IsoDate, type ListId } from '../../domain/ids.ts';
import { rowKey } from '../common/row-key.ts';
import { usDate } from '../common/us-date.ts';
import { countryFromName } from '../common/countries.ts';
import { addProperty } from '../common/entity-props.ts';
import { guessPartySchema } from '../common/party-schema.ts';
import type { IsnRow } from './state-isn.parse.ts';

/** Program spellings of the file → the statute's name ("INSKNA" is a typo of INKSNA in three rows). */
const PROGRAM_FIXES: Readonly<Record<string, string>> = { INSKNA: 'INKSNA' };

/** Country spellings of the file that are typos ("Kong Kong", "CHina" is handled case-insensitively). */
const COUNTRY_FIXES: Readonly<Record<string, CountryCode>> = { 'kong kong': 'hk' as CountryCode };

function isnCountry(name: string): CountryCode | undefined {
  return COUNTRY_FIXES[name.toLowerCase()] ?? countryFromName(name);
}

/** The party of a row: sha1 of name | country (ISO code, or the printed text when it is not a country). */
export function isnKey(row: IsnRow): string {
  return rowKey([row.name, isnCountry(row.country) ?? row.country]);
}

/** "Li Fangwei [also known as Karl Lee]" → Li Fangwei + [Karl Lee]. */
export function splitIsnName(name: string): { primary: string; aliases: string[] } {
  const m = /^(.*?)\s*\[(?:also known as|a\.k\.a\.):?\s*([^\]]+)\]\s*$/i.exec(name);
  return m === null ? { primary: name, aliases: [] } : { primary: clean(m[1]), aliases: [clean(m[2])] };
}

// Legal-form fragments left by splitting "X Co., Ltd." on commas; they are glued back to the name before.
const LEGAL_FORM = /^(?:ltd|inc|llc|co|corp|limited|gmbh|s\.?a|a\.?s)\.?$/i;

/** "CITC, TCO, F.K.A. Office of … (OSIS), \"Sasadja\"" → [{name, kind}], quotes and F.K.A. prefixes read. */
export function splitAlternativeNames(text: string): { name: string; kind: 'aka' | 'fka' }[] {
  const parts: string[] = [];
  for (const piece of text.split(/,\s*/)) {
    if (LEGAL_FORM.test(piece.trim()) && parts.length > 0) parts[parts.length - 1] += `, ${piece.trim()}`;
    else parts.push(piece);
  }
  return parts
    .map((p) => clean(p).replace(/^"(.*)"$/, '$1'))
    .filter((p) => p !== '')
    .map((p) =>
      /^f\.k\.a\.\s+/i.test(p)
        ? { name: p.replace(/^f\.k\.a\.\s+/i, ''), kind: 'fka' as const }
        : { name: p, kind: 'aka' as const },
    );
}

/** "Vol. 80, No. 170, 09/02/15, Vol. 80, No. 207, 10/27/15" → one citation per Federal Register issue. */
export function isnCitations(text: string): string[] {
  const found = text.match(/Vol\.\s*\d+,\s*No\.\s*\d+,\s*\d{1,2}\/\d{1,2}\/\d{2,4}/g);
  return found === null ? (text === '' ? [] : [text]) : found.map(clean);
}

/** Maps the rows of one party; returns notes for values that could not be read. */
export function mapIsnParty(rows: readonly IsnRow[], list: ListId): { entity: Entity; notes: string[] } {
  const first = rows[0]!;
  const notes: string[] = [];
  const { primary, aliases } = splitIsnName(first.name);
  const entity = newEntity(
    list,
    sourceId(isnKey(first)),
    guessPartySchema(primary),
    rows.length === 1 ? first : rows,
  );
  addName(entity, primary, 'primary');
  for (const alias of aliases) addName(entity, alias, 'aka');
  const code = isnCountry(first.country);
  if (code !== undefined) entity.countries.push({ code, role: 'country' });
  else if (first.country !== '') notes.push(`Country "${first.country}" is not a known country`);
  const starts: IsoDate[] = [];
  for (const row of rows) {
    addUnique(entity.programs, PROGRAM_FIXES[row.program] ?? (row.program || undefined));
    for (const alt of splitAlternativeNames(row.alternativeNames)) addName(entity, alt.name, alt.kind);
    for (const citation of isnCitations(row.federalRegisterNotice))
      addUnique(entity.listing.citations, citation);
    addUnique(entity.remarks, row.remarks || undefined);
    addProperty(entity, 'sourceUrl', row.webLink);
    const start = usDate(row.effectiveDate);
    if (start !== undefined) starts.push(start);
    else if (row.effectiveDate !== '') notes.push(`Effective Date "${row.effectiveDate}" is not M/D/YYYY`);
  }
  const start = starts.sort()[0];
  if (start !== undefined) entity.listing.start = start;
  return { entity, notes };
}
