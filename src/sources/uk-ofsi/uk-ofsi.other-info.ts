// OFSI's "Other Information" cell packs labelled facts into one text:
//   "(UK Sanctions List Ref):RUS0251. … (UK Statement of Reasons):Vladimir … (Gender):Male"
// The labels below are those found in the file (counts in the 10/04/2025 edition in brackets); the text
// between one known label and the next is its value.
const LABELS = [
  'UK Sanctions List Ref', // 18,795
  'UK Statement of Reasons', // 10,657
  'UN Ref', // 8,108
  'Gender', // 7,409
  'Phone number', 'Email address', 'Website', 'Fax', 'Type of entity',
  'Parent company', // 900
  'Subsidiaries', // 425
  'Business Reg No', // 689
  'IMO number', 'Flag of ship', 'Type of ship', 'Tonnage of ship', 'Length of ship', 'Year built',
  'Current owners', 'Previous flags',
] as const;
export type OtherInfoLabel = (typeof LABELS)[number];

const LABEL_RE = new RegExp(`\\((${LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\):`, 'g');

/** The labelled values of an Other Information text (first occurrence of each label). */
export function otherInformation(text: string): Partial<Record<OtherInfoLabel, string>> {
  const found: { label: OtherInfoLabel; start: number; end: number }[] = [];
  for (const m of text.matchAll(LABEL_RE)) found.push({ label: m[1] as OtherInfoLabel, start: m.index, end: m.index + m[0].length });
  const result: Partial<Record<OtherInfoLabel, string>> = {};
  found.forEach((f, i) => {
    const value = text.slice(f.end, found[i + 1]?.start ?? text.length).trim().replace(/\.$/, '').trim();
    if (value !== '' && result[f.label] === undefined) result[f.label] = value;
  });
  return result;
}
