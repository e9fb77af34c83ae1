// Detection through the registry: the first format whose detector accepts each real file is ours.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { test } from 'node:test';
import { FORMATS } from '../registry.ts';

async function detected(relative: string): Promise<string | undefined> {
  const path = new URL(`../../../${relative}`, import.meta.url).pathname;
  const head = (await readFile(path)).subarray(0, 4096).toString('latin1');
  const input = { path, isDirectory: false, fileNames: [basename(path)], head };
  return FORMATS.find((f) => f.detect(input))?.id;
}

test('the registry detects the UN XML, the CSL CSVs and the CSL JSON sample', async () => {
  assert.equal(await detected('data/un/UN_consolidated.xml'), 'un_xml');
  assert.equal(await detected('data/us_trade_csl/csl.csv'), 'csl_csv');
  assert.equal(await detected('test/fixtures/us_trade_csl/consolidated.csv'), 'csl_csv');
  assert.equal(await detected('test/fixtures/us_trade_csl/csl-sample.json'), 'csl_json');
});
