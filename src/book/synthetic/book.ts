// A realistic synthetic counterparty book for the benchmark (`npm run bench:book`): parties in several scripts, an
// ownership forest shaped like corporate groups (5 % roots, chains down to 7 levels, persons as ultimate owners,
// joint ventures as second owners), and planted hits whose expected outcome is known:
//   - name: a party named as a listed entity, exactly or closely (case, legal form, a typo, person-name order),
//     a quarter of them carrying the entity's identifier;
//   - subsidiary: companies owned 100 % by a planted party, and 60 % by that one in turn (a chain), and joint
//     ventures held 30 % + 25 % by two planted parties of OFAC SDN entities;
//   - what-if: parties named as entities that are not listed yet (the what-if lists them), with subsidiaries.
import type { Entity } from '../../domain/entity.ts';
import { caption } from '../../domain/entity.ts';
import { exactShare, partyNode, shareRange, UNKNOWN_SHARE, type RelationEdge } from '../../graph/index.ts';
import type { PartyRecord } from '../../store/index.ts';
import type { SimulatedListing } from '../what-if/simulated.ts';
import {
  coinedWord,
  companyName,
  personName,
  pick,
  scriptOf,
  SCRIPT_COUNTRIES,
  seededRandom,
  type Random,
} from './names.ts';

export interface SyntheticOptions {
  parties: number;
  relations: number;
  /** Listed entities to plant hits on (restricted owners under some rule). */
  listed: readonly Entity[];
  plantedNames?: number;
  futureListings?: number;
  seed?: number;
}

export type PlantKind = 'name' | 'subsidiary' | 'whatif-name' | 'whatif-subsidiary';

export interface Planted {
  partyId: string;
  kind: PlantKind;
  /** The listed entity (name hits and their subsidiaries) or the index of the future listing (what-if). */
  entityId?: string;
  future?: number;
  variant?: string;
}

export interface SyntheticBook {
  parties: PartyRecord[];
  relations: RelationEdge[];
  planted: Planted[];
  /** The listings the what-if simulates. */
  future: SimulatedListing[];
}

const ROLES = ['customer', 'supplier', 'consignee', 'end_user', 'bank', 'agent'];
/** The same legal form written another way, as customer files do ("CO., LTD." / "Company Limited"). */
const LEGAL_SPELLINGS: readonly [RegExp, string][] = [
  [/\bCO\.?,? LTD\.?(?=\s|$)/i, 'Company Limited'],
  [/\bCOMPANY LIMITED\b/i, 'Co., Ltd.'],
  [/\bLIMITED\b/i, 'Ltd'],
  [/\bLTD\.?(?=\s|$)/i, 'Limited'],
  [/\bLLC\b/i, 'L.L.C.'],
  [/\bINC\.?(?=\s|$)/i, 'Incorporated'],
  [/\bGMBH\b/i, 'G.m.b.H.'],
  [/\bS\.A\.(?=\s|,|$)/i, 'SA'],
  [/\bJSC\b/i, 'J.S.C.'],
];
const FUTURE_SYLLABLES = ['kry', 'xo', 'phe', 'tho', 'lyx', 'vu', 'qi', 'zor'];

