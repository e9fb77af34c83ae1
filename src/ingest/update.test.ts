// `embargo update` end to end below the CLI, on SQLite and PostgreSQL, against a local server serving the
// real OFAC consolidated CSV set, UN XML and CSL CSV: a good update creates versions and a second one none;
// a cut connection, an HTML page with status 200, a 500 and a file missing 60 % of its rows are refused,
// the last good version stays current and says so, and the other sources still update.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DIALECTS, freshStore } from '../../test/support/databases.ts';
import { DATA, FIXTURES, OFAC_CONS_DIR } from '../../test/support/list-files.ts';
import { bytesRoute, cutRoute, fileRoute, htmlPageRoute, startListServer, statusRoute, writeLocalOverrides, type Route } from '../../test/support/list-server.ts';
import { listId } from '../domain/ids.ts';
import type { Store } from '../store/index.ts';
import { loadSourceCatalogue, type DownloadOptions } from './fetch/index.ts';
import { updateLists, type SourceOutcome, type UpdateReport } from './update.ts';

const TODAY = '2026-11-29';
const FAST: DownloadOptions = { timeoutMs: 30_000, idleTimeoutMs: 10_000, retries: 1, backoffMs: 5, userAgent: 'embargo-test' };
const CONS_FILES = ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'];
const UN_XML = join(DATA, 'un', 'UN_consolidated.xml');
const CSL_CSV = join(DATA, 'us_trade_csl', 'csl.csv');

/** Routes serving the real consolidated OFAC set under /<prefix>/. */
function consRoutes(prefix: string, replace: Partial<Record<string, Route>> = {}): Record<string, Route> {
  return Object.fromEntries(CONS_FILES.map((f) => [`/${prefix}/${f}`, replace[f] ?? fileRoute(join(OFAC_CONS_DIR, f), 'text/csv')]));
}
/** Overrides entries pointing us_ofac_cons at /<prefix>/. */
function consPaths(prefix: string): Record<string, string> {
  return Object.fromEntries(CONS_FILES.map((f) => [`us_ofac_cons/${f}`, `/${prefix}/${f}`]));
}
/** cons_prim.csv with only its first 40 % of rows: whole rows, correct length, 60 % of the list gone. */
function truncatedPrim(): Buffer {
  const text = readFileSync(join(OFAC_CONS_DIR, 'cons_prim.csv'), 'latin1');
  const lines = (text.endsWith('\x1a') ? text.slice(0, -1) : text).split('\r\n');
  return Buffer.from(lines.slice(0, Math.floor(lines.length * 0.4)).join('\r\n') + '\r\n\x1a', 'latin1');
}
/** cons_prim.csv without Hikvision (ent_num 30946): a real one-entity change. */
function primWithoutHikvision(): Buffer {
  const text = readFileSync(join(OFAC_CONS_DIR, 'cons_prim.csv'), 'latin1');
  return Buffer.from(text.split('\r\n').filter((l) => !l.startsWith('30946,')).join('\r\n'), 'latin1');
}

function outcome(report: UpdateReport, id: string): SourceOutcome {
  const found = report.outcomes.find((o) => o.listId === id);
  assert.ok(found, `no outcome for ${id}`);
  return found;
}
function failed(report: UpdateReport, id: string): Extract<SourceOutcome, { status: 'failed' }> {
  const o = outcome(report, id);
  assert.equal(o.status, 'failed', JSON.stringify(o));
  return o as Extract<SourceOutcome, { status: 'failed' }>;
}
async function current(store: Store): Promise<[string, number, number][]> {
  return (await store.currentVersions()).map((v) => [v.listId as string, v.version, v.entityCount] as [string, number, number]).sort();
}

