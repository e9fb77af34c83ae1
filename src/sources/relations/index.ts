// Relation files Embargo reads (`embargo relations import`), and list-stated relations as edges.
// Detection: build a DetectInput (src/ingest/detect.ts `detectInput`) and try RELATION_FORMATS in order.
import type { RelationFormat } from './types.ts';
import { relationsCsvFormat } from './relations-csv.ts';
import { gleifRrFormat } from './gleif-rr.ts';
import { ukPscFormat } from './uk-psc.ts';

export type { RelationEvent, RelationFormat, RelationReadOptions } from './types.ts';
export { readRelationsCsv, relationsCsvFormat } from './relations-csv.ts';
export { readGleifRr, gleifRrFormat } from './gleif-rr.ts';
export { readUkPsc, ukPscFormat } from './uk-psc.ts';
export { defaultPartyRef } from './party-ref.ts';
export {
  edgesFromClaims,
  exactNameResolver,
  nameKey,
  type NameResolver,
  type UnresolvedClaim,
  type ClaimEdges,
} from './claims.ts';

/** Every relation-file format, in detection order. */
export const RELATION_FORMATS: readonly RelationFormat[] = [gleifRrFormat, ukPscFormat, relationsCsvFormat];

/** The relation format with this id, if any. */
export function relationFormatById(id: string): RelationFormat | undefined {
  return RELATION_FORMATS.find((f) => f.id === id);
}
