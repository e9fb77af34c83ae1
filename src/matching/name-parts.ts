// Names that hold other names: "Gazprom Telekom, OOO (f.k.a. Zakrytoe Aktsionernoe Obshchestvo Gaztelekom)".
// Lists (the CSL, OFAC) and customer data alike write a former or other name inside the name field; each part
// names the party on its own, so each is screened (queries) or indexed (listed names) as a name of its own.

/**
 * "f.k.a." (formerly known as), "a.k.a." (also known as), "n.k.a." (now known as), with dots, slashes or
 * spaces between the letters ("f/k/a", "f k a" once punctuation is lost), and the spelled-out forms.
 * A bare "aka" or "fka" is left alone: it can be a name word.
 */
const MARKER =
  /[([]?\s*(?:\b[fan](?:\.\s?|\/|\s)k(?:\.\s?|\/|\s)a\b\.?|\b(?:formerly|also|now) known as\b)[,:]?/giu;

/** Fewer letters than this is no name (a stray bracket or "Ltd" left over). */
const MIN_PART_LETTERS = 2;

/** The name itself, then each name within it (when it holds a marker); a name without one comes back alone. */
export function namesWithin(name: string): string[] {
  MARKER.lastIndex = 0;
  if (!MARKER.test(name)) return [name];
  const parts = name
    .split(MARKER)
    .map((p) => p.replace(/[()[\]]/g, ' ').replace(/^[\s,;:.]+|[\s,;:]+$/g, ''))
    .filter((p) => (p.match(/\p{L}/gu)?.length ?? 0) >= MIN_PART_LETTERS);
  return parts.length < 2 ? [name] : [name, ...parts];
}
