// downloadFile against a local server serving the real UN list: whole files are hashed; a cut connection,
// a stall, a 4xx and a 5xx are refused with the right reason, and only what may pass is retried.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DATA } from '../../../test/support/list-files.ts';
import { cutRoute, fileRoute, redirectRoute, stallRoute, startListServer, statusRoute, type ListServer } from '../../../test/support/list-server.ts';
import { downloadFile, type DownloadOptions } from './download.ts';
import { DownloadFailure } from './failure.ts';

const UN = join(DATA, 'un', 'UN_consolidated.xml');
const UN_BYTES = readFileSync(UN);
const FAST: DownloadOptions = { timeoutMs: 10_000, idleTimeoutMs: 300, retries: 2, backoffMs: 5, userAgent: 'embargo-test' };

describe('downloadFile', () => {
  let server: ListServer;
  const dir = mkdtempSync(join(tmpdir(), 'embargo-download-'));
  before(async () => {
    server = await startListServer({
      '/un.xml': fileRoute(UN, 'application/xml'),
      '/cut.xml': cutRoute(UN, 'application/xml'),
      '/gone': statusRoute(404),
      '/broken': statusRoute(500),
      '/stall': stallRoute(),
      '/moved': redirectRoute('/un.xml'),
      '/un.xml.gz': (_req, res) => {
        const body = gzipSync(UN_BYTES);
        res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
      },
    });
  });
  after(() => server.close());

  async function failure(path: string): Promise<DownloadFailure> {
    const error = await downloadFile(`${server.base}${path}`, join(dir, 'out'), FAST).then(
      () => assert.fail('expected the download to fail'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DownloadFailure, String(error));
    return error;
  }

  test('a whole file is saved with its size and sha256; a redirect is followed', async () => {
    const got = await downloadFile(`${server.base}/moved`, join(dir, 'un.xml'), FAST);
    assert.equal(got.bytes, 2_030_620);
    assert.equal(got.sha256, createHash('sha256').update(UN_BYTES).digest('hex'));
    assert.deepEqual(readFileSync(join(dir, 'un.xml')), UN_BYTES);
    assert.equal(got.declaredLength, 2_030_620);
    assert.equal(got.finalUrl, `${server.base}/un.xml`);
    assert.match(got.head.toString('latin1'), /^<\?xml version="1.0"/);
    assert.equal(got.attempts, 1);
  });

  test('a gzip-encoded body is decoded and its compressed Content-Length is not compared with the decoded bytes', async () => {
    const got = await downloadFile(`${server.base}/un.xml.gz`, join(dir, 'gz.xml'), FAST);
    assert.equal(got.bytes, UN_BYTES.length);
    assert.equal(got.declaredLength, undefined);
  });

  test('a connection cut mid-file is a failure, retried, and says how much arrived', async () => {
    const before = server.requests.length;
    const error = await failure('/cut.xml');
    assert.equal(error.reason, 'cut');
    assert.match(error.message, /the connection was cut after [\d,]+ of 2,030,620 bytes/);
    assert.match(error.message, /gave up after 3 attempts/);
    assert.equal(server.requests.length - before, 3);
  });

  test('a 404 is not retried; a 500 is', async () => {
    let before = server.requests.length;
    const gone = await failure('/gone');
    assert.deepEqual([gone.reason, gone.retryable, server.requests.length - before], ['http_status', false, 1]);
    assert.match(gone.message, /HTTP 404 Not Found \(the URL may have moved\)/);
    before = server.requests.length;
    const broken = await failure('/broken');
    assert.deepEqual([broken.reason, server.requests.length - before], ['http_status', 3]);
    assert.match(broken.message, /HTTP 500 Internal Server Error/);
  });

  test('a server that stops sending times out', async () => {
    const error = await failure('/stall');
    assert.equal(error.reason, 'timeout');
    assert.match(error.message, /no bytes received for 0.3 s/);
  });

  test('a refused connection is a network failure', async () => {
    const closed = await startListServer({});
    const url = `${closed.base}/x`;
    await closed.close();
    const error = await downloadFile(url, join(dir, 'x'), { ...FAST, retries: 0 }).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e as DownloadFailure,
    );
    assert.equal(error.reason, 'network');
    assert.match(error.message, /ECONNREFUSED/);
  });
});
