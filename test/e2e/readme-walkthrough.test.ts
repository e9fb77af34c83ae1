// The README's user journey end to end, on SQLite and PostgreSQL, against real processes: import bundled list
// files (the trade.gov CSL and OFAC's consolidated list — a subset of what `npm start` loads, to stay fast),
// screen a name in the terminal (table and --json), screen a CSV of parties, serve the API and call every
// documented endpoint as curl would (screen, batch, stored screening, entity, lists, versions, diff, health,
// readiness, OpenAPI, the offline /docs page, yente's /match and /algorithms, the CSL search), API keys off
// loopback, then checkpoint and verify the audit chain, which must hold exactly the screenings made.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../support/cli.ts';
import { createTestDatabase, DIALECTS, type Dialect, type TestDatabase } from '../support/databases.ts';
import { DATA, OFAC_CONS_DIR } from '../support/list-files.ts';

/** What `npx embargo` runs. */
const BIN = fileURLToPath(new URL('../../bin/embargo.js', import.meta.url));
const CSL_CSV = join(DATA, 'us_trade_csl', 'csl.csv');
const AUDIT_ENV = { EMBARGO_AUDIT_KEY: 'readme-walkthrough-audit-key' };

/** Hikvision in the bundled files: OFAC's NS-CMIC record and the CSL's copy (CMIC rows get the code appended). */
const HIKVISION = ['us_ofac_cons:30946', 'us_trade_csl:30946-CMIC'];
/** ZTE Parsian, an Entity List row of the CSL (BIS rows have no id of their own: `_id` is the CSL's hash). */
const ZTE_PARSIAN_ID = 'dd533a593568a5ba9078900c345859e7fd4f414f3015f254f5633ecf';
const EL_SOURCE = 'Entity List (EL) - Bureau of Industry and Security';
const LISTS = [
  { list_id: 'us_ofac_cons', version: 1 },
  { list_id: 'us_trade_csl', version: 1 },
];
const HIKVISION_QUERY = { schema: 'Company', properties: { name: ['Hikvision'], country: ['cn'] } };

/** The `embargo` CLI in a child process, without blocking the event loop (servers run beside it). */
function cli(db: TestDatabase, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db.location, ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

interface Server {
  url: string;
  stop(): Promise<number | null>;
}

/**
 * `embargo serve --port 0 …`; resolves with its URL once the index is ready (the log says both). The child joins
 * `started` at once, so that a test failing before the server is ready still stops it.
 */
function serve(db: TestDatabase, args: string[], started: ChildProcess[]): Promise<Server> {
  const child = spawn(process.execPath, [BIN, '--db', db.location, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(child);
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = new Promise<Server>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const address = /Embargo API on (http:\/\/\S+) /.exec(log)?.[1];
      if (address === undefined || !/index ready/.test(log)) return;
      const stop = () => {
        child.kill('SIGTERM');
        return exited;
      };
      resolve({ url: address.replace('0.0.0.0', '127.0.0.1'), stop });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });
  ready.catch(() => undefined); // awaited later: no unhandled rejection meanwhile
  return ready;
}

interface Reply {
  status: number;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  type: string;
}

/** One HTTP call as curl would make it; a JSON body is sent with its content type. */
async function call(
  url: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, text, json: type.includes('json') ? JSON.parse(text) : undefined, type };
}

/** Every entity id a screening match names: the match and the same party on other lists. */
function idsOf(match: { entity_id: string; also_on: { entity_id: string }[] }): string[] {
  return [match.entity_id, ...match.also_on.map((a) => a.entity_id)].sort();
}

/** `npx embargo import <file or folder>` (format detected from the content), then `npx embargo lists`. */
async function importLists(db: TestDatabase): Promise<void> {
  const csl = await cli(db, ['import', CSL_CSV]);
  assert.equal(csl.status, 0, csl.stderr);
  assert.match(csl.stdout, /^us_trade_csl v1: 4226 entities from 4227 rows/m);
  const cons = await cli(db, ['import', OFAC_CONS_DIR]);
  assert.equal(cons.status, 0, cons.stderr);
  assert.match(cons.stdout, /^us_ofac_cons v1: 442 entities from 442 rows/m);
  const lists = await cli(db, ['lists']);
  assert.match(
    lists.stdout,
    /^us_ofac_cons\s+Consolidated Sanctions List \(non-SDN\)\s+US Treasury OFAC\s+sanctions\s+1\s+—\s+442$/m,
  );
  assert.match(lists.stdout, /^us_trade_csl\s+Consolidated Screening List\s+.*\s+1\s+—\s+4226$/m);
}

