// Detection through the registry for the formats of docs/design/sources-core-b1.md: the first format whose
// detector accepts each real file is the right one, also when the file is renamed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { FORMATS } from '../registry.ts';

async function detected(relative: string): Promise<string | undefined> {
  const path = new URL(`../../../${relative}`, import.meta.url).pathname;
  const head = (await readFile(path)).subarray(0, 4096).toString('latin1');
  // A neutral name: detection must come from the content.
  const input = { path: '/tmp/upload.dat', isDirectory: false, fileNames: ['upload.dat'], head };
  return FORMATS.find((f) => f.detect(input))?.id;
}

test('the registry detects the OFAC XML formats, DPL, ISN, ITAR, MIEU and Senzing by content', async () => {
  assert.equal(await detected('test/fixtures/us_ofac/xml_samples/sdn.xml'), 'ofac_xml');
  assert.equal(await detected('test/fixtures/us_ofac/xml_samples/consolidated.xml'), 'ofac_xml');
  assert.equal(await detected('test/fixtures/us_ofac/cons_advanced.xml'), 'ofac_advanced_xml');
  assert.equal(await detected('data/us_bis/dpl.txt'), 'bis_dpl');
  assert.equal(await detected('data/us_state/isn.csv'), 'state_isn');
  assert.equal(await detected('data/us_state/itar_debarred_party_list_11062019.csv'), 'state_itar');
  assert.equal(await detected('test/fixtures/us_bis/mieu.csv'), 'bis_mieu');
  assert.equal(await detected('test/fixtures/senzing/us_congress_senzing.json'), 'senzing_jsonl');
});

test('their detectors leave the other bundled lists alone', async () => {
  assert.equal(await detected('data/un/UN_consolidated.xml'), 'un_xml');
  assert.equal(await detected('data/us_trade_csl/csl.csv'), 'csl_csv');
  assert.equal(await detected('test/fixtures/ftm/dataset/t1/entities.ftm.json'), 'ftm_jsonl');
  assert.equal(await detected('test/fixtures/us_special_legislation/inksna.csv'), 'os_statutory_csv');
  assert.equal(await detected('test/fixtures/us_dod_1260h/sanctions.csv'), 'dod_1260h_csv');
});
