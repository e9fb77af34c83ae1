// BIS Denied Persons List rows → entities. The list prints one row per address of a denial order, so rows
// with the same name, effective date and FR citation are one party (dplKey); the file has no record id, so
// that key, hashed (common/row-key.ts), is the source id. Names carry aliases inline ("FUYI SUN A/K/A FRANK SUN",
// "PEARL (A.K.A. NEI-CHIEN CHU) LI", "SIBERIAN AIRLINES D/B/A S7 AIRLINES"). The file does not say whether a
// party is a person: common/party-schema.ts guesses from the name.
import { addName, addUnique, applyEndDate, clean, newEntity } from '../../domain/entity-builder.ts';
import type { Address, Entity } from '../../domain/entity.ts';
import { sourceId, type CountryCode, type ListId } from '../../domain/ids.ts';
import { countryFromName } from '../common/countries.ts';
import { citations } from '../common/fr-citations.ts';
import { guessPartySchema } from '../common/party-schema.ts';
import type { DplRow } from './bis-dpl.parse.ts';
import { rowKey } from '../common/row-key.ts';
import { usDate } from '../common/us-date.ts';

/** The source id of a row: sha1 of name | effective date | FR citation (see common/row-key.ts). */
export function dplKey(row: DplRow): string {
  return rowKey([row.name, row.effectiveDate, row.frCitation]);
}

const ALIAS_MARK = /\s+(?:A\/K\/A|A\.K\.A\.?|AKA|F\/K\/A|F\.K\.A\.?|D\/B\/A|D\.B\.A\.?)\s+/i;
const ALIAS_IN_PARENS = /\s*\((?:A\/K\/A|A\.K\.A\.?|AKA)\s+([^)]+)\)\s*/i;

/** "FUYI SUN A/K/A FRANK SUN" → FUYI SUN + [FRANK SUN]; "PEARL (A.K.A. NEI-CHIEN CHU) LI" → PEARL LI + [NEI-CHIEN CHU]. */
export function splitDplName(name: string): { primary: string; aliases: string[] } {
  const aliases: string[] = [];
  const inner = ALIAS_IN_PARENS.exec(name);
  let rest = name;
  if (inner !== null) {
    aliases.push(clean(inner[1]));
    rest = clean(name.replace(ALIAS_IN_PARENS, ' '));
  }
  const [primary, ...others] = rest.split(ALIAS_MARK).map(clean);
  return { primary: primary ?? '', aliases: [...aliases, ...others.filter((o) => o !== '')] };
}

/** Maps the rows of one party; returns notes for values that could not be read. */
export function mapDplParty(
  rows: readonly DplRow[],
  list: ListId,
  today: string,
): { entity: Entity; notes: string[] } {
  const first = rows[0]!;
  const notes: string[] = [];
  const { primary, aliases } = splitDplName(first.name);
  const entity = newEntity(
    list,
    sourceId(dplKey(first)),
    guessPartySchema(primary),
    rows.length === 1 ? first : rows,
  );
  addName(entity, primary, 'primary');
  for (const alias of aliases) addName(entity, alias, 'aka');
  for (const row of rows) mapAddress(entity, row, notes);
  mapListing(entity, rows, today, notes);
  for (const row of rows) {
    for (const citation of citations(row.frCitation)) addUnique(entity.listing.citations, citation);
    addUnique(entity.remarks, row.action || undefined);
  }
  const updated = rows
    .map((r) => r.lastUpdate)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()
    .at(-1);
  if (updated !== undefined) entity.properties['modifiedAt'] = [updated];
  return { entity, notes };
}

/** Effective_Date → start; the latest Expiration_Date of the party's rows → end (ended once it has passed). */
function mapListing(entity: Entity, rows: readonly DplRow[], today: string, notes: string[]): void {
  const first = rows[0]!;
  const start = usDate(first.effectiveDate);
  if (start !== undefined) entity.listing.start = start;
  else if (first.effectiveDate !== '')
    notes.push(`Effective_Date "${first.effectiveDate}" is not MM/DD/YYYY`);
  const ends = rows.map((r) => r.expirationDate).filter((d) => d !== '');
  for (const text of ends)
    if (usDate(text) === undefined) notes.push(`Expiration_Date "${text}" is not MM/DD/YYYY`);
  applyEndDate(
    entity,
    ends
      .map(usDate)
      .filter((d) => d !== undefined)
      .sort()
      .at(-1),
    today,
  );
}

/** Codes the DPL uses that are not ISO 3166 ("PRC" for China). */
const DPL_COUNTRIES: Readonly<Record<string, CountryCode>> = { PRC: 'cn' as CountryCode };

/** One row's address; Country is an ISO code ("CN") or empty (most US addresses leave it empty). */
function mapAddress(entity: Entity, row: DplRow, notes: string[]): void {
  const parts = [row.street, row.city, row.state, row.postalCode, row.country];
  const full = parts.filter((p) => p !== '').join(', ');
  if (full === '') return;
  const address: Address = { full };
  if (row.street !== '') address.street = row.street;
  if (row.city !== '') address.city = row.city;
  if (row.state !== '') address.region = row.state;
  if (row.postalCode !== '') address.postalCode = row.postalCode;
  const code = row.country === '' ? undefined : (DPL_COUNTRIES[row.country] ?? countryFromName(row.country));
  if (code === undefined && row.country !== '') notes.push(`Country "${row.country}" is not a known country`);
  if (code !== undefined) {
    address.country = code;
    if (!entity.countries.some((c) => c.code === code && c.role === 'country'))
      entity.countries.push({ code, role: 'country' });
  }
  if (!entity.addresses.some((a) => a.full === full)) entity.addresses.push(address);
}
