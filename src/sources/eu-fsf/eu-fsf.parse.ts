// Bytes → raw entries of the EU Financial Sanctions File (FSF) XML, "xmlFullSanctionsList_1_1" (European
// Commission, webgate.ec.europa.eu/fsd/fsf): root <export generationDate globalFileId>, one <sanctionEntity>
// per listed party with attributes logicalId, euReferenceNumber, unitedNationId, designationDate,
// designationDetails and children <remark>, <regulation> (with <publicationUrl>), <subjectType code>,
// <nameAlias>, <citizenship>, <birthdate>, <address>, <identification>. Element and attribute names follow
// the published file as read by public parsers (OpenSanctions zavod/shed/fsf.py and others).
// UNVERIFIED on a real file: none was available here (docs/design/sources-core-b2.md). Streams with saxes;
// namespace prefixes are ignored (elements are matched by local name).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../domain/errors.ts';
import type { IsoDate } from '../../domain/ids.ts';
import { isoLikeDate } from '../common/list-dates.ts';
import type { ImportWarning } from '../types.ts';

export type Attrs = Record<string, string>;

/** One <sanctionEntity>, attributes as printed. */
export interface FsfEntry {
  file: string;
  /** Line of the <sanctionEntity> start tag. */
  line: number;
  attrs: Attrs;
  subjectType?: string;
  remarks: string[];
  names: Attrs[];
  citizenships: Attrs[];
  birthdates: Attrs[];
  addresses: Attrs[];
  identifications: Attrs[];
  /** Regulation attributes plus `publicationUrl` from the child element. */
  regulations: Attrs[];
}

export type FsfParseEvent =
  | { type: 'asOf'; date: IsoDate }
  | { type: 'record'; record: FsfEntry }
  | { type: 'warning'; warning: ImportWarning }
  | { type: 'end'; rowsRead: number };

const CHILD_LISTS = {
  nameAlias: 'names', citizenship: 'citizenships', birthdate: 'birthdates', address: 'addresses',
  identification: 'identifications', regulation: 'regulations',
} as const;

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Streams the entries of one FSF XML file; throws unusable_file when the root is not <export>. */
export async function* parseEuFsf(path: string): AsyncGenerator<FsfParseEvent> {
  const file = basename(path);
  const state = newState(file);
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => onOpen(state, tag as SaxesTagPlain, parser.line));
  parser.on('text', (text) => void (state.text += text));
  parser.on('closetag', (tag) => onClose(state, local(tag.name)));
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
      parser.write(chunk as string);
      yield* state.out.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    yield* state.out.splice(0);
    if (state.root === undefined) {
      throw new AppError('unusable_file', `cannot read ${file} as XML`, { where: path, hint: 'check the file is the EU FSF XML export', cause: error });
    }
    yield { type: 'warning', warning: { file, line: parser.line, reason: `XML error, rest of file skipped: ${(error as Error).message}`, severity: 'bad_record' } };
  }
  if (state.root === undefined) throw new AppError('unusable_file', `${file} has no root element`, { where: path, hint: 'expected <export> with <sanctionEntity> elements' });
  yield { type: 'end', rowsRead: state.count };
}

interface State {
  file: string;
  root?: string;
  entry?: FsfEntry | undefined;
  regulation?: Attrs | undefined;
  text: string;
  /** Open elements (local names), outermost first. */
  stack: string[];
  count: number;
  out: FsfParseEvent[];
}

function newState(file: string): State {
  return { file, text: '', stack: [], count: 0, out: [] };
}

function onOpen(state: State, tag: SaxesTagPlain, line: number): void {
  const name = local(tag.name);
  const attrs = tag.attributes as Attrs;
  state.text = '';
  state.stack.push(name);
  if (state.root === undefined) {
    state.root = name;
    if (name !== 'export') throw new AppError('unusable_file', `${state.file} is not an EU FSF file: root element is <${name}>`, { where: state.file, hint: 'expected <export> with <sanctionEntity> elements (EU Financial Sanctions File XML)' });
    const asOf = isoLikeDate((attrs['generationDate'] ?? '').slice(0, 10));
    if (asOf !== undefined) state.out.push({ type: 'asOf', date: asOf });
    return;
  }
  if (name === 'sanctionEntity') {
    state.count++;
    state.entry = { file: state.file, line, attrs, remarks: [], names: [], citizenships: [], birthdates: [], addresses: [], identifications: [], regulations: [] };
    return;
  }
  const entry = state.entry;
  if (entry === undefined) return;
  if (name === 'subjectType') entry.subjectType = attrs['code'] ?? '';
  const list = CHILD_LISTS[name as keyof typeof CHILD_LISTS];
  if (list !== undefined) {
    const copy = { ...attrs };
    entry[list].push(copy);
    if (name === 'regulation') state.regulation = copy;
  }
}

function onClose(state: State, name: string): void {
  const entry = state.entry;
  const text = state.text.replace(/\s+/g, ' ').trim();
  state.text = '';
  state.stack.pop();
  const parent = state.stack.at(-1);
  if (entry === undefined) return;
  // Only an entity's own <remark> (not one inside nameAlias/address/…) is kept as an entity remark.
  if (name === 'remark' && parent === 'sanctionEntity' && text !== '') entry.remarks.push(text);
  else if (name === 'publicationUrl' && state.regulation !== undefined) state.regulation['publicationUrl'] = text;
  else if (name === 'regulation') state.regulation = undefined;
  else if (name === 'sanctionEntity') {
    state.out.push({ type: 'record', record: entry });
    state.entry = undefined;
  }
}