const id = (n: number): string => `B${String(n).padStart(7, '0')}`;

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s(-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** A close variant of a listed name, as a customer file would spell it. */
export function variantOf(name: string, variant: string, person: boolean): string {
  switch (variant) {
    case 'case':
      return titleCase(name);
    case 'legal-form': {
      const spelling = LEGAL_SPELLINGS.find(([form]) => form.test(name));
      if (spelling !== undefined) return name.replace(spelling[0], spelling[1]);
      return person ? titleCase(name) : `${name} Ltd`;
    }
    case 'typo': {
      const tokens = name.split(' ');
      const longest = tokens.reduce(
        (a, b) => (b.replace(/\W/g, '').length > a.replace(/\W/g, '').length ? b : a),
        '',
      );
      if (longest.length < 7) return name;
      const t = longest.slice(0, 3) + longest[4] + longest[3] + longest.slice(5);
      return tokens.map((x) => (x === longest ? t : x)).join(' ');
    }
    case 'reorder': {
      const tokens = name.replace(/,/g, '').split(/\s+/);
      return person && tokens.length >= 2 ? [...tokens.slice(1), tokens[0]].join(' ') : name;
    }
    default:
      return name;
  }
}

interface Builder {
  random: Random;
  parties: PartyRecord[];
  relations: RelationEdge[];
  planted: Planted[];
}

function edge(
  owner: number,
  owned: number,
  share: RelationEdge['share'],
  source = 'synthetic',
): RelationEdge {
  return {
    owner: partyNode(id(owner)),
    owned: partyNode(id(owned)),
    kind: 'ownership',
    share,
    source,
    asOf: '2025-06-30' as RelationEdge['asOf'] & string,
  };
}

function randomParty(b: Builder, n: number, person: boolean): PartyRecord {
  const script = scriptOf(b.random);
  const p: PartyRecord = {
    partyId: id(n),
    name: person ? personName(b.random, script) : companyName(b.random, script),
    schema: person ? 'Person' : 'Company',
    country: pick(b.random, SCRIPT_COUNTRIES[script]),
    identifiers: [],
    roles: [pick(b.random, ROLES)],
  };
  if (!person && b.random() < 0.2) p.identifiers.push(`lei:${randomLei(b.random)}`);
  return p;
}

function randomLei(random: Random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < 18; i++) s += chars[Math.floor(random() * chars.length)];
  return `${s}${String(Math.floor(random() * 90) + 10)}`;
}

/** Parties for listed names, their subsidiaries and joint ventures; returns the next free index. */
function plantNames(b: Builder, listed: readonly Entity[], count: number, next: number): number {
  const variants = ['exact', 'case', 'legal-form', 'typo', 'reorder'];
  const parents: { n: number; entity: Entity }[] = [];
  for (let k = 0; k < count && k < listed.length; k++) {
    const entity = listed[Math.floor((k * listed.length) / count)]!;
    const person = entity.schema === 'Person';
    const variant = variants[k % variants.length]!;
    const n = next++;
    const party: PartyRecord = {
      partyId: id(n),
      name: variantOf(caption(entity), variant, person),
      schema: person ? 'Person' : 'Company',
      identifiers: [],
      roles: ['customer'],
    };
    const country =
      entity.countries[0]?.code ?? entity.addresses.find((a) => a.country !== undefined)?.country;
    if (country !== undefined) party.country = country;
    const ident = entity.identifiers.find(
      (i) => i.value.replace(/[^0-9A-Za-z]/g, '').length >= 4 && /^[a-z_]+$/.test(i.type),
    );
    if (k % 4 === 0 && ident !== undefined) party.identifiers.push(`${ident.type}:${ident.value}`);
    b.parties.push(party);
    b.planted.push({ partyId: party.partyId, kind: 'name', entityId: entity.id, variant });
    parents.push({ n, entity });
    if (k % 2 === 0 && !person) next = plantChain(b, n, next, { entityId: entity.id });
  }
  return plantJointVentures(b, parents, next);
}

/** S1 owned 100 % by the parent, S2 owned 60 % by S1. */
function plantChain(
  b: Builder,
  parent: number,
  next: number,
  mark: Pick<Planted, 'entityId' | 'future'>,
  kind: PlantKind = 'subsidiary',
): number {
  const s1 = next++;
  const s2 = next++;
  for (const n of [s1, s2]) {
    const p = randomParty(b, n, false);
    b.parties.push(p);
    b.planted.push({ partyId: p.partyId, kind, ...mark });
  }
  b.relations.push(edge(parent, s1, exactShare(1)), edge(s1, s2, exactShare(0.6)));
  return next;
}

/** Joint ventures of two planted parents of OFAC SDN entities: 30 % + 25 % = 55 % ≥ 50 % in aggregate. */
function plantJointVentures(
  b: Builder,
  parents: readonly { n: number; entity: Entity }[],
  next: number,
): number {
  const sdn = parents.filter((p) => p.entity.listId === 'us_ofac_sdn' && p.entity.schema !== 'Person');
  for (let i = 0; i + 1 < sdn.length; i += 10) {
    const jv = next++;
    const p = randomParty(b, jv, false);
    b.parties.push(p);
    b.planted.push({
      partyId: p.partyId,
      kind: 'subsidiary',
      entityId: sdn[i]!.entity.id,
      variant: 'joint venture 30 % + 25 %',
    });
    b.relations.push(edge(sdn[i]!.n, jv, exactShare(0.3)), edge(sdn[i + 1]!.n, jv, exactShare(0.25)));
  }
  return next;
}

