// trade.gov CSL source codes → Embargo lists. Each code covers its CSL sub-list (`us_trade_csl:<code>`) and the
// agency's own list where Embargo loads it. OFAC's non-SDN consolidated file does not say which non-SDN list a
// record is on, so its records are assigned by program (below); what no program claims counts as NS-MBS.

export interface CslSource {
  code: string;
  /** The CSL's `source` value for the code (as the CSL prints it). */
  name: string;
  /** List ids or sub-lists screened for the code. */
  lists: readonly string[];
}

export const CSL_SOURCES: readonly CslSource[] = [
  { code: 'EL', name: 'Entity List (EL) - Bureau of Industry and Security', lists: ['us_trade_csl:EL'] },
  { code: 'MEU', name: 'Military End User (MEU) List - Bureau of Industry and Security', lists: ['us_trade_csl:MEU', 'us_bis_mieu'] },
  { code: 'UVL', name: 'Unverified List (UVL) - Bureau of Industry and Security', lists: ['us_trade_csl:UVL'] },
  { code: 'DPL', name: 'Denied Persons List (DPL) - Bureau of Industry and Security', lists: ['us_trade_csl:DPL', 'us_bis_dpl'] },
  { code: 'ISN', name: 'Nonproliferation Sanctions (ISN) - State Department', lists: ['us_trade_csl:ISN', 'us_state_isn'] },
  { code: 'DTC', name: 'ITAR Debarred (DTC) - State Department', lists: ['us_trade_csl:DTC', 'us_state_itar'] },
  { code: 'SDN', name: 'Specially Designated Nationals (SDN) - Treasury Department', lists: ['us_trade_csl:SDN', 'us_ofac_sdn'] },
  { code: 'SSI', name: 'Sectoral Sanctions Identifications List (SSI) - Treasury Department', lists: ['us_trade_csl:SSI', 'us_ofac_cons'] },
  { code: 'FSE', name: 'Foreign Sanctions Evaders (FSE) - Treasury Department', lists: ['us_trade_csl:FSE', 'us_ofac_cons'] },
  { code: 'PLC', name: 'Palestinian Legislative Council List (PLC) - Treasury Department', lists: ['us_trade_csl:PLC', 'us_ofac_cons'] },
  { code: 'CMIC', name: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department', lists: ['us_trade_csl:CMIC', 'us_ofac_cons'] },
  { code: 'MBS', name: 'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department', lists: ['us_trade_csl:MBS', 'us_ofac_cons'] },
  { code: 'CAP', name: 'Capta List (CAP) - Treasury Department', lists: ['us_trade_csl:CAP', 'us_ofac_cons'] },
];

const BY_CODE = new Map(CSL_SOURCES.map((s) => [s.code, s]));
/** Spellings the CSL API also accepts for a code. */
const ALIASES: Readonly<Record<string, string>> = { 'NS-MBS': 'MBS', 'NS-CMIC': 'CMIC', CAPTA: 'CAP', 'NS-PLC': 'PLC' };

export function cslSource(code: string): CslSource | undefined {
  const upper = code.trim().toUpperCase();
  return BY_CODE.get(ALIASES[upper] ?? upper);
}

/** Programs that place an `us_ofac_cons` record on a non-SDN list (OFAC program tags). */
const CONS_PROGRAMS: readonly { code: string; test: RegExp }[] = [
  { code: 'SSI', test: /^UKRAINE-EO13662$/ },
  { code: 'PLC', test: /^NS-PLC$/ },
  { code: 'CMIC', test: /^CMIC-EO13959$/ },
  { code: 'FSE', test: /^FSE-/ },
  { code: 'CAP', test: /^561-Related$/ },
];

/** What decides a record's CSL codes. */
export interface CslPlacement {
  listId: string;
  subList?: string | undefined;
  programs: readonly string[];
}

/** The CSL codes of a record: its sub-list, the list's own code, or (OFAC non-SDN) the codes of its programs. */
export function cslCodesOf(record: CslPlacement): string[] {
  if (record.subList !== undefined) return [record.subList];
  if (record.listId !== 'us_ofac_cons') {
    const own = CSL_SOURCES.find((s) => s.lists.includes(record.listId));
    return own === undefined ? [] : [own.code];
  }
  const codes = CONS_PROGRAMS.filter((p) => record.programs.some((program) => p.test.test(program))).map((p) => p.code);
  return codes.length > 0 ? codes : ['MBS'];
}
