// Turns the SAX events of one XML element into a plain object (the record's `raw` and the mapper's input).
// Repeated child elements become arrays; empty elements are dropped; text is trimmed but otherwise kept.

export type XmlValue = string | XmlObject;
export interface XmlObject {
  [tag: string]: XmlValue | XmlValue[];
}

interface Frame {
  tag: string;
  children: XmlObject;
  hasChildren: boolean;
  text: string;
}

/** Builds one element's object from open/text/close events; `close` returns it when its root closes. */
export class XmlObjectBuilder {
  private readonly stack: Frame[] = [];

  /** True while inside the element being built. */
  get active(): boolean {
    return this.stack.length > 0;
  }

  open(tag: string): void {
    const parent = this.stack.at(-1);
    if (parent !== undefined) parent.hasChildren = true;
    this.stack.push({ tag, children: {}, hasChildren: false, text: '' });
  }

  text(value: string): void {
    const top = this.stack.at(-1);
    if (top !== undefined) top.text += value;
  }

  /** Closes the innermost element; returns the root's object when the root itself closes. */
  close(): XmlObject | undefined {
    const frame = this.stack.pop();
    if (frame === undefined) return undefined;
    const parent = this.stack.at(-1);
    if (parent === undefined) return frame.children;
    const value: XmlValue = frame.hasChildren ? frame.children : frame.text.trim();
    if (value === '' || (typeof value === 'object' && Object.keys(value).length === 0)) return undefined;
    const existing = parent.children[frame.tag];
    if (existing === undefined) parent.children[frame.tag] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent.children[frame.tag] = [existing, value];
    return undefined;
  }
}

/** Every value of a child element, in document order (a single value becomes a one-element list). */
export function children(node: XmlObject, tag: string): XmlValue[] {
  const value = node[tag];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Child elements that have children of their own (e.g. every INDIVIDUAL_ALIAS). */
export function childObjects(node: XmlObject, tag: string): XmlObject[] {
  return children(node, tag).filter((v): v is XmlObject => typeof v === 'object');
}

/** Text children, e.g. the VALUEs of a NATIONALITY, or a single text element. */
export function childTexts(node: XmlObject, tag: string): string[] {
  return children(node, tag).filter((v): v is string => typeof v === 'string');
}

/** The first text value of a child element, or '' when absent. */
export function childText(node: XmlObject, tag: string): string {
  return childTexts(node, tag)[0] ?? '';
}

/** The VALUE texts of every `<TAG><VALUE>…</VALUE></TAG>` wrapper (UN NATIONALITY, TITLE, DESIGNATION). */
export function wrappedValues(node: XmlObject, tag: string): string[] {
  return childObjects(node, tag).flatMap((wrapper) => childTexts(wrapper, 'VALUE'));
}
