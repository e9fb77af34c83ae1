// The government list files shipped in data/ that `npm start` loads into an empty database.
// Only governments' own publications are bundled (OpenSanctions-derived files are CC BY-NC test fixtures).
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

export interface BundledList {
  listId: string;
  path: string;
}

export const BUNDLED_LISTS: readonly BundledList[] = [
  { listId: 'us_ofac_sdn', path: `${DATA}us_ofac/sdn_csv` },
  { listId: 'us_ofac_cons', path: `${DATA}us_ofac/consolidated_csv` },
  { listId: 'us_trade_csl', path: `${DATA}us_trade_csl/csl.csv` },
  { listId: 'un_sc', path: `${DATA}un/UN_consolidated.xml` },
  { listId: 'gb_hmt_ofsi', path: `${DATA}uk/UK_Sanctions_List.xlsx` },
  { listId: 'us_bis_dpl', path: `${DATA}us_bis/dpl.txt` },
  { listId: 'us_state_isn', path: `${DATA}us_state/isn.csv` },
  { listId: 'us_state_itar', path: `${DATA}us_state/itar_debarred_party_list_11062019.csv` },
];
