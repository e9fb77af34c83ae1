// embargo-v1.1: the named, versioned declaration of how Embargo scores a query against a listed party.
// A change to any number here is a new version (embargo-v1.2, embargo-v2, …): results record the version they
// were scored with. v1.1 over v1: typing slips cost less than replaced letters (typo* settings), names holding
// other names ("f.k.a.") are screened as each name, org-word abbreviations (ind, trdg) fold on both sides.
// Rationale for each value is next to it; the measured effect is in docs/design/matching.md.
import type { Algorithm } from './types.ts';

export const EMBARGO_V1_1: Algorithm = {
  name: 'embargo',
  version: 1.1,
  id: 'embargo-v1.1',
  // Chosen on the dev evaluation set (npm run eval, threshold sweep): below 0.8 the false positives on real
  // company names climb fast (2.9 % at 0.775, 4 % at 0.75) for little recall. See docs/design/matching.md.
  threshold: 0.8,
  bands: [
    // Meanings come from the precision measured per band by `npm run eval` (docs/design/matching.md).
    {
      name: 'exact',
      min: 0.92,
      meaning: 'the listed name or alias as written (0.92), or better with agreeing birth date or country',
    },
    {
      name: 'strong',
      min: 0.86,
      meaning:
        'the listed name with a typo, a dropped middle name or an initial; almost always the listed party',
    },
    {
      name: 'probable',
      min: 0.8,
      meaning: 'most distinctive name parts agree; about two hits in five are the listed party: review',
    },
    { name: 'weak', min: 0, meaning: 'below the default threshold; not reported' },
  ],
  features: [
    {
      id: 'name',
      weight: 0.92,
      rationale:
        'Rarity-weighted one-to-one token alignment. Scaled below 1 so that an exact name alone (0.92) ranks ' +
        'under an exact name with an agreeing birth date or country.',
    },
    {
      id: 'schema',
      weight: 0,
      rationale: 'A gate, not a score: incompatible schemata (person vs vessel) are never compared.',
    },
    {
      id: 'birth_date',
      weight: 0.06,
      rationale:
        'Full date agreement adds 0.06, year agreement 0.03; a year more than one apart subtracts 0.2, because ' +
        'a different birth year is strong evidence of a different person (lists record ranges as several dates).',
    },
    {
      id: 'country',
      weight: 0.02,
      rationale:
        'Agreement adds 0.02; disagreement subtracts 0.06. Weak because lists attach countries for many reasons ' +
        '(nationality, address, flag) and customer data carries the country of an address.',
    },
    {
      id: 'identifier',
      weight: 1,
      rationale:
        'An identical strong identifier (IMO, LEI, USCC, passport, …) is decisive: the score becomes at least 0.99.',
    },
    {
      id: 'gender',
      weight: 0.1,
      rationale: 'A stated gender that contradicts the listed one subtracts 0.1; agreement adds nothing.',
    },
  ],
  settings: {
    candidateLimit: 24,
    listedUnmatchedFactor: 0.3,
    listedUnmatchedFactorOrganization: 0.45,
    loneFuzzyFactor: 0.95,
    initialCredit: 0.85,
    initialSimilarity: 0.9,
    weakAliasFactor: 0.95,
    phoneticSimilarity: 0.82,
    skeletonSimilarity: 0.95,
    minTokenSimilarity: 0.7,
    maxQueryTokens: 16,
    maxNameTokens: 24,
    commonPostingShare: 0.04,
    genericTokenFactor: 0.5,
    typoDoubledCost: 0.25,
    typoSwappedCost: 0.25,
    typoDroppedCost: 0.5,
    typoMinLength: 5,
  },
  settingsRationale: {
    candidateLimit:
      'Names fully scored per query. The cheap bound (rarity-weighted Dice of the expanded tokens) puts the true ' +
      'match in the top 24 for ≥ 99.5 % of distortions (property test against a brute-force scan).',
    listedUnmatchedFactor:
      'For person and schema-less queries, a listed token the query lacks costs 30 % of its weight: customer data ' +
      'drops middle names and patronymics, while an unexplained extra query token costs its full weight.',
    listedUnmatchedFactorOrganization:
      'For organisation queries it costs 45 %: a company name missing a listed word ("Level" for "A-Level ' +
      'Aerosystems") is more often another company. Measured: companies false positives 1.55 % → 1.30 % for ' +
      '0.2 points of recall.',
    loneFuzzyFactor:
      'When the only token two names share is misspelt (BODET / BOET, UNINET / UNIJET), the score is cut by 5 %: ' +
      'one letter apart in a one-word name is as often another company as a typo.',
    initialCredit:
      'An initial ("M.") covers 85 % of the weight of the given name it abbreviates: with the other parts agreeing it is a consistency check more than a guess.',
    initialSimilarity: 'Similarity credited to an initial that agrees with the first letter.',
    weakAliasFactor: 'Weak aliases (the list says "low quality") score 5 % lower.',
    phoneticSimilarity:
      'Similarity credited to tokens with the same double-metaphone key that edit distance rejects ' +
      '(Mohamed / Muhammad).',
    skeletonSimilarity:
      'An Arabic, Hebrew or Thai name written without vowels (محمد → mhmd) with the consonants of the Latin ' +
      'spelling (mohamed) agrees as far as its script can say: almost an exact match. Only for tokens that come ' +
      'from such a script, never for Latin acronyms.',
    minTokenSimilarity: 'Token pairs below this similarity are not aligned at all.',
    maxQueryTokens: 'Longer queries are cut: a name has far fewer parts; this bounds the work per query.',
    maxNameTokens: 'Listed names longer than this are cut for the same reason.',
    commonPostingShare:
      'A query token found in more than this share of listed names only scores candidates found through rarer ' +
      'tokens; it does not open candidates itself (unless the query has nothing rarer).',
    genericTokenFactor:
      'Org descriptors produced by folding (tech, system, electronic, grp) keep half their list rarity: they are ' +
      'rare on sanctions lists but common in trade, and two companies sharing only them are not alike.',
    typoDoubledCost:
      'A letter typed twice or once too few (IFDKK / IFDK, SANTOOSO / SANTOSO) is the commonest typing slip and ' +
      'almost never makes another name: a quarter of an edit, so one such slip in a 5-letter token keeps 0.95.',
    typoSwappedCost:
      'Two adjacent letters swapped (VALRO / VALOR) keep every letter: a quarter of an edit, as a doubled letter.',
    typoDroppedCost:
      'A dropped letter (CEDISA / CREDISA) is half an edit: a slip, but one that also turns a name into another ' +
      '(BODET / BOET stays under the threshold as a one-word name). A replaced letter costs a full edit.',
    typoMinLength:
      'Slips are costed so only in tokens of 5 letters or more: in shorter ones (KIM / KMI) one slip changes too ' +
      'large a share of the token.',
  },
};
