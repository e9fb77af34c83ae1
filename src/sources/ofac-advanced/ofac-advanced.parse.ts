// Pass 2 over an SDN_ADVANCED file: each <DistinctParty> is captured on its own and resolved against the
// side tables of pass 1 (advanced.context.ts) into a self-contained raw record. Only one party is held at
// a time. Elements follow OFAC's sdn_advanced.xsd: Profile > Identity > Alias > DocumentedName >
// DocumentedNamePart > NamePartValue; Profile > Feature > FeatureVersion > VersionDetail / DatePeriod /
// VersionLocation.
import {
  readAdvancedContext,
  refElement,
  refText,
  unusableAdvanced,
  ADVANCED_ROOT,
  type AdvancedContext,
} from './advanced.context.ts';
import {
  resolveDocument,
  resolveEntry,
  resolveLocation,
  resolveRelation,
  elementDate,
  type ResolvedDocument,
  type ResolvedEntry,
  type ResolvedLocation,
  type ResolvedRelation,
} from './advanced.resolve.ts';
import { captureWiring, kid, kidText, kids, type XmlElement } from './xml-element.ts';
import { streamXml } from '../common/xml-stream.ts';

/** One documented name (one script) of one alias. */
export interface AdvancedName {
  aliasType: string;
  primary: boolean;
  lowQuality: boolean;
  /** ScriptCode of the name's parts, e.g. "Latin", "Cyrillic". */
  script: string;
  value: string;
  parts: { type: string; value: string }[];
}

/** A period as the widest ISO range it allows: Start/From … End/To. */
export interface AdvancedPeriod {
  from: string;
  to: string;
}

/** A feature (birth date, place, nationality, address, website …) with its resolved values. */
export interface AdvancedFeature {
  type: string;
  texts: string[];
  /** Looked-up values (DetailReference texts), e.g. "Male", "Subject to Directive 1". */
  references: string[];
  periods: AdvancedPeriod[];
  locations: ResolvedLocation[];
}

/** A DistinctParty with every reference resolved: the raw record of one entity. */
export interface AdvancedParty {
  fixedRef: string;
  partyType: string;
  partySubType: string;
  comment: string;
  names: AdvancedName[];
  features: AdvancedFeature[];
  documents: ResolvedDocument[];
  entries: ResolvedEntry[];
  relations: ResolvedRelation[];
}

export type AdvancedParseEvent =
  { type: 'context'; context: AdvancedContext } | { type: 'party'; line: number; party: AdvancedParty };

/** Streams the context (pass 1), then each party (pass 2); throws AppError('unusable_file') for bad XML. */
export async function* parseOfacAdvanced(path: string): AsyncGenerator<AdvancedParseEvent> {
  const context = await readAdvancedContext(path);
  yield { type: 'context', context };
  const wiring = captureWiring({
    root: ADVANCED_ROOT,
    select: (parent, name, depth) => depth === 3 && parent === 'DistinctParties' && name === 'DistinctParty',
  });
  for await (const { element } of streamXml(path, wiring, unusableAdvanced(path))) {
    yield { type: 'party', line: element.line, party: resolveParty(context, element) };
  }
}

function resolveParty(ctx: AdvancedContext, party: XmlElement): AdvancedParty {
  const profile = kid(party, 'Profile');
  const profileId = profile?.attrs['ID'] ?? '';
  const subType = refElement(ctx, 'PartySubType', profile?.attrs['PartySubTypeID']);
  const identities = profile === undefined ? [] : kids(profile, 'Identity');
  return {
    fixedRef: party.attrs['FixedRef'] ?? '',
    partyType: refText(ctx, 'PartyType', subType?.attrs['PartyTypeID']),
    partySubType: subType?.text ?? '',
    comment: kidText(party, 'Comment'),
    names: identities.flatMap((identity) => resolveNames(ctx, identity)),
    features: (profile === undefined ? [] : kids(profile, 'Feature')).map((f) => resolveFeature(ctx, f)),
    documents: identities
      .flatMap((i) => ctx.documentsByIdentity.get(i.attrs['ID'] ?? '') ?? [])
      .map((d) => resolveDocument(ctx, d)),
    entries: (ctx.entriesByProfile.get(profileId) ?? []).map((e) => resolveEntry(ctx, e)),
    relations: (ctx.relationsByProfile.get(profileId) ?? []).map((r) => resolveRelation(ctx, r)),
  };
}

/** Names of one identity; a part's type comes from the identity's NamePartGroups (Last Name, First Name …). */
function resolveNames(ctx: AdvancedContext, identity: XmlElement): AdvancedName[] {
  const partTypes = new Map<string, string>();
  for (const master of kids(kid(identity, 'NamePartGroups') ?? identity, 'MasterNamePartGroup')) {
    for (const group of kids(master, 'NamePartGroup'))
      partTypes.set(group.attrs['ID'] ?? '', refText(ctx, 'NamePartType', group.attrs['NamePartTypeID']));
  }
  return kids(identity, 'Alias').flatMap((alias) =>
    kids(alias, 'DocumentedName').map((documented) => {
      const values = kids(documented, 'DocumentedNamePart').flatMap((p) => kids(p, 'NamePartValue'));
      const parts = values.map((v) => ({
        type: partTypes.get(v.attrs['NamePartGroupID'] ?? '') ?? '',
        value: v.text,
      }));
      const script = refElement(ctx, 'Script', values[0]?.attrs['ScriptID']);
      return {
        aliasType: refText(ctx, 'AliasType', alias.attrs['AliasTypeID']),
        primary: alias.attrs['Primary'] === 'true',
        lowQuality: alias.attrs['LowQuality'] === 'true',
        script: script?.attrs['ScriptCode'] ?? script?.text ?? '',
        // OFAC's own order of the parts (last name first for individuals), as its other formats print them.
        value: parts
          .map((p) => p.value)
          .filter((v) => v !== '')
          .join(' '),
        parts,
      };
    }),
  );
}

function resolveFeature(ctx: AdvancedContext, feature: XmlElement): AdvancedFeature {
  const resolved: AdvancedFeature = {
    type: refText(ctx, 'FeatureType', feature.attrs['FeatureTypeID']),
    texts: [],
    references: [],
    periods: [],
    locations: [],
  };
  for (const version of kids(feature, 'FeatureVersion')) {
    for (const detail of kids(version, 'VersionDetail')) {
      if (detail.text !== '') resolved.texts.push(detail.text);
      const reference = refText(ctx, 'DetailReference', detail.attrs['DetailReferenceID']);
      if (reference !== '') resolved.references.push(reference);
    }
    for (const period of kids(version, 'DatePeriod')) {
      const widest = periodRange(period);
      if (widest !== undefined) resolved.periods.push(widest);
    }
    for (const place of kids(version, 'VersionLocation')) {
      const location = resolveLocation(ctx, place.attrs['LocationID']);
      if (location !== undefined) resolved.locations.push(location);
    }
  }
  return resolved;
}

/** Start/From … End/To (or the Start's own range when there is no End). */
function periodRange(period: XmlElement): AdvancedPeriod | undefined {
  const start = kid(period, 'Start');
  const end = kid(period, 'End') ?? start;
  const from = elementDate(start === undefined ? undefined : kid(start, 'From'));
  const to = elementDate(end === undefined ? undefined : kid(end, 'To'));
  if (from === '' && to === '') return undefined;
  return { from: from || to, to: to || from };
}
