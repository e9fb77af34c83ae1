// A small element tree for one XML element and its descendants (a DistinctParty, a Location …), built from
// SAX events. Unlike common/xml-object.ts it keeps attributes, which the SDN_ADVANCED schema uses for every
// reference (IDs, types, flags). Only the captured element is held in memory, never the whole document.
import { localName, type XmlWiring } from '../common/xml-stream.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Own text, whitespace-trimmed. */
  text: string;
  /** Line of the start tag. */
  line: number;
}

/** Builds the element opened first; `close` returns it once that element closes. */
export class ElementCapture {
  private readonly stack: XmlElement[] = [];

  get active(): boolean {
    return this.stack.length > 0;
  }

  open(name: string, attributes: Record<string, string>, line: number): void {
    const element: XmlElement = {
      name: localName(name),
      attrs: { ...attributes },
      children: [],
      text: '',
      line,
    };
    this.stack.at(-1)?.children.push(element);
    this.stack.push(element);
  }

  text(value: string): void {
    const top = this.stack.at(-1);
    if (top !== undefined) top.text += value;
  }

  close(): XmlElement | undefined {
    const element = this.stack.pop();
    if (element === undefined) return undefined;
    element.text = element.text.replace(/\s+/g, ' ').trim();
    return this.stack.length === 0 ? element : undefined;
  }
}

/** Child elements with this name, in document order. */
export function kids(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child element with this name. */
export function kid(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The text of the first child with this name, '' when absent. */
export function kidText(element: XmlElement, name: string): string {
  return kid(element, name)?.text ?? '';
}

/** A captured element and the name of its parent element. */
export interface Captured {
  parent: string;
  element: XmlElement;
}

export interface CaptureOptions {
  /** The expected root element; another root makes the file unusable. */
  root: string;
  /** True for an element to capture whole, given its parent's name and its depth (root = 1). */
  select(parent: string, name: string, depth: number): boolean;
  /** Sees the start tag of every element outside a captured one (cheap look-ups without capturing). */
  peek?(name: string, attributes: Record<string, string>, depth: number): void;
}

/** Wires a saxes parser (see common/xml-stream.ts) to emit the selected elements as trees. */
export function captureWiring(options: CaptureOptions) {
  return ({ parser, emit, fail }: XmlWiring<Captured>): void => {
    const capture = new ElementCapture();
    const path: string[] = [];
    let parent = '';
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      const attributes = tag.attributes as Record<string, string>;
      if (path.length === 0 && name !== options.root)
        fail(`root element is <${tag.name}>, expected <${options.root}>`);
      path.push(name);
      if (capture.active) return capture.open(name, attributes, parser.line);
      options.peek?.(name, attributes, path.length);
      if (options.select(path.at(-2) ?? '', name, path.length)) {
        parent = path.at(-2) ?? '';
        capture.open(name, attributes, parser.line);
      }
    });
    parser.on('text', (text) => capture.text(text));
    parser.on('cdata', (text) => capture.text(text));
    parser.on('closetag', () => {
      path.pop();
      if (!capture.active) return;
      const element = capture.close();
      if (element !== undefined) emit({ parent, element });
    });
  };
}
