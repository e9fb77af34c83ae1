// A local HTTP server (127.0.0.1, a free port) that serves list files the way authorities do — and the ways
// downloads go wrong: a connection cut mid-file, an HTML error page with status 200, a 500, a stall. Used by
// the `embargo update` tests so that no test ever contacts another host.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface ListServer {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Paths requested so far, in order (to count retries). */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server answering `routes` by exact path; anything else is a 404. */
export async function startListServer(routes: Readonly<Record<string, Route>>): Promise<ListServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The bytes whole, with Content-Length. */
export function bytesRoute(body: Buffer, contentType: string): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  };
}

/** A file from disk, whole. */
export function fileRoute(path: string, contentType: string): Route {
  return bytesRoute(readFileSync(path), contentType);
}

/** Announces the whole file (Content-Length), sends the first half, then destroys the socket. */
export function cutRoute(path: string, contentType: string): Route {
  const body = readFileSync(path);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  };
}

/** An HTML maintenance page served with status 200 (the classic silent failure). */
export function htmlPageRoute(contentType = 'text/html; charset=utf-8'): Route {
  const page = Buffer.from('<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head><body><h1>Down for maintenance</h1></body></html>\n');
  return bytesRoute(page, contentType);
}

/** A bare status answer. */
export function statusRoute(status: number): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
  };
}

/** Sends the headers, then nothing (a stalled server). */
export function stallRoute(): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': 1000 });
    res.flushHeaders();
  };
}

/** A redirect to another path of the same server. */
export function redirectRoute(to: string): Route {
  return (_req, res) => {
    res.writeHead(302, { location: to }).end();
  };
}

/**
 * Writes an overrides file pointing every file of every source in `catalogue` at this server: the paths
 * given in `paths` (`<listId>/<file name>` → path), and `/missing/...` (a 404) for all others — so a test
 * can never reach a real authority even for a source it did not mean to run.
 */
export function writeLocalOverrides(
  server: ListServer,
  catalogue: readonly { listId: string; files: readonly { name: string }[] }[],
  paths: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, { minBytes?: number; enabled?: boolean }>> = {},
): string {
  const sources: Record<string, unknown> = {};
  for (const source of catalogue) {
    const files: Record<string, { url: string }> = {};
    for (const file of source.files) {
      const key = `${source.listId}/${file.name}`;
      files[file.name] = { url: `${server.base}${paths[key] ?? `/missing/${key}`}` };
    }
    sources[source.listId] = { files, ...(extra[source.listId] ?? {}) };
  }
  const path = join(mkdtempSync(join(tmpdir(), 'embargo-sources-')), 'sources.json');
  writeFileSync(path, JSON.stringify({ sources }, null, 2));
  return path;
}