/** `embargo screen "Hikvision" --schema Company --country CN`: a table, exit code 1 (a finding). */
function checkTable(table: CliResult): void {
  assert.equal(table.status, 1, table.stderr);
  assert.match(
    table.stdout,
    /^1 match\(es\) for "Hikvision" at threshold 0\.8 \(embargo-v1\.1; us_ofac_cons v1, us_trade_csl v1\)$/m,
  );
  assert.match(table.stdout, /score\s+lists\s+listed name\s+matched alias\s+why/);
  assert.match(
    table.stdout,
    /0\.94\s+us_ofac_cons us_trade_csl\s+HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO\., LTD\.\s+HIKVISION\s+"Hikvision" ~ listed "HIKVISION"/,
  );
  assert.match(table.stdout, /^screening [0-9a-f-]{36} recorded in the audit log$/m);
}

/**
 * `embargo screen-file parties.csv --out results.jsonl --lists us_trade_csl:EL`: Hikvision is on the CSL's CMIC
 * list, not the Entity List; ZTE Parsian is on the Entity List, and Iran is under embargo.
 */
function checkScreenFile(file: CliResult, results: string): void {
  assert.equal(file.status, 0, file.stderr);
  assert.match(file.stderr, /screened 3 rows: 1 with matches, 1 potential matches/);
  const rows = readFileSync(results, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rows.map((r) => [r.row, r.query.reference, r.matches.map((m: { entityId: string }) => m.entityId)]),
    [
      [1, 'r1', []],
      [2, 'r2', [`us_trade_csl:${ZTE_PARSIAN_ID}`]],
      [3, 'r3', []],
    ],
  );
  assert.deepEqual(
    rows[1].jurisdictions.map((j: { code: string; matched_on: string }) => [j.code, j.matched_on]),
    [['ir', 'country']],
  );
}

