// GLEIF level-2 relationship records (RR-CDF 2016, `rr:RelationshipData`, golden copy or delta files), streamed
// with saxes. Each `rr:RelationshipRecord` says "StartNode <type> EndNode":
//   IS_DIRECTLY_CONSOLIDATED_BY / IS_ULTIMATELY_CONSOLIDATED_BY → EndNode (parent) controls StartNode: an
//     accounting-consolidation link, i.e. control, NOT an equity share (share unknown, kind control);
//   IS_FUND-MANAGED_BY (manager → fund), IS_SUBFUND_OF (umbrella → sub-fund), IS_FEEDER_TO (feeder → master):
//     fund relations, kind other (they never restrict anyone).
// Endpoints are `party:lei:<LEI>` (or the caller's `partyRef('lei', LEI)`). The relationship period gives
// validFrom/validTo; the record's LastUpdateDate gives asOf. Spec: https://www.gleif.org/en/about-lei/
// common-data-file-format/relationship-record-cdf-format
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';
import { AppError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/ids.ts';
import { UNKNOWN_SHARE, type EdgeKind, type RelationEdge } from '../../graph/types.ts';
import { dayToIso, startDay } from '../../graph/dates.ts';
import { XmlObjectBuilder, childObjects, type XmlObject } from '../common/xml-object.ts';
import type { DetectInput, ImportWarning } from '../types.ts';
import { partyRefOf } from './party-ref.ts';
import type { RelationEvent, RelationFormat, RelationReadOptions } from './types.ts';

/** Relationship type → kind, and whether the StartNode is the owned side (true) or the owner side (false). */
const TYPES: Readonly<Record<string, { kind: EdgeKind; startIsOwned: boolean }>> = {
  IS_DIRECTLY_CONSOLIDATED_BY: { kind: 'control', startIsOwned: true },
  IS_ULTIMATELY_CONSOLIDATED_BY: { kind: 'control', startIsOwned: true },
  'IS_FUND-MANAGED_BY': { kind: 'other', startIsOwned: true },
  IS_SUBFUND_OF: { kind: 'other', startIsOwned: true },
  IS_FEEDER_TO: { kind: 'other', startIsOwned: false },
};

const LEI = /^[A-Z0-9]{18}[0-9]{2}$/;

interface RrRecord {
  line: number;
  data: XmlObject;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function text(node: XmlObject | undefined, ...path: string[]): string {
  let cur: unknown = node;
  for (const p of path) cur = cur === undefined ? undefined : (cur as XmlObject)[p];
  if (Array.isArray(cur)) cur = cur[0];
  return typeof cur === 'string' ? cur : '';
}

/** The date part of an xs:dateTime, if it is one. */
function datePart(value: string): IsoDate | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m === null ? undefined : (m[1] as IsoDate);
}

function unusable(path: string, reason: string): AppError {
  return new AppError('unusable_file', `${path} is not a readable GLEIF relationship file: ${reason}`, {
    where: path,
    hint: 'use a GLEIF level-2 relationship (RR-CDF) XML file, e.g. the golden copy rr.xml',
  });
}

/** Streams the header date and every RelationshipRecord; throws if the XML is malformed or not RR-CDF. */
async function* parseRr(path: string): AsyncGenerator<{ contentDate?: string } | RrRecord> {
  const out: ({ contentDate?: string } | RrRecord)[] = [];
  const errors: string[] = [];
  const parser = new SaxesParser({ position: true });
  const builder = new XmlObjectBuilder();
  let root: string | undefined;
  let line = 0;
  let inContentDate = false;
  // The line where a record's start tag begins (its attributes span several lines).
  parser.on('opentagstart', (tag) => {
    if (!builder.active && local(tag.name) === 'RelationshipRecord') line = parser.line;
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (root === undefined) {
      root = name;
      if (name !== 'RelationshipData')
        errors.push(`root element is <${tag.name}>, expected <rr:RelationshipData>`);
    }
    if (builder.active || name === 'RelationshipRecord') builder.open(name);
    inContentDate = name === 'ContentDate' && !builder.active;
  });
  parser.on('text', (t) => {
    if (builder.active) builder.text(t);
    else if (inContentDate) out.push({ contentDate: t.trim() });
  });
  parser.on('closetag', () => {
    inContentDate = false;
    if (!builder.active) return;
    const data = builder.close();
    if (data !== undefined) out.push({ line, data });
  });
  parser.on('error', (e) => errors.push(e.message));
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    parser.write(chunk as string);
    if (errors.length > 0) throw unusable(path, errors[0]!);
    yield* out.splice(0);
  }
  parser.close();
  if (errors.length > 0) throw unusable(path, errors[0]!);
  if (root === undefined) throw unusable(path, 'the file is empty');
  yield* out.splice(0);
}

