// Detection order matters: internal_csv (a generic header) and uk_ofsi_xlsx (any XLSX) come last in the
// registry. Every real file of the Core B part-2 formats must be recognised as its own format, and the
// generic detectors must not take another format's file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFormat } from '../../ingest/detect.ts';

const EXPECTED: readonly [string, string][] = [
  ['test/fixtures/eu/journal_sanctions', 'eu_journal_csv'],
  ['test/fixtures/eu/journal_sanctions/32014R0833.csv', 'eu_journal_csv'],
  ['test/fixtures/eu/fsf-sample.xml', 'eu_fsf_xml'],
  ['data/uk/UK_Sanctions_List.xlsx', 'uk_ofsi_xlsx'],
  ['test/fixtures/uk/fcdo-sample.csv', 'uk_fcdo_csv'],
  ['test/fixtures/cn/sanctions.csv', 'cn_sanctions_csv'],
  ['test/fixtures/us_dod_1260h/sanctions.csv', 'dod_1260h_csv'],
  ['test/fixtures/us_fcc_covered_list/table.csv', 'fcc_covered_csv'],
  ['test/fixtures/us_special_legislation/section_1286.csv', 'os_statutory_csv'],
  ['test/fixtures/us_special_legislation/inksna.csv', 'os_statutory_csv'],
  ['test/fixtures/internal/internal-list.csv', 'internal_csv'],
  // Other formats' files are not taken by the generic detectors.
  ['data/us_trade_csl/csl.csv', 'csl_csv'],
  ['data/un/UN_consolidated.xml', 'un_xml'],
  ['data/us_ofac/sdn_csv', 'ofac_csv'],
];

test('each file is detected as its format', async () => {
  for (const [path, format] of EXPECTED) assert.equal((await chooseFormat(path)).id, format, path);
});
