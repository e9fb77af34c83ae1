// Test support: a webhook receiver on 127.0.0.1 (node:http) whose answer can be changed while it runs, recording
// every request with its Standard Webhooks headers and raw body.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The status the receiver answered. */
  answered: number;
}

export class Receiver {
  readonly received: Received[] = [];
  status = 200;
  readonly port: number;
  #server: Server | undefined;

  constructor(port: number) {
    this.port = port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const h = (name: string) => String(req.headers[name] ?? '');
        this.received.push({
          id: h('webhook-id'),
          timestamp: h('webhook-timestamp'),
          signature: h('webhook-signature'),
          body: Buffer.concat(chunks).toString('utf8'),
          answered: this.status,
        });
        res.writeHead(this.status).end();
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Parsed bodies of the accepted requests. */
  accepted(): { type: string; data: Record<string, unknown> }[] {
    return this.received
      .filter((r) => r.answered >= 200 && r.answered < 300)
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
  }
}

/** A port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
