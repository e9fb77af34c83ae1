// Abbreviations of organisation words that customer data and trade registers write and symbols.yml lacks
// ("Linburg Ind Ltd", "Al-Arabi Trdg Co"). Each folds to the symbols.yml group of the word it abbreviates,
// on listed names and queries alike, so "ind" meets "industries" as "intl" already meets "international".
// Sources: the ISSN List of Title Word Abbreviations (ISO 4: ind., eng., electr., technol., assoc.) and the
// contractions common in company registers and trade data (trdg, hldgs, svcs, eqpt, mfrs, sys).
// Only forms that are no common word of their own are listed ("trad", "serv" and "dist" are left out).

/** symbols.yml group key → abbreviations of its words. */
export const ORG_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  industry: ['ind', 'inds', 'indus', 'indust', 'indl'],
  trade: ['trdg', 'tdg', 'trd'],
  service: ['svc', 'svcs', 'servs'],
  holding: ['hldg', 'hldgs', 'hldng'],
  eng: ['engg', 'engr', 'engrg'],
  electronic: ['elec', 'electr'],
  tech: ['techn', 'technol'],
  system: ['sys'],
  association: ['assn'],
  equipment: ['eqpt', 'equip'],
  intl: ['intnl', 'internat'],
};