/** Entities that are not listed yet, two parties named as each, and a chain of subsidiaries under each. */
function plantFuture(b: Builder, count: number, next: number): { next: number; future: SimulatedListing[] } {
  const future: SimulatedListing[] = [];
  for (let f = 0; f < count; f++) {
    const word = () =>
      FUTURE_SYLLABLES.map(() => pick(b.random, FUTURE_SYLLABLES))
        .slice(0, 3)
        .join('');
    const name = `${word().charAt(0).toUpperCase()}${word().slice(1)} ${coinedWord(b.random)} Avionics Co., Ltd.`;
    future.push({ name, list: 'us_ofac_sdn', country: 'cn', programs: ['SDGT'] });
    for (const variant of ['exact', 'legal-form']) {
      const n = next++;
      b.parties.push({
        partyId: id(n),
        name: variantOf(name, variant, false),
        schema: 'Company',
        country: 'cn',
        identifiers: [],
        roles: ['supplier'],
      });
      b.planted.push({ partyId: id(n), kind: 'whatif-name', future: f, variant });
      if (variant === 'exact') next = plantChain(b, n, next, { future: f }, 'whatif-subsidiary');
    }
  }
  return { next, future };
}

function shareFor(random: Random): Pick<RelationEdge, 'kind' | 'share'> {
  const r = random();
  if (r < 0.6) return { kind: 'ownership', share: exactShare((10 + Math.floor(random() * 91)) / 100) };
  if (r < 0.8)
    return {
      kind: 'ownership',
      share: pick(random, [shareRange(0.25, 0.5), shareRange(0.500001, 0.75), shareRange(0.75, 1)]),
    };
  if (r < 0.9) return { kind: 'ownership', share: UNKNOWN_SHARE };
  return { kind: 'control', share: UNKNOWN_SHARE };
}

/** The random forest over parties [from, total): persons own, companies are owned; then joint-venture edges. */
function forest(b: Builder, from: number, total: number, relations: number): void {
  const roots = from + Math.floor((total - from) * 0.05);
  const depth = new Uint8Array(total);
  const person = new Uint8Array(total);
  for (let n = from; n < total; n++) {
    person[n] = n >= roots && b.random() < 0.25 ? 1 : 0;
    b.parties.push(randomParty(b, n, person[n] === 1));
  }
  const ownerFor = (n: number): number => {
    let o = Math.max(from, n - 1 - Math.floor(b.random() * 1000));
    while (depth[o]! >= 7 && o > from) o--;
    return o;
  };
  for (let n = roots; n < total && b.relations.length < relations; n++) {
    if (person[n] === 1) continue;
    const owner = ownerFor(n);
    depth[n] = depth[owner]! + 1;
    b.relations.push({ ...edge(owner, n, UNKNOWN_SHARE), ...shareFor(b.random) });
  }
  while (b.relations.length < relations) {
    const owned = roots + Math.floor(b.random() * (total - roots));
    if (person[owned] === 1) continue;
    b.relations.push(
      edge(ownerFor(owned), owned, exactShare((10 + Math.floor(b.random() * 40)) / 100), 'synthetic-jv'),
    );
  }
}

/** Generates the book. */
export function syntheticBook(options: SyntheticOptions): SyntheticBook {
  const b: Builder = { random: seededRandom(options.seed ?? 42), parties: [], relations: [], planted: [] };
  let next = plantNames(b, options.listed, options.plantedNames ?? 400, 0);
  const planted = plantFuture(b, options.futureListings ?? 3, next);
  next = planted.next;
  forest(b, next, options.parties, options.relations);
  return { parties: b.parties, relations: b.relations, planted: b.planted, future: planted.future };
}
