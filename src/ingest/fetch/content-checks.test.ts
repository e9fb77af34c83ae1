// The content checks accept the real bundled list files under the catalogue's own rules (signature, minimum
// size) and refuse what servers send instead: HTML pages, archives, empty bodies, the wrong kind of file.
import assert from 'node:assert/strict';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DATA, FIXTURES } from '../../../test/support/list-files.ts';
import { loadSourceCatalogue } from './catalogue.ts';
import { contentTypeProblem, headProblem, sizeProblem } from './content-checks.ts';

function head(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.subarray(0, readSync(fd, buffer, 0, 4096, 0));
  } finally {
    closeSync(fd);
  }
}

// The bundled copies of the files each updatable source downloads (same formats, older editions).
const BUNDLED: Record<string, string> = {
  'us_ofac_sdn/sdn.csv': 'us_ofac/sdn_csv/sdn.csv',
  'us_ofac_sdn/add.csv': 'us_ofac/sdn_csv/add.csv',
  'us_ofac_sdn/alt.csv': 'us_ofac/sdn_csv/alt.csv',
  'us_ofac_sdn/sdn_comments.csv': 'us_ofac/sdn_csv/sdn_comments.csv',
  'us_ofac_cons/cons_prim.csv': 'us_ofac/consolidated_csv/cons_prim.csv',
  'us_ofac_cons/cons_add.csv': 'us_ofac/consolidated_csv/cons_add.csv',
  'us_ofac_cons/cons_alt.csv': 'us_ofac/consolidated_csv/cons_alt.csv',
  'us_ofac_cons/cons_comments.csv': 'us_ofac/consolidated_csv/cons_comments.csv',
  'us_trade_csl/consolidated.csv': 'us_trade_csl/csl.csv',
  'un_sc/consolidated.xml': 'un/UN_consolidated.xml',
};

test('every bundled real file passes the checks of the catalogue entry that downloads it', async () => {
  const sources = await loadSourceCatalogue();
  let checked = 0;
  for (const source of sources) {
    for (const file of source.files) {
      const bundled = BUNDLED[`${source.listId}/${file.name}`];
      if (bundled === undefined) continue;
      const path = join(DATA, bundled);
      assert.equal(headProblem(head(path), file.kind, file.signature), undefined, path);
      assert.equal(sizeProblem(statSync(path).size, file.minBytes), undefined, path);
      checked++;
    }
  }
  assert.equal(checked, 10);
});

test('the EU FSF and FCDO fixtures (written to the published layouts) match their sources\' signatures', async () => {
  const sources = await loadSourceCatalogue();
  const only = (list: string) => sources.find((s) => s.listId === list)!.files[0]!;
  const eu = only('eu_fsf');
  assert.equal(headProblem(head(join(FIXTURES, 'eu/fsf-sample.xml')), eu.kind, eu.signature), undefined);
  const uk = only('gb_fcdo_sanctions');
  assert.equal(headProblem(head(join(FIXTURES, 'uk/fcdo-sample.csv')), uk.kind, uk.signature), undefined);
  assert.match(headProblem(head(join(FIXTURES, 'uk/fcdo-sample.csv')), eu.kind, eu.signature) ?? '', /does not start like XML/);
});

test('a file of one source does not pass as another: signatures tell the OFAC, CSL and UN files apart', async () => {
  const sources = await loadSourceCatalogue();
  const file = (list: string, name: string) => sources.find((s) => s.listId === list)!.files.find((f) => f.name === name)!;
  const csl = file('us_trade_csl', 'consolidated.csv');
  assert.match(headProblem(head(join(DATA, 'us_ofac/sdn_csv/sdn.csv')), csl.kind, csl.signature) ?? '', /do not look like this list .*"36,"AEROCARIBBEAN AIRLINES"/);
  const sdn = file('us_ofac_sdn', 'sdn.csv');
  assert.match(headProblem(head(join(DATA, 'us_trade_csl/csl.csv')), sdn.kind, sdn.signature) ?? '', /do not look like this list .*"_id,source,entity_number/);
  const un = file('un_sc', 'consolidated.xml');
  assert.match(headProblem(head(join(DATA, 'us_ofac/sdn_csv/sdn.csv')), un.kind, un.signature) ?? '', /does not start like XML/);
});

test('HTML error pages, archives and empty bodies are refused whatever their label', () => {
  const html = Buffer.from('\n<!DOCTYPE html>\n<html lang="en"><head><title>Error</title></head><body>Service unavailable</body></html>');
  assert.match(headProblem(html, 'xml') ?? '', /an HTML page/);
  assert.match(headProblem(html, 'csv') ?? '', /an HTML page/);
  assert.match(headProblem(Buffer.from('<html><body>login</body></html>'), 'xml') ?? '', /an HTML page/);
  assert.match(headProblem(Buffer.from('PK\x03\x04\x14\x00', 'latin1'), 'csv') ?? '', /a ZIP archive/);
  assert.match(headProblem(gzipSync(Buffer.from('1,2,3')), 'csv') ?? '', /a gzip archive/);
  assert.match(headProblem(Buffer.from('  \r\n'), 'csv') ?? '', /the file is empty/);
  assert.match(headProblem(Buffer.from('<?xml version="1.0"?><a/>'), 'csv') ?? '', /starts with "<"/);
  assert.equal(headProblem(Buffer.from('\uFEFF_id,source,entity_number,type'), 'csv', /^_id,source,entity_number,/), undefined);
});

test('media types: HTML is named as such, CSV/XML labels and a missing header pass, others are refused', () => {
  assert.match(contentTypeProblem('text/html; charset=UTF-8', 'csv') ?? '', /an HTML page \(Content-Type text\/html\)/);
  assert.equal(contentTypeProblem('application/octet-stream', 'csv'), undefined);
  assert.equal(contentTypeProblem('Text/XML; charset=utf-8', 'xml'), undefined);
  assert.equal(contentTypeProblem(undefined, 'xml'), undefined);
  assert.match(contentTypeProblem('application/json', 'xml') ?? '', /Content-Type application\/json, not a media type for XML files/);
  assert.match(contentTypeProblem('text/csv', 'xml', ['application/xml']) ?? '', /text\/csv/);
  assert.match(sizeProblem(1_234, 80_000) ?? '', /1,234 bytes, less than the 80,000/);
});
