// The catalogue of lists Embargo knows: id, name, authority, kind, licence of the source (docs/contracts.md).
import type { ListId } from './ids.ts';

export type ListKind = 'sanctions' | 'export_control' | 'debarment' | 'pep' | 'other';

export interface ListInfo {
  id: ListId;
  name: string;
  authority: string;
  kind: ListKind;
  licence: string;
  /** Sub-lists addressable as `<listId>:<code>` (CSL source codes). */
  subLists?: Readonly<Record<string, string>>;
}

const PD = 'US public domain (17 U.S.C. §105)';
const NC = 'CC BY-NC 4.0 (OpenSanctions transcription of an official publication)';

/** trade.gov CSL `source` codes → their names. */
export const CSL_SUB_LISTS: Readonly<Record<string, string>> = {
  EL: 'Entity List (BIS)',
  MEU: 'Military End-User List (BIS)',
  UVL: 'Unverified List (BIS)',
  DPL: 'Denied Persons List (BIS)',
  ISN: 'Nonproliferation Sanctions (State)',
  DTC: 'ITAR Debarred (State)',
  SDN: 'Specially Designated Nationals (OFAC)',
  SSI: 'Sectoral Sanctions Identifications (OFAC)',
  FSE: 'Foreign Sanctions Evaders (OFAC)',
  PLC: 'Palestinian Legislative Council (OFAC)',
  CMIC: 'Non-SDN Chinese Military-Industrial Complex Companies (OFAC)',
  MBS: 'Non-SDN Menu-Based Sanctions (OFAC)',
  CAP: 'Correspondent Account or Payable-Through Account Sanctions (OFAC)',
};

const entries: (Omit<ListInfo, 'id'> & { id: string })[] = [
  { id: 'us_ofac_sdn', name: 'Specially Designated Nationals and Blocked Persons', authority: 'US Treasury OFAC', kind: 'sanctions', licence: PD },
  { id: 'us_ofac_cons', name: 'Consolidated Sanctions List (non-SDN)', authority: 'US Treasury OFAC', kind: 'sanctions', licence: PD },
  { id: 'us_trade_csl', name: 'Consolidated Screening List', authority: 'US ITA (Commerce, State, Treasury)', kind: 'export_control', licence: PD, subLists: CSL_SUB_LISTS },
  { id: 'us_bis_dpl', name: 'Denied Persons List', authority: 'US Commerce BIS', kind: 'export_control', licence: PD },
  { id: 'us_bis_mieu', name: 'Military-Intelligence End-User List', authority: 'US Commerce BIS', kind: 'export_control', licence: NC },
  { id: 'us_state_isn', name: 'Nonproliferation Sanctions', authority: 'US State ISN', kind: 'sanctions', licence: PD },
  { id: 'us_state_itar', name: 'ITAR Statutorily Debarred Parties', authority: 'US State DDTC', kind: 'debarment', licence: PD },
  { id: 'us_state_inksna', name: 'INKSNA measures', authority: 'US State', kind: 'sanctions', licence: NC },
  { id: 'us_dod_1260h', name: 'Section 1260H Chinese Military Companies', authority: 'US Department of Defense', kind: 'other', licence: NC },
  { id: 'us_fcc_covered', name: 'Covered List (Secure Networks Act)', authority: 'US FCC', kind: 'other', licence: NC },
  { id: 'us_ndaa_889', name: 'FY2019 NDAA §889 covered entities', authority: 'US Congress', kind: 'other', licence: NC },
  { id: 'us_ndaa_1286', name: 'FY2019 NDAA §1286 foreign talent programs and institutions', authority: 'US DoD', kind: 'other', licence: NC },
  { id: 'us_ndaa_5949', name: 'FY2023 NDAA §5949 semiconductor procurement ban', authority: 'US Congress', kind: 'other', licence: NC },
  { id: 'us_ndaa_154', name: 'FY2024 NDAA §154 battery procurement ban', authority: 'US Congress', kind: 'other', licence: NC },
  { id: 'un_sc', name: 'UN Security Council Consolidated List', authority: 'UN Security Council', kind: 'sanctions', licence: 'UN official publication, free reuse' },
  { id: 'eu_fsf', name: 'EU Financial Sanctions File', authority: 'European Commission', kind: 'sanctions', licence: 'EU official publication, free reuse' },
  { id: 'eu_journal', name: 'EU sanctions regulation annexes', authority: 'Council of the EU', kind: 'sanctions', licence: NC },
  { id: 'gb_hmt_ofsi', name: 'OFSI Consolidated List of Financial Sanctions Targets', authority: 'HM Treasury OFSI', kind: 'sanctions', licence: 'Open Government Licence v3.0' },
  { id: 'gb_fcdo_sanctions', name: 'UK Sanctions List', authority: 'UK FCDO', kind: 'sanctions', licence: 'Open Government Licence v3.0' },
  { id: 'us_os_congress', name: 'US Congress members (OpenSanctions PEP export, Senzing format)', authority: 'OpenSanctions', kind: 'pep', licence: 'OpenSanctions data; see data/README.md' },
  { id: 'cn_gov_sanctions', name: 'PRC countermeasures, Unreliable Entity List and export-control lists', authority: 'PRC MFA / MOFCOM', kind: 'sanctions', licence: NC },
];

/** Lists known by id. A list imported under another id (e.g. a company's own list) is still accepted. */
export const KNOWN_LISTS: ReadonlyMap<string, ListInfo> = new Map(entries.map((e) => [e.id, e as ListInfo]));

/** Catalogue entry, or a generic one for a user-named list. */
export function listInfo(id: ListId): ListInfo {
  return KNOWN_LISTS.get(id) ?? { id, name: id, authority: 'user', kind: 'other', licence: 'as supplied by the user' };
}