/** Health, readiness, OpenAPI, and /docs working offline: everything the page loads comes from this server. */
async function checkHealthAndDocs(api: string): Promise<void> {
  assert.deepEqual((await call(`${api}/healthz`)).json, { status: 'ok' });
  const ready = await call(`${api}/readyz`);
  assert.equal(ready.status, 200);
  assert.deepEqual([ready.json.status, ready.json.entities, ready.json.lists], ['ready', 4226 + 442, LISTS]);
  const openapi = await call(`${api}/openapi.json`);
  assert.equal(openapi.json.openapi, '3.0.3');
  for (const path of [
    '/v1/screen',
    '/v1/screen/batch',
    '/v1/entities/{id}',
    '/v1/lists',
    '/v1/lists/{id}/versions',
    '/v1/lists/{id}/diff',
    '/v1/screenings/{id}',
    '/healthz',
    '/readyz',
    '/match/{dataset}',
    '/algorithms',
    '/consolidated_screening_list/v1/search',
  ]) {
    assert.ok(openapi.json.paths[path] !== undefined, `${path} is in the OpenAPI document`);
  }
  const docs = await call(`${api}/docs`);
  assert.equal(docs.status, 200);
  assert.match(docs.type, /text\/html/);
  assert.doesNotMatch(docs.text, /(src|href)="(https?:)?\/\//);
  const assets = [...docs.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(
    assets.some((a) => a.endsWith('swagger-ui-bundle.js')) &&
      assets.some((a) => a.endsWith('swagger-initializer.js')),
    docs.text,
  );
  for (const asset of assets) {
    const fetched = await call(new URL(asset, `${api}/docs`).toString());
    assert.equal(fetched.status, 200, asset);
    if (asset.endsWith('.css')) assert.doesNotMatch(fetched.text, /url\(\s*["']?(https?:)?\/\//, asset);
  }
  const initializer = (await call(`${api}/docs/static/swagger-initializer.js`)).text;
  assert.match(initializer, /validatorUrl: null/); // else swagger-ui sends the document to validator.swagger.io
  assert.match(initializer, /url: resolveUrl\('\.\/json'\)/);
  assert.deepEqual((await call(`${api}/docs/json`)).json, openapi.json);
}

/** POST /v1/screen and /v1/screen/batch; GET /v1/screenings/{id} is each answer, byte for byte. */
async function checkScreening(api: string, cliAnswer: { id: string }): Promise<void> {
  const screened = await call(`${api}/v1/screen`, {
    body: { name: 'Hikvision', schema: 'Company', country: 'CN' },
  });
  assert.equal(screened.status, 200, screened.text);
  assert.equal(screened.json.status, 'potential_match');
  const top = screened.json.matches[0];
  assert.deepEqual(
    [idsOf(top), top.score, top.band, top.matched_name],
    [HIKVISION, 0.94, 'exact', 'HIKVISION'],
  );
  const cslCopy = [top, ...top.also_on].find((m: { entity_id: string }) => m.entity_id === HIKVISION[1]);
  assert.equal(cslCopy.source_id, '30946-CMIC');
  assert.deepEqual(
    top.explanation.map((e: { feature: string }) => e.feature),
    ['name', 'schema', 'country'],
  );
  assert.equal((await call(`${api}/v1/screenings/${screened.json.id}`)).text, screened.text);
  assert.deepEqual((await call(`${api}/v1/screenings/${cliAnswer.id}`)).json, cliAnswer);

  const parties = [
    { name: 'Hikvision' },
    { name: 'ZTE Parsian', country: 'IR', reference: 'r2' },
    { name: 'Zyxwv Quartz Bakery' },
  ];
  const batch = await call(`${api}/v1/screen/batch`, { body: { parties } });
  assert.equal(batch.status, 200, batch.text);
  assert.deepEqual(batch.json.summary, { parties: 3, potential_matches: 2, clear: 1, errors: 0 });
  assert.deepEqual(
    batch.json.results.map((r: { index: number; status: string; matches: { entity_id: string }[] }) => [
      r.index,
      r.status,
      r.matches.map((m) => m.entity_id),
    ]),
    [
      [0, 'potential_match', [batch.json.results[0].matches[0].entity_id]],
      [1, 'potential_match', [`us_trade_csl:${ZTE_PARSIAN_ID}`]],
      [2, 'clear', []],
    ],
  );
  assert.ok(HIKVISION.includes(batch.json.results[0].matches[0].entity_id));
  assert.deepEqual(
    [batch.json.results[1].reference, batch.json.results[1].jurisdictions[0].code],
    ['r2', 'ir'],
  );
  assert.equal((await call(`${api}/v1/screenings/${batch.json.id}`)).text, batch.text);
}

/** GET /v1/entities/{id}, /v1/lists, /v1/lists/{id}/versions, /v1/lists/{id}/diff. */
async function checkRecords(api: string): Promise<void> {
  const entity = await call(`${api}/v1/entities/${HIKVISION[1]}`);
  assert.equal(entity.status, 200);
  assert.equal(entity.json.entity.listing.subList, 'CMIC');
  assert.deepEqual(
    [entity.json.raw._id, entity.json.raw.name],
    ['30946', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
  );
  assert.equal(entity.json.list_version.version, 1);
  assert.equal((await call(`${api}/v1/entities/us_trade_csl:nope`)).status, 404);
  const lists = await call(`${api}/v1/lists`);
  assert.deepEqual(
    lists.json.lists.map((l: { list_id: string; version: number; entity_count: number }) => [
      l.list_id,
      l.version,
      l.entity_count,
    ]),
    [
      ['us_ofac_cons', 1, 442],
      ['us_trade_csl', 1, 4226],
    ],
  );
  const versions = await call(`${api}/v1/lists/us_trade_csl/versions`);
  assert.deepEqual(
    versions.json.versions.map((v: { version: number; added: number }) => [v.version, v.added]),
    [[1, 4226]],
  );
  const same = await call(`${api}/v1/lists/us_trade_csl/diff?from=1&to=1`);
  assert.deepEqual(same.json, {
    list_id: 'us_trade_csl',
    from: 1,
    to: 1,
    added: [],
    removed: [],
    changed: [],
  });
  const missing = await call(`${api}/v1/lists/us_trade_csl/diff?from=1&to=2`);
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.json.error, {
    code: 'not_found',
    message: 'list us_trade_csl has no version 2',
    hint: 'versions: 1',
  });
}

/** yente: POST /match/{dataset} with a FollowTheMoney query (every list, then one), and GET /algorithms. */
async function checkYente(api: string): Promise<void> {
  const matched = await call(`${api}/match/default`, { body: { queries: { q1: HIKVISION_QUERY } } });
  assert.equal(matched.status, 200, matched.text);
  assert.equal(matched.json.limit, 5);
  const q1 = matched.json.responses.q1;
  assert.deepEqual([q1.status, q1.query, q1.total], [200, HIKVISION_QUERY, { value: 1, relation: 'eq' }]);
  const result = q1.results[0];
  assert.deepEqual(
    [result.match, result.score, result.features],
    [true, 0.94, { name: 0.92, schema: 0, country: 0.02 }],
  );
  assert.deepEqual([result.id, ...result.referents].sort(), HIKVISION);
  const one = await call(`${api}/match/us_trade_csl`, { body: { queries: { q1: HIKVISION_QUERY } } });
  const onCsl = one.json.responses.q1.results[0];
  assert.deepEqual(
    [onCsl.id, onCsl.caption, onCsl.datasets],
    [HIKVISION[1], 'Hangzhou Hikvision Digital Technology Co., Ltd.', ['us_trade_csl']],
  );
  const algorithms = await call(`${api}/algorithms`);
  assert.equal(algorithms.json.default, 'embargo-v1.1');
  assert.deepEqual(
    algorithms.json.algorithms.map((a: { name: string; description: string }) => [a.name, a.description]),
    [['embargo-v1.1', 'Embargo matching algorithm, version 1.1; default threshold 0.8']],
  );
}

/** trade.gov CSL: GET /consolidated_screening_list/v1/search answers with the CSL row's own values. */
async function checkCsl(api: string): Promise<void> {
  const el = await call(`${api}/consolidated_screening_list/v1/search?name=ZTE%20Parsian&sources=EL`);
  assert.equal(el.status, 200, el.text);
  assert.equal(el.json.total, 1);
  assert.deepEqual(
    el.json.sources_used.map((s: { source: string }) => s.source),
    [EL_SOURCE],
  );
  const zte = el.json.results[0];
  assert.equal(Object.keys(zte).length, 29);
  assert.deepEqual(
    [zte.id, zte.source, zte.name, zte.federal_register_notice, zte.start_date, zte.license_policy],
    [ZTE_PARSIAN_ID, EL_SOURCE, 'ZTE Parsian', '81 FR 12004', '2016-03-08', 'Presumption of denial.'],
  );
  const address = {
    address: 'No. 100, Africa Ave., Mirdamad Entersection, Tehran, IR',
    city: null,
    state: null,
    postal_code: null,
  };
  assert.deepEqual(zte.addresses, [{ ...address, country: 'IR' }]);
  const cmic = await call(`${api}/consolidated_screening_list/v1/search?name=Hikvision&sources=CMIC`);
  const row = cmic.json.results.find((r: { id: string }) => r.id === '30946');
  assert.equal(
    row.source,
    'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
  );
  assert.equal(row.addresses[0].address, '555, Qianmo Road, Binjiang District, Hangzhou, 310051, CN');
}

/** Off loopback every route but health and docs needs a key (Bearer, ApiKey, subscription-key); roles nest. */
async function checkKeys(remote: string, key: string): Promise<void> {
  const noKey = await call(`${remote}/v1/screen`, { body: { name: 'Hikvision' } });
  assert.deepEqual([noKey.status, noKey.json.error.code], [401, 'unauthorized']);
  assert.equal((await call(`${remote}/healthz`)).status, 200);
  assert.equal((await call(`${remote}/docs`)).status, 200);
  const bearer = { authorization: `Bearer ${key}` };
  assert.equal(
    (await call(`${remote}/v1/screen`, { body: { name: 'Hikvision' }, headers: bearer })).status,
    200,
  );
  const yente = await call(`${remote}/match/default`, {
    body: { queries: { q1: HIKVISION_QUERY } },
    headers: { authorization: `ApiKey ${key}` },
  });
  assert.equal(yente.status, 200);
  assert.equal(
    (await call(`${remote}/consolidated_screening_list/v1/search?name=Hikvision&subscription-key=${key}`))
      .status,
    200,
  );
  const analystRoute = await call(`${remote}/v1/lists`, { headers: bearer });
  assert.deepEqual([analystRoute.status, analystRoute.json.error.code], [403, 'forbidden']);
  assert.equal(
    (await call(`${remote}/v1/lists`, { headers: { authorization: 'Bearer emb_not-a-key' } })).status,
    401,
  );
}

/**
 * `EMBARGO_AUDIT_KEY=… embargo audit checkpoint`, then `embargo audit verify --expect-head <checkpoint>`: the chain
 * is intact and holds every screening made — 2 in the terminal, 1 file, 6 on loopback, 3 off it.
 */
async function checkAudit(db: TestDatabase): Promise<void> {
  const checkpoint = await cli(db, ['audit', 'checkpoint'], AUDIT_ENV);
  assert.equal(checkpoint.status, 0, checkpoint.stderr);
  const head = checkpoint.stdout.trim();
  assert.match(head, /^v1\.12\.[0-9a-f]{64}\.[0-9a-f]{64}$/);
  const verified = await cli(db, ['audit', 'verify', '--expect-head', head], AUDIT_ENV);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.equal(verified.stdout, `12 records, head 12 ${head.split('.')[2]}\naudit chain intact\n`);
}

async function walkthrough(dialect: Dialect): Promise<void> {
  const db = await createTestDatabase(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'embargo-readme-'));
  const started: ChildProcess[] = [];
  try {
    await importLists(db);
    // The API on loopback (no key needed) and off loopback (keys required), started while the terminal is used.
    const local = serve(db, [], started);
    const exposed = serve(db, ['--host', '0.0.0.0'], started);
    const parties = join(dir, 'parties.csv');
    writeFileSync(
      parties,
      'name,schema,country,reference\nHikvision,Company,CN,r1\nZTE Parsian,Company,IR,r2\nZyxwv Quartz Bakery,Company,DE,r3\n',
    );
    const results = join(dir, 'results.jsonl');
    const [version, table, json, file, key] = await Promise.all([
      cli(db, ['--version']),
      cli(db, ['screen', 'Hikvision', '--schema', 'Company', '--country', 'CN']),
      cli(db, ['--json', 'screen', 'Hikvision']),
      cli(db, ['screen-file', parties, '--out', results, '--lists', 'us_trade_csl:EL']),
      cli(db, ['keys', 'create', '--name', 'erp', '--role', 'screener']),
    ]);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(version.stdout, `${pkg.version}\n`);
    checkTable(table);
    assert.equal(json.status, 1, json.stderr); // --json: the answer as the API gives it
    const cliAnswer = JSON.parse(json.stdout);
    assert.deepEqual(
      [cliAnswer.status, cliAnswer.lists, idsOf(cliAnswer.matches[0])],
      ['potential_match', LISTS, HIKVISION],
    );
    checkScreenFile(file, results);
    const secret = key.stdout.trim(); // `embargo keys create`: the secret, once, on stdout
    assert.match(secret, /^emb_[A-Za-z0-9_-]{43}$/);

    const [api, remote] = [await local, await exposed];
    await checkHealthAndDocs(api.url);
    await checkScreening(api.url, cliAnswer);
    await checkRecords(api.url);
    await checkYente(api.url);
    await checkCsl(api.url);
    await checkKeys(remote.url, secret);
    assert.deepEqual(await Promise.all([api.stop(), remote.stop()]), [0, 0]); // SIGTERM: a clean shutdown
    await checkAudit(db);
  } finally {
    for (const child of started)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

// The dialects run side by side: each spends most of its time waiting on child processes.
describe('README walkthrough', { concurrency: true }, () => {
  for (const dialect of DIALECTS) {
    test(
      `${dialect}: import, screen in the terminal and a CSV, every endpoint, keys off loopback, audit`,
      { timeout: 180_000 },
      () => walkthrough(dialect),
    );
  }
});