for (const dialect of DIALECTS) {
  describe(`updateLists (${dialect})`, () => {
    /** Runs `fn` with a fresh store and a local server; `run` updates the named lists through an overrides file. */
    async function scenario(routes: Record<string, Route>, fn: (ctx: { store: Store; run: (paths: Record<string, string>, only: string[]) => Promise<UpdateReport>; requests: string[] }) => Promise<void>): Promise<void> {
      const server = await startListServer(routes);
      const { store, cleanup } = await freshStore(dialect);
      const catalogue = await loadSourceCatalogue();
      try {
        const run = async (paths: Record<string, string>, only: string[]) => {
          const sources = await loadSourceCatalogue({ overridesPath: writeLocalOverrides(server, catalogue, paths) });
          for (const s of sources) for (const f of s.files) assert.ok(f.url.startsWith('http://127.0.0.1:'), f.url);
          return updateLists(store, sources, { today: TODAY, only, download: FAST });
        };
        await fn({ store, run, requests: server.requests });
      } finally {
        await cleanup();
        await server.close();
      }
    }

    test('(a) a good update creates a version per list; a second run creates none (identical content)', () =>
      scenario(
        { ...consRoutes('good'), '/un.xml': fileRoute(UN_XML, 'application/xml'), '/csl.csv': fileRoute(CSL_CSV, 'text/csv') },
        async ({ store, run }) => {
          const paths = { ...consPaths('good'), 'un_sc/consolidated.xml': '/un.xml', 'us_trade_csl/consolidated.csv': '/csl.csv' };
          const first = await run(paths, ['us_ofac_cons', 'un_sc', 'us_trade_csl']);
          assert.equal(first.failed, 0);
          assert.deepEqual(first.outcomes.map((o) => [o.listId, o.status]), [['us_ofac_cons', 'updated'], ['us_trade_csl', 'updated'], ['un_sc', 'updated']]);
          assert.deepEqual(await current(store), [['un_sc', 1, 1003], ['us_ofac_cons', 1, 442], ['us_trade_csl', 1, 4226]]);
          const cons = outcome(first, 'us_ofac_cons');
          assert.ok(cons.status === 'updated');
          assert.deepEqual(cons.files.map((f) => [f.name, f.bytes]), [['cons_prim.csv', 238_635], ['cons_add.csv', 44_777], ['cons_alt.csv', 67_809], ['cons_comments.csv', 2_754]]);
          const un = outcome(first, 'un_sc');
          assert.ok(un.status === 'updated');
          assert.equal(un.files[0]!.sha256, createHash('sha256').update(readFileSync(UN_XML)).digest('hex'));
          const stored = await store.version(listId('un_sc'), 1);
          assert.match(stored?.sourcePath ?? '', new RegExp(`^http://127\\.0\\.0\\.1:\\d+/un\\.xml sha256:${un.files[0]!.sha256}$`));

          const second = await run(paths, ['us_ofac_cons', 'un_sc', 'us_trade_csl']);
          assert.deepEqual(second.outcomes.map((o) => [o.listId, o.status]), [['us_ofac_cons', 'unchanged'], ['us_trade_csl', 'unchanged'], ['un_sc', 'unchanged']]);
          assert.deepEqual(await current(store), [['un_sc', 1, 1003], ['us_ofac_cons', 1, 442], ['us_trade_csl', 1, 4226]]);
          assert.equal((await store.listVersions(listId('us_ofac_cons'))).length, 1);
        },
      ));

    test('(b) a connection cut mid-file fails the whole set: the previous version stays current and the message says so', () =>
      scenario(
        {
          ...consRoutes('good'),
          // A real change in the primary file, but a cut in the addresses: nothing of the set may be imported.
          ...consRoutes('cut', { 'cons_prim.csv': bytesRoute(primWithoutHikvision(), 'text/csv'), 'cons_add.csv': cutRoute(join(OFAC_CONS_DIR, 'cons_add.csv'), 'text/csv') }),
          '/un-cut.xml': cutRoute(UN_XML, 'application/xml'),
        },
        async ({ store, run, requests }) => {
          assert.equal((await run(consPaths('good'), ['us_ofac_cons'])).failed, 0);
          const report = await run({ ...consPaths('cut'), 'un_sc/consolidated.xml': '/un-cut.xml' }, ['us_ofac_cons', 'un_sc']);
          assert.equal(report.failed, 2);
          const cons = failed(report, 'us_ofac_cons');
          assert.equal(cons.stage, 'download');
          assert.equal(cons.file, 'cons_add.csv');
          assert.match(cons.message, /^download of cons_add\.csv failed \(http:\/\/127\.0\.0\.1:\d+\/cut\/cons_add\.csv\): the connection was cut after [\d,]+ of 44,777 bytes/);
          assert.match(cons.message, /nothing was imported: version 1 of us_ofac_cons stays current$/);
          assert.deepEqual([cons.keptVersion, cons.files.map((f) => f.name)], [1, ['cons_prim.csv']]);
          assert.equal(requests.filter((p) => p === '/cut/cons_add.csv').length, 2, 'one retry');
          assert.equal(requests.filter((p) => p === '/cut/cons_alt.csv').length, 0, 'stops at the first failed part');
          assert.match(failed(report, 'un_sc').message, /nothing was imported \(no version of un_sc is stored yet\)$/);
          assert.deepEqual(await current(store), [['us_ofac_cons', 1, 442]]);
        },
      ));

    test('(c) an HTML error page with status 200 is refused, whether labelled text/html or as a CSV', () =>
      scenario(
        { ...consRoutes('html', { 'cons_prim.csv': htmlPageRoute('application/octet-stream') }), '/un.html': htmlPageRoute() },
        async ({ store, run }) => {
          const report = await run({ ...consPaths('html'), 'un_sc/consolidated.xml': '/un.html' }, ['us_ofac_cons', 'un_sc']);
          const un = failed(report, 'un_sc');
          assert.match(un.message, /the server sent an HTML page \(Content-Type text\/html\), not the XML file/);
          const cons = failed(report, 'us_ofac_cons');
          assert.match(cons.message, /cons_prim\.csv .*the server sent an HTML page \(probably an error, login or maintenance page\), not the CSV file/);
          assert.deepEqual(await current(store), []);
        },
      ));

    test('(d) a 500 is refused after a retry; the other sources still update', () =>
      scenario({ ...consRoutes('good'), '/csl.csv': statusRoute(500) }, async ({ store, run, requests }) => {
        const report = await run({ ...consPaths('good'), 'us_trade_csl/consolidated.csv': '/csl.csv' }, ['us_ofac_cons', 'us_trade_csl']);
        assert.equal(report.failed, 1);
        assert.equal(outcome(report, 'us_ofac_cons').status, 'updated');
        const csl = failed(report, 'us_trade_csl');
        assert.match(csl.message, /HTTP 500 Internal Server Error \(gave up after 2 attempts\); nothing was imported \(no version of us_trade_csl is stored yet\)/);
        assert.equal(requests.filter((p) => p === '/csl.csv').length, 2);
        assert.deepEqual(await current(store), [['us_ofac_cons', 1, 442]]);
      }));

    test('(e) a complete-looking file missing 60 % of the rows is refused by the mass-removal limit', () =>
      scenario(
        {
          ...consRoutes('good'),
          ...consRoutes('short', { 'cons_prim.csv': bytesRoute(truncatedPrim(), 'text/csv') }),
          // The first half of the UN XML with a matching Content-Length: the transport sees nothing wrong.
          '/un-half.xml': bytesRoute(readFileSync(UN_XML).subarray(0, 1_000_000), 'application/xml'),
        },
        async ({ store, run }) => {
          await run(consPaths('good'), ['us_ofac_cons']);
          const report = await run({ ...consPaths('short'), 'un_sc/consolidated.xml': '/un-half.xml' }, ['us_ofac_cons', 'un_sc']);
          const un = failed(report, 'un_sc');
          assert.equal(un.stage, 'import');
          assert.match(un.message, /^the downloaded file was refused: consolidated\.xml is not a readable UN consolidated list: .*unclosed tag/);
          const cons = failed(report, 'us_ofac_cons');
          assert.equal(cons.stage, 'import');
          assert.match(cons.message, /^the downloaded files were refused: us_ofac_cons files would remove 265 of 442 current entities \(more than 20 %\); nothing was imported: version 1 of us_ofac_cons stays current$/);
          assert.match(cons.hint ?? '', /--allow-mass-removal/);
          assert.deepEqual(cons.files.map((f) => f.name), CONS_FILES);
          assert.deepEqual(await current(store), [['us_ofac_cons', 1, 442]]);
        },
      ));
  });
}

