// Federal Register citations in the notice columns of US lists (CSL `federal_register_notice`, BIS DPL
// `FR_Citation`), read into one citation each.
import { clean } from '../../domain/entity-builder.ts';

/** A Federal Register citation, "76 FR 71867" or BIS's "67 F.R. 56530 9/4/02" (volume, FR, page[, date]). */
const FR_CITATION = /\d+\s*F\.?\s*R\.?\s*\d+(?:,?\s+\d{1,2}\/\d{1,2}\/\d{2,4})?/g;

/**
 * The citations in `federal_register_notice`: the column joins them with "; ", ", " or nothing at all (DPL), so
 * FR citations are picked out one by one; other notices (State: "Vol. 88, No. 151, 08/08/2023") stay whole.
 */
export function citations(text: string): string[] {
  return text
    .split('; ')
    .flatMap((part) => part.match(FR_CITATION) ?? [part])
    .map((c) => clean(c))
    .filter((c) => c !== '');
}
