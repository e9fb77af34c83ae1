// Pass 1 over an SDN_ADVANCED file: everything except the parties. The schema (OFAC's sdn_advanced.xsd,
// namespace http://www.un.org/sanctions/1.0) puts ReferenceValueSets, Locations and IDRegDocuments before
// DistinctParties and ProfileRelationships and SanctionsEntries after them, so a party can only be mapped
// once all of these are known. Reading the file twice keeps memory to these side tables (no party is held).
import { AppError } from '../../domain/errors.ts';
import { captureWiring, kidText, type Captured, type XmlElement } from './xml-element.ts';
import { streamXml } from '../common/xml-stream.ts';

export const ADVANCED_ROOT = 'Sanctions';

/** What pass 1 collects; elements stay as read and are resolved when a party needs them. */
export interface AdvancedContext {
  /** `<DateOfIssue>` as Year/Month/Day numbers, if present. */
  dateOfIssue?: { year: number; month: number; day: number };
  /** Reference value set item name (AliasType, FeatureType, Country …) → ID → element. */
  values: Map<string, Map<string, XmlElement>>;
  locations: Map<string, XmlElement>;
  /** IDRegDocuments by the Identity they belong to. */
  documentsByIdentity: Map<string, XmlElement[]>;
  entriesByProfile: Map<string, XmlElement[]>;
  relationsByProfile: Map<string, XmlElement[]>;
  /** Profile ID → FixedRef of its DistinctParty (relations name profiles; entities are keyed by FixedRef). */
  fixedRefByProfile: Map<string, string>;
  partyCount: number;
  relationCount: number;
}

function push(map: Map<string, XmlElement[]>, key: string, element: XmlElement): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [element]);
  else list.push(element);
}

const SIDE_TABLES: ReadonlySet<string> = new Set([
  'Locations',
  'IDRegDocuments',
  'ProfileRelationships',
  'SanctionsEntries',
]);

function store(ctx: AdvancedContext, { element }: Captured): void {
  const id = element.attrs['ID'] ?? '';
  if (element.name === 'DateOfIssue') {
    const n = (tag: string): number => Number(kidText(element, tag));
    ctx.dateOfIssue = { year: n('Year'), month: n('Month'), day: n('Day') };
  } else if (element.name === 'ReferenceValueSets') {
    // <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType>…: keyed by the item element's name.
    for (const item of element.children.flatMap((set) => set.children)) {
      let set = ctx.values.get(item.name);
      if (set === undefined) ctx.values.set(item.name, (set = new Map()));
      set.set(item.attrs['ID'] ?? '', item);
    }
  } else if (element.name === 'Location') ctx.locations.set(id, element);
  else if (element.name === 'IDRegDocument')
    push(ctx.documentsByIdentity, element.attrs['IdentityID'] ?? '', element);
  else if (element.name === 'SanctionsEntry')
    push(ctx.entriesByProfile, element.attrs['ProfileID'] ?? '', element);
  else if (element.name === 'ProfileRelationship') {
    ctx.relationCount++;
    push(ctx.relationsByProfile, element.attrs['From-ProfileID'] ?? '', element);
  }
}

/** An AppError factory for a file that is not a readable SDN_ADVANCED document. */
export function unusableAdvanced(path: string) {
  return (reason: string, cause?: unknown): AppError =>
    new AppError(
      'unusable_file',
      `${path} is not a readable OFAC advanced XML list (SDN_ADVANCED schema): ${reason}`,
      {
        where: path,
        hint: 'download the complete sdn_advanced.xml / cons_advanced.xml again from OFAC, or choose another --format',
        cause,
      },
    );
}

/** Reads the side tables (pass 1); throws AppError('unusable_file') for malformed XML or another root. */
export async function readAdvancedContext(path: string): Promise<AdvancedContext> {
  const ctx: AdvancedContext = {
    values: new Map(),
    locations: new Map(),
    documentsByIdentity: new Map(),
    entriesByProfile: new Map(),
    relationsByProfile: new Map(),
    fixedRefByProfile: new Map(),
    partyCount: 0,
    relationCount: 0,
  };
  let party = '';
  const wiring = captureWiring({
    root: ADVANCED_ROOT,
    select: (parent, name, depth) =>
      (depth === 2 && (name === 'DateOfIssue' || name === 'ReferenceValueSets')) ||
      (depth === 3 && SIDE_TABLES.has(parent)),
    peek: (name, attributes, depth) => {
      if (depth === 3 && name === 'DistinctParty') {
        ctx.partyCount++;
        party = attributes['FixedRef'] ?? '';
      } else if (depth === 4 && name === 'Profile') ctx.fixedRefByProfile.set(attributes['ID'] ?? '', party);
    },
  });
  for await (const captured of streamXml(path, wiring, unusableAdvanced(path))) store(ctx, captured);
  return ctx;
}

/** The text of a reference value (e.g. `ref(ctx, 'AliasType', '1400')` → "A.K.A."), '' when unknown. */
export function refText(ctx: AdvancedContext, set: string, id: string | undefined): string {
  return id === undefined ? '' : (ctx.values.get(set)?.get(id)?.text ?? '');
}

/** The element of a reference value, for its attributes (Country ISO2, PartySubType PartyTypeID …). */
export function refElement(
  ctx: AdvancedContext,
  set: string,
  id: string | undefined,
): XmlElement | undefined {
  return id === undefined ? undefined : ctx.values.get(set)?.get(id);
}