describe('updateLists: selection, tokens, and the EU and UK formats', () => {
  test('an unknown or import-only list is a usage error that names the updatable ones', async () => {
    const { store, cleanup } = await freshStore('sqlite');
    try {
      const sources = await loadSourceCatalogue();
      await assert.rejects(updateLists(store, sources, { today: TODAY, only: ['us_bis_dpl'] }), (e: Error & { code?: string; hint?: string }) => {
        assert.equal(e.code, 'usage');
        assert.match(e.message, /us_bis_dpl: not a list that embargo update can download/);
        assert.match(e.hint ?? '', /updatable lists: us_ofac_sdn, us_ofac_cons, us_trade_csl, un_sc, eu_fsf, gb_fcdo_sanctions; every other list is import-only/);
        return true;
      });
    } finally {
      await cleanup();
    }
  });

  test('the EU FSF without a token is skipped when running everything and fails when named; switched-off sources are skipped', async () => {
    const server = await startListServer({});
    const { store, cleanup } = await freshStore('sqlite');
    try {
      const catalogue = await loadSourceCatalogue();
      // Every source off except the EU FSF: nothing is downloaded from anywhere.
      const off = Object.fromEntries(catalogue.filter((s) => s.listId !== 'eu_fsf').map((s) => [s.listId, { enabled: false }]));
      const sources = await loadSourceCatalogue({ overridesPath: writeLocalOverrides(server, catalogue, {}, off) });
      const all = await updateLists(store, sources, { today: TODAY, download: FAST });
      assert.equal(all.failed, 0);
      assert.deepEqual(all.outcomes.map((o) => [o.listId, o.status]), catalogue.map((s) => [s.listId, 'skipped']));
      assert.match(JSON.stringify(outcome(all, 'eu_fsf')), /eu_fsf needs an access token/);
      const named = await updateLists(store, sources, { today: TODAY, only: ['eu_fsf'], download: FAST });
      const eu = failed(named, 'eu_fsf');
      assert.equal(eu.stage, 'setup');
      assert.match(eu.hint ?? '', /EMBARGO_EU_FSF_TOKEN/);
      assert.deepEqual(server.requests, []);
    } finally {
      await cleanup();
      await server.close();
    }
  });

  test('the EU FSF token goes into the URL and never into the output; the UK CSV is read as served (octet-stream)', async () => {
    const fsf = readFileSync(join(FIXTURES, 'eu', 'fsf-sample.xml'));
    const server = await startListServer({
      '/fsf.xml': (req, res) => (new URL(req.url ?? '', 'http://x').searchParams.get('token') === 's3cret/+token' ? bytesRoute(fsf, 'application/xml')(req, res) : statusRoute(403)(req, res)),
      '/uk.csv': fileRoute(join(FIXTURES, 'uk', 'fcdo-sample.csv'), 'application/octet-stream'),
    });
    const { store, cleanup } = await freshStore('sqlite');
    try {
      const catalogue = await loadSourceCatalogue();
      // The fixtures are small samples of the real files: lower the minimum sizes as a user's overrides may.
      const small = { eu_fsf: { minBytes: 1000 }, gb_fcdo_sanctions: { minBytes: 1000 } };
      const overrides = writeLocalOverrides(server, catalogue, { 'eu_fsf/eu_fsf.xml': '/fsf.xml?token={token}', 'gb_fcdo_sanctions/UK-Sanctions-List.csv': '/uk.csv' }, small);
      const sources = await loadSourceCatalogue({ overridesPath: overrides });
      const wrong = await updateLists(store, sources, { today: TODAY, only: ['eu_fsf'], tokens: { eu_fsf: 'expired-0000' }, download: FAST });
      assert.match(failed(wrong, 'eu_fsf').message, /\/fsf\.xml\?token=\*\*\*\): the server answered HTTP 403 Forbidden \(the URL may need a token or the token may be wrong\)/);
      const report = await updateLists(store, sources, { today: TODAY, only: ['eu_fsf', 'gb_fcdo_sanctions'], tokens: { eu_fsf: 's3cret/+token' }, download: FAST });
      assert.deepEqual(report.outcomes.map((o) => [o.listId, o.status]), [['eu_fsf', 'updated'], ['gb_fcdo_sanctions', 'updated']]);
      assert.doesNotMatch(JSON.stringify([wrong, report]), /s3cret|expired-0000/);
      const eu = outcome(report, 'eu_fsf');
      assert.ok(eu.status === 'updated');
      assert.equal(eu.files[0]!.url, `${server.base}/fsf.xml?token=***`);
      const versions = new Map((await store.currentVersions()).map((v) => [v.listId as string, [v.version, v.format]]));
      assert.deepEqual([versions.get('eu_fsf'), versions.get('gb_fcdo_sanctions')], [[1, 'eu_fsf_xml'], [1, 'uk_fcdo_csv']]);
    } finally {
      await cleanup();
      await server.close();
    }
  });
});
