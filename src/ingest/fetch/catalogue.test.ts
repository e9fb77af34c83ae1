// The bundled source catalogue and the overrides file: official URLs by default, every URL and minimum size
// replaceable, and mistakes in an overrides file reported with where and how to fix them.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AppError } from '../../domain/errors.ts';
import { KNOWN_LISTS } from '../../domain/lists.ts';
import { loadSourceCatalogue } from './catalogue.ts';

function overridesFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'embargo-sources-')), 'sources.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

test('the bundled catalogue: six updatable lists of the list catalogue, on the authorities\' own hosts', async () => {
  const sources = await loadSourceCatalogue();
  assert.deepEqual(sources.map((s) => s.listId), ['us_ofac_sdn', 'us_ofac_cons', 'us_trade_csl', 'un_sc', 'eu_fsf', 'gb_fcdo_sanctions']);
  for (const s of sources) assert.ok(KNOWN_LISTS.has(s.listId), s.listId);
  const hosts = new Set(sources.flatMap((s) => s.files.map((f) => new URL(f.url).host)));
  assert.deepEqual([...hosts].sort(), ['data.trade.gov', 'sanctionslist.fcdo.gov.uk', 'sanctionslistservice.ofac.treas.gov', 'scsanctions.un.org', 'webgate.ec.europa.eu']);
  const sdn = sources[0]!;
  assert.deepEqual(sdn.files.map((f) => f.name), ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']);
  assert.equal(sources.find((s) => s.listId === 'eu_fsf')?.requiresToken, true);
  assert.match(sources.find((s) => s.listId === 'eu_fsf')!.files[0]!.url, /[?&]token=\{token\}$/);
});

test('overrides replace URLs and minimum sizes per file or per single-file source, and switch sources off', async () => {
  const path = overridesFile({
    sources: {
      un_sc: { url: 'https://mirror.example/un.xml', minBytes: 10 },
      us_ofac_sdn: { files: { 'alt.csv': { url: 'http://127.0.0.1:1/alt.csv' } } },
      eu_fsf: { enabled: false },
    },
  });
  const sources = await loadSourceCatalogue({ overridesPath: path });
  const un = sources.find((s) => s.listId === 'un_sc')!;
  assert.deepEqual([un.files[0]!.url, un.files[0]!.minBytes], ['https://mirror.example/un.xml', 10]);
  const sdn = sources.find((s) => s.listId === 'us_ofac_sdn')!;
  assert.equal(sdn.files[2]!.url, 'http://127.0.0.1:1/alt.csv');
  assert.equal(sdn.files[0]!.url, 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV');
  assert.equal(sources.find((s) => s.listId === 'eu_fsf')!.enabled, false);
  assert.equal(sources.find((s) => s.listId === 'gb_fcdo_sanctions')!.enabled, true);
});

test('mistakes in an overrides file say what, where and how to fix', async () => {
  const cases: [unknown, RegExp, RegExp][] = [
    [{ sources: { us_bis_dpl: { url: 'https://x.example/dpl.txt' } } }, /overrides "us_bis_dpl", which is not an updatable list/, /updatable lists: us_ofac_sdn, /],
    [{ sources: { us_ofac_cons: { url: 'https://x.example/a.csv' } } }, /us_ofac_cons has 4 files: set "url"\/"minBytes" per file/, /"cons_prim\.csv": \{ "url": "…" \}/],
    [{ sources: { us_ofac_cons: { files: { 'prim.csv': { url: 'https://x.example/a.csv' } } } } }, /us_ofac_cons has no file "prim\.csv"/, /its files: cons_prim\.csv, /],
    [{ sources: { un_sc: { url: 'ftp://x.example/un.xml' } } }, /invalid at sources\.un_sc\.url: must be an http/, /"sources"/],
    [{ sources: { un_sc: { uri: 'https://x.example/un.xml' } } }, /invalid at sources\.un_sc/, /"sources"/],
    ['{ "sources": ', /is not valid JSON/, /fix the JSON syntax/],
  ];
  for (const [content, message, hint] of cases) {
    await assert.rejects(loadSourceCatalogue({ overridesPath: overridesFile(content) }), (e: AppError) => {
      assert.equal(e.code, 'invalid_input');
      assert.match(e.message, message);
      assert.match(e.hint ?? '', hint);
      return true;
    });
  }
  await assert.rejects(loadSourceCatalogue({ overridesPath: '/nonexistent/sources.json' }), (e: AppError) => e.code === 'not_found' && /--sources or EMBARGO_SOURCES/.test(e.hint ?? ''));
});
