// Public face of src/text: the one name-normalisation pipeline shared by the index and queries.
export type { NameKindHint, NormalisedText, PreparedName, Script } from './types.ts';
export { prepareName } from './prepare.ts';
export { normaliseText } from './normalise.ts';
export { detectScript } from './script.ts';
export { transliterate } from './transliterate.ts';
export { phoneticKey } from './phonetic.ts';
export { jaroWinkler, levenshtein } from './distance.ts';
export { personNameVariants } from './person-order.ts';
export { compactKey, consonantSkeleton } from './keys.ts';
