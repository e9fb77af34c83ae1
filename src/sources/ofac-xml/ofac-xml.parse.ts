// Streams OFAC's classic XML files (SDN.XML and CONSOLIDATED.XML, schema http://tempuri.org/sdnList.xsd)
// into one plain object per <sdnEntry>. Root <sdnList>; <publshInformation> (sic) holds Publish_Date
// (MM/DD/YYYY) and Record_Count. The classic schema has no attributes, so un-xml's object builder fits.
import { AppError } from '../../domain/errors.ts';
import { streamXml, localName, type XmlWiring } from '../common/xml-stream.ts';
import { childText, XmlObjectBuilder, type XmlObject } from '../common/xml-object.ts';

export const OFAC_XML_ROOT = 'sdnList';

/** The publication header as printed. */
export interface OfacXmlHeader {
  publishDate: string;
  recordCount: string;
  /** Line of the header element, for a note about the count. */
  line: number;
}

/** One <sdnEntry> with the line of its start tag. */
export interface OfacXmlEntry {
  line: number;
  data: XmlObject;
}

export type OfacXmlParseEvent =
  { type: 'header'; header: OfacXmlHeader } | { type: 'entry'; entry: OfacXmlEntry };

const CAPTURED: ReadonlySet<string> = new Set(['publshInformation', 'sdnEntry']);

function wire({ parser, emit, fail }: XmlWiring<OfacXmlParseEvent>): void {
  const builder = new XmlObjectBuilder();
  let current: { name: string; line: number } | undefined;
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    const name = localName(tag.name);
    if (depth === 1 && name !== OFAC_XML_ROOT)
      fail(`root element is <${tag.name}>, expected <${OFAC_XML_ROOT}>`);
    if (depth === 2 && CAPTURED.has(name)) current = { name, line: parser.line };
    if (current !== undefined) builder.open(name);
  });
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  parser.on('closetag', () => {
    depth--;
    if (current === undefined) return;
    const data = builder.close();
    if (data === undefined) return;
    if (current.name === 'sdnEntry') emit({ type: 'entry', entry: { line: current.line, data } });
    else emit({ type: 'header', header: header(data, current.line) });
    current = undefined;
  });
}

function header(data: XmlObject, line: number): OfacXmlHeader {
  return { publishDate: childText(data, 'Publish_Date'), recordCount: childText(data, 'Record_Count'), line };
}

function unusable(path: string) {
  return (reason: string, cause?: unknown): AppError =>
    new AppError('unusable_file', `${path} is not a readable OFAC XML list (sdnList): ${reason}`, {
      where: path,
      hint: 'download the complete SDN.XML / CONSOLIDATED.XML again from OFAC, or choose another --format',
      cause,
    });
}

/** Streams header and entry events; throws AppError('unusable_file') if the XML is malformed or truncated. */
export function parseOfacXml(path: string): AsyncGenerator<OfacXmlParseEvent> {
  return streamXml(path, wire, unusable(path));
}
