// The shape of a named, versioned matching algorithm (STYLE habit 4: nomenklatura's logic-v2).

export type FeatureId = 'name' | 'schema' | 'birth_date' | 'country' | 'identifier' | 'gender';

export interface FeatureDeclaration {
  id: FeatureId;
  /** The feature's largest contribution to the score (0 for gates). */
  weight: number;
  rationale: string;
}

export interface ScoreBand {
  name: 'exact' | 'strong' | 'probable' | 'weak';
  /** Lowest score in the band (inclusive). */
  min: number;
  meaning: string;
}

export interface AlgorithmSettings {
  /** Names fully scored per query. */
  candidateLimit: number;
  /** Share of a listed token's weight charged when the query lacks it. */
  listedUnmatchedFactor: number;
  /** The same for organisation queries. */
  listedUnmatchedFactorOrganization: number;
  /** Factor on a name score resting on one misspelt token alone. */
  loneFuzzyFactor: number;
  /** Share of a given name's weight an agreeing initial covers. */
  initialCredit: number;
  initialSimilarity: number;
  weakAliasFactor: number;
  phoneticSimilarity: number;
  /** Similarity of an abjad transliteration and a Latin spelling with the same consonant skeleton. */
  skeletonSimilarity: number;
  minTokenSimilarity: number;
  maxQueryTokens: number;
  maxNameTokens: number;
  commonPostingShare: number;
  /** Share of its rarity weight a generic org descriptor keeps. */
  genericTokenFactor: number;
  /** Edit cost of a doubled or undoubled letter in a token of `typoMinLength` letters or more (substitution 1). */
  typoDoubledCost: number;
  /** Edit cost of two adjacent letters swapped. */
  typoSwappedCost: number;
  /** Edit cost of any other dropped or added letter. */
  typoDroppedCost: number;
  /** Shortest token (longer of the two) whose typing slips are costed as such. */
  typoMinLength: number;
}

export interface Algorithm {
  name: string;
  version: number;
  /** `<name>-v<version>`, recorded on every match. */
  id: string;
  /** Default threshold: matches at or above it are reported. */
  threshold: number;
  /** Highest band first. */
  bands: readonly ScoreBand[];
  features: readonly FeatureDeclaration[];
  settings: AlgorithmSettings;
  settingsRationale: Readonly<Record<keyof AlgorithmSettings, string>>;
}
