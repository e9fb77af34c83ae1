// Words for the name feature: which query token went with which listed token, and what was left over.
import { unmatched, type AlignedPair, type AlignmentSide } from '../features/name-alignment.ts';

function pairWords(p: AlignedPair, q: AlignmentSide, t: AlignmentSide): string {
  const qs = p.query.map((i) => q.text(i)).join('+');
  const ts = p.listed.map((j) => t.text(j)).join('+');
  switch (p.kind) {
    case 'exact':
      return `${qs}=${ts}`;
    case 'initial':
      return `${qs}~${ts} (initial)`;
    case 'joined_query':
    case 'joined_listed':
      return `${qs}~${ts} (joined ${p.similarity.toFixed(2)})`;
    case 'similar':
      return `${qs}~${ts} (${p.similarity.toFixed(2)})`;
  }
}

/** E.g. `"KIM Jong Un" ~ listed "KIM, Jong Un": kim=kim, jong=jong, un=un; name score 1.000`. */
export function describeName(
  queryName: string,
  listedName: string,
  pairs: readonly AlignedPair[],
  q: AlignmentSide,
  t: AlignmentSide,
  score: number,
  notes: readonly string[],
): string {
  const parts = [pairs.map((p) => pairWords(p, q, t)).join(', ') || 'no token aligned'];
  const extraQ = unmatched(q.count, pairs, 'query').map((i) => q.text(i));
  const extraT = unmatched(t.count, pairs, 'listed').map((j) => t.text(j));
  if (extraQ.length > 0) parts.push(`query tokens not in the listed name: ${extraQ.join(' ')}`);
  if (extraT.length > 0) parts.push(`listed tokens not in the query: ${extraT.join(' ')}`);
  return `"${queryName}" ~ listed "${listedName}": ${parts.join('; ')}${notes.map((n) => `; ${n}`).join('')}; name score ${score.toFixed(3)}`;
}