/** The RELATIONSHIP_PERIOD's start and (inclusive) end, the end turned into an exclusive validTo. */
function period(rel: XmlObject): Pick<RelationEdge, 'validFrom' | 'validTo'> {
  const periods = childObjects(
    (rel['RelationshipPeriods'] as XmlObject | undefined) ?? {},
    'RelationshipPeriod',
  );
  const p = periods.find((x) => text(x, 'PeriodType') === 'RELATIONSHIP_PERIOD');
  const out: Pick<RelationEdge, 'validFrom' | 'validTo'> = {};
  const from = datePart(text(p, 'StartDate'));
  const to = datePart(text(p, 'EndDate'));
  if (from !== undefined) out.validFrom = from;
  if (to !== undefined) out.validTo = dayToIso(startDay(to) + 1) as IsoDate;
  return out;
}

type Mapped = { edge: RelationEdge } | { warning: Omit<ImportWarning, 'file' | 'line'> };

function bad(reason: string): Mapped {
  return { warning: { reason, severity: 'bad_record' } };
}

/** One record → one edge, or the reason it gives none. */
function mapRecord(data: XmlObject, options: RelationReadOptions, fileDate: IsoDate | undefined): Mapped {
  const rel = data['Relationship'] as XmlObject | undefined;
  const type = text(rel, 'RelationshipType');
  const spec = TYPES[type];
  if (rel === undefined || spec === undefined)
    return bad(`relationship type "${type}" is not one Embargo reads`);
  const start = text(rel, 'StartNode', 'NodeID');
  const end = text(rel, 'EndNode', 'NodeID');
  for (const [node, side] of [
    [start, 'StartNode'],
    [end, 'EndNode'],
  ] as const) {
    const idType = text(rel, side, 'NodeIDType');
    if (idType !== 'LEI' || !LEI.test(node))
      return bad(`${side} "${node}" (${idType || 'no type'}) is not an LEI`);
  }
  if (text(rel, 'RelationshipStatus') === 'INACTIVE') {
    return { warning: { reason: `${start} ${type} ${end} is INACTIVE: skipped`, severity: 'note' } };
  }
  const ref = partyRefOf(options);
  const [owner, owned] = spec.startIsOwned ? [end, start] : [start, end];
  const status = text(data, 'Registration', 'RegistrationStatus');
  const edge: RelationEdge = {
    owner: ref('lei', owner),
    owned: ref('lei', owned),
    kind: spec.kind,
    share: UNKNOWN_SHARE,
    source: 'gleif-rr',
    note: status === 'PUBLISHED' || status === '' ? type : `${type} (registration ${status})`,
    ...period(rel),
  };
  const asOf = datePart(text(data, 'Registration', 'LastUpdateDate')) ?? options.asOf ?? fileDate;
  if (asOf !== undefined) edge.asOf = asOf;
  return { edge };
}

/** Streams the edges of a GLEIF relationship file. */
export async function* readGleifRr(
  path: string,
  options: RelationReadOptions = {},
): AsyncGenerator<RelationEvent> {
  const file = basename(path);
  let fileDate: IsoDate | undefined;
  let rows = 0;
  for await (const item of parseRr(path)) {
    if (!('data' in item)) {
      fileDate = datePart(item.contentDate ?? '');
      continue;
    }
    rows++;
    const mapped = mapRecord(item.data, options, fileDate);
    if ('edge' in mapped) yield { type: 'edge', edge: mapped.edge, line: item.line };
    else yield { type: 'warning', warning: { file, line: item.line, ...mapped.warning } };
  }
  yield { type: 'end', rowsRead: rows };
}

export const gleifRrFormat: RelationFormat = {
  id: 'gleif_rr',
  description: 'GLEIF level-2 relationship records (RR-CDF XML)',
  detect: (input: DetectInput) =>
    !input.isDirectory && /RelationshipData|gleif\.org\/data\/schema\/rr\//.test(input.head),
  read: readGleifRr,
};
