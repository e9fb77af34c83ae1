// Streams the UN Security Council Consolidated List XML (schema https://www.un.org/sc/resources/sc-sanctions.xsd)
// into one plain object per INDIVIDUAL / ENTITY element. The file is read in chunks through saxes, never as a DOM.
// A file that is not well-formed XML (e.g. truncated) is unusable as a whole: an import must not treat the
// entries read before the break as the complete list, so the parser throws AppError('unusable_file').
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { AppError } from '../../domain/errors.ts';
import { XmlObjectBuilder, type XmlObject } from '../common/xml-object.ts';

export type UnRecordKind = 'INDIVIDUAL' | 'ENTITY';

/** One listed individual or entity as read from the XML. */
export interface UnRecord {
  kind: UnRecordKind;
  /** Line of the element's start tag. */
  line: number;
  data: XmlObject;
}

export type UnParseEvent =
  /** Emitted once, at the root element: the `dateGenerated` attribute as printed (ISO date-time). */
  { type: 'header'; dateGenerated: string | undefined } | { type: 'record'; record: UnRecord };

const ROOT = 'CONSOLIDATED_LIST';
const RECORD_TAGS: ReadonlySet<string> = new Set<UnRecordKind>(['INDIVIDUAL', 'ENTITY']);

/** Wires a saxes parser to push header/record events into `out`; errors are collected, not thrown mid-chunk. */
function createParser(out: UnParseEvent[], errors: string[]): SaxesParser {
  const parser = new SaxesParser({ position: true });
  const builder = new XmlObjectBuilder();
  let current: { kind: UnRecordKind; line: number } | undefined;
  let sawRoot = false;
  parser.on('opentag', (tag) => {
    if (!sawRoot) {
      sawRoot = true;
      if (tag.name !== ROOT) errors.push(`root element is <${tag.name}>, expected <${ROOT}>`);
      const generated = tag.attributes['dateGenerated'];
      out.push({ type: 'header', dateGenerated: typeof generated === 'string' ? generated : undefined });
      return;
    }
    if (!builder.active && RECORD_TAGS.has(tag.name))
      current = { kind: tag.name as UnRecordKind, line: parser.line };
    if (current !== undefined) builder.open(tag.name);
  });
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  parser.on('closetag', () => {
    if (current === undefined) return;
    const data = builder.close();
    if (data === undefined) return;
    out.push({ type: 'record', record: { ...current, data } });
    current = undefined;
  });
  parser.on('error', (error) => errors.push(error.message));
  return parser;
}

function unusable(path: string, reason: string, cause?: unknown): AppError {
  return new AppError('unusable_file', `${path} is not a readable UN consolidated list: ${reason}`, {
    where: path,
    hint: 'download the complete file again from https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    cause,
  });
}

/** Streams header and record events; throws AppError('unusable_file') if the XML is malformed or truncated. */
export async function* parseUnXml(path: string): AsyncGenerator<UnParseEvent> {
  const out: UnParseEvent[] = [];
  const errors: string[] = [];
  const parser = createParser(out, errors);
  let stream: AsyncIterable<string>;
  try {
    stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
    for await (const chunk of stream) {
      parser.write(chunk);
      if (errors.length > 0) throw unusable(path, errors[0]!);
      yield* out.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unusable(path, error instanceof Error ? error.message : String(error), error);
  }
  // saxes reports a truncated document (unclosed tags, no root) only when it is closed.
  if (errors.length > 0) throw unusable(path, errors[0]!);
  yield* out.splice(0);
}
