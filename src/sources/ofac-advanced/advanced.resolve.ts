// Resolves the references of SDN_ADVANCED elements to the values they stand for (IDs → reference value
// texts, LocationIDs → location parts, CountryIDs → ISO codes). The results are the raw records the mapper
// reads and the `raw` evidence stored with each entity: plain JSON, no IDs that mean nothing on their own.
import { refElement, refText, type AdvancedContext } from './advanced.context.ts';
import { kid, kidText, kids, type XmlElement } from './xml-element.ts';

/** A date as printed in <Year>/<Month>/<Day>, as ISO text (month/day padded); '' when incomplete. */
export function elementDate(element: XmlElement | undefined): string {
  if (element === undefined) return '';
  const [y, m, d] = ['Year', 'Month', 'Day'].map((t) => kidText(element, t));
  if (y === '' || m === '' || d === '') return '';
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A country as the file names it: its name and, where given, its ISO 3166-1 alpha-2 code. */
export interface ResolvedCountry {
  name: string;
  iso2?: string;
}

export function resolveCountry(
  ctx: AdvancedContext,
  countryId: string | undefined,
): ResolvedCountry | undefined {
  const element = refElement(ctx, 'Country', countryId);
  if (element === undefined) return undefined;
  const iso2 = element.attrs['ISO2'];
  return iso2 === undefined || iso2 === '' ? { name: element.text } : { name: element.text, iso2 };
}

/** A location: its parts by type (ADDRESS1, CITY, STATE/PROVINCE, POSTAL CODE, REGION …) and country. */
export interface ResolvedLocation {
  parts: { type: string; value: string }[];
  country?: ResolvedCountry;
}

export function resolveLocation(
  ctx: AdvancedContext,
  locationId: string | undefined,
): ResolvedLocation | undefined {
  const element = locationId === undefined ? undefined : ctx.locations.get(locationId);
  if (element === undefined) return undefined;
  const parts = kids(element, 'LocationPart').flatMap((part) => {
    const type = refText(ctx, 'LocPartType', part.attrs['LocPartTypeID']);
    const values = kids(part, 'LocationPartValue');
    const value = values.find((v) => v.attrs['Primary'] === 'true') ?? values[0];
    const text = value === undefined ? '' : kidText(value, 'Value');
    return text === '' ? [] : [{ type, value: text }];
  });
  const country =
    resolveCountry(ctx, kid(element, 'LocationCountry')?.attrs['CountryID']) ?? areaCountry(ctx, element);
  return country === undefined ? { parts } : { parts, country };
}

/** A location with only an area code ("Russia" as AreaCode RU, or "undetermined" without a code). */
function areaCountry(ctx: AdvancedContext, location: XmlElement): ResolvedCountry | undefined {
  const area = refElement(ctx, 'AreaCode', kid(location, 'LocationAreaCode')?.attrs['AreaCodeID']);
  if (area === undefined) return undefined;
  const name = area.attrs['Description'] ?? '';
  return area.text === '' ? { name } : { name, iso2: area.text };
}

/** An identity or registration document (passport, registration ID, tax number …). */
export interface ResolvedDocument {
  type: string;
  number: string;
  country?: ResolvedCountry;
  validity: string;
  comment: string;
}

export function resolveDocument(ctx: AdvancedContext, doc: XmlElement): ResolvedDocument {
  const resolved: ResolvedDocument = {
    type: refText(ctx, 'IDRegDocType', doc.attrs['IDRegDocTypeID']),
    number: kidText(doc, 'IDRegistrationNo'),
    validity: refText(ctx, 'Validity', doc.attrs['ValidityID']),
    comment: kidText(doc, 'Comment'),
  };
  const country = resolveCountry(ctx, doc.attrs['IssuedBy-CountryID']);
  if (country !== undefined) resolved.country = country;
  return resolved;
}

/** One listing of the party on one of OFAC's lists: the date it was created, its programs and measures. */
export interface ResolvedEntry {
  list: string;
  /** EntryEvent date (ISO text), '' when absent. */
  date: string;
  legalBasis: string;
  programs: string[];
  /** Other sanctions measures ("Block", "13662 Sectoral Directive 2" …). */
  measures: string[];
}

export function resolveEntry(ctx: AdvancedContext, entry: XmlElement): ResolvedEntry {
  const event = kid(entry, 'EntryEvent');
  const resolved: ResolvedEntry = {
    list: refText(ctx, 'List', entry.attrs['ListID']),
    date: elementDate(event === undefined ? undefined : kid(event, 'Date')),
    legalBasis: refText(ctx, 'LegalBasis', event?.attrs['LegalBasisID']),
    programs: [],
    measures: [],
  };
  for (const measure of kids(entry, 'SanctionsMeasure')) {
    const type = refText(ctx, 'SanctionsType', measure.attrs['SanctionsTypeID']);
    // A measure of type "Program" carries the program code in its comment (e.g. "NS-PLC", "UKRAINE-EO13662").
    if (type === 'Program') resolved.programs.push(kidText(measure, 'Comment'));
    else if (type !== '') resolved.measures.push(type);
  }
  return resolved;
}

/** A relation from this party to another profile in the file. */
export interface ResolvedRelation {
  type: string;
  toProfile: string;
  /** FixedRef of the other party; absent when the file has no such profile. */
  toFixedRef?: string;
  former: boolean;
}

export function resolveRelation(ctx: AdvancedContext, relation: XmlElement): ResolvedRelation {
  const toProfile = relation.attrs['To-ProfileID'] ?? '';
  const resolved: ResolvedRelation = {
    type: refText(ctx, 'RelationType', relation.attrs['RelationTypeID']),
    toProfile,
    former: relation.attrs['Former'] === 'true',
  };
  const fixedRef = ctx.fixedRefByProfile.get(toProfile);
  if (fixedRef !== undefined) resolved.toFixedRef = fixedRef;
  return resolved;
}
