// The parties named in a Covered List description. The FCC writes each entry as one sentence:
//   "Telecommunications equipment produced by Huawei Technologies Company, including …"
//   "… supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors, …"
//   "… provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC subject to section 214 …"
// The party is what follows "produced/provided/supplied … by" up to the clause that ends the name. Entries
// that cover a category ("… produced in a foreign country") name no party.

export interface CoveredParty {
  name: string;
  /** Set for a subsidiary the text says is wholly owned by another named party. */
  whollyOwnedBy?: string;
}

const PARTY = /\b(?:produced|provided|supplied)(?: or provided)?(?:,? directly or indirectly,?)? by (.+?)(?:,? including\b|,? to the extent\b|,? subject to\b| or any of its\b|\.?\s*$)/i;
const SUBSIDIARY = /^(.+?) and its wholly-owned subsidiary (.+)$/i;

/** The parties a description names, in order; empty for a category entry. */
export function coveredParties(text: string): CoveredParty[] {
  const m = PARTY.exec(text);
  if (m === null) return [];
  const named = m[1]!.trim();
  const sub = SUBSIDIARY.exec(named);
  if (sub === null) return [{ name: named }];
  return [{ name: sub[1]!.trim() }, { name: sub[2]!.trim(), whollyOwnedBy: sub[1]!.trim() }];
}

/** A short label for a category entry: the text before "produced", the first comma or dash, without footnote marks. */
export function categoryLabel(text: string): string {
  const cut = text.split(/ produced\b|,|—|\. /)[0] ?? text;
  return cut.replace(/[†‡^£³¹²#*]/g, '').replace(/\s+/g, ' ').trim();
}
