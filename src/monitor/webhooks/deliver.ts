// Delivery from the outbox: every pending message that is due is claimed (so that two Embargo processes never send
// the same attempt), signed for this attempt (Standard Webhooks: same webhook-id, fresh timestamp and signature) and
// POSTed. A 2xx answer delivers it; anything else (refused connection, timeout, redirect, 4xx, 5xx) schedules a retry
// after an exponential backoff — 5 s, 10 s, 20 s, … capped at 4 h — until the attempts run out. Every attempt goes to
// the delivery log. Messages live in the database, so a restart picks up where the last process stopped, with the
// same ids.
import type { MonitorStore, OutboxMessage, WebhookEndpoint } from '../../store/index.ts';
import { signedHeaders } from './sign.ts';

export interface DeliveryOptions {
  /** Delay before the 2nd attempt; doubles for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a message is marked failed (15 attempts span about 19 hours with the defaults). */
  maxAttempts: number;
  /** Per attempt; a receiver should answer quickly and work afterwards. */
  timeoutMs: number;
  /** Messages per pass. */
  batch: number;
  /** Concurrent requests per pass. */
  concurrency: number;
  now: () => Date;
  fetch: typeof fetch;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  baseDelayMs: 5_000,
  maxDelayMs: 4 * 3600_000,
  maxAttempts: 15,
  timeoutMs: 10_000,
  batch: 100,
  concurrency: 8,
  now: () => new Date(),
  fetch: (input, init) => fetch(input, init),
};

export interface PassReport {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Delay before attempt `attempts + 1`, after `attempts` failed ones (1, 2, …). */
export function backoffMs(
  attempts: number,
  options: Pick<DeliveryOptions, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function post(
  endpoint: WebhookEndpoint,
  m: OutboxMessage,
  at: Date,
  o: DeliveryOptions,
): Promise<AttemptResult> {
  const timestamp = Math.floor(at.getTime() / 1000);
  try {
    const response = await o.fetch(endpoint.url, {
      method: 'POST',
      headers: {
        ...signedHeaders(endpoint.secret, m.messageId, timestamp, m.body),
        'user-agent': 'Embargo-Webhooks/1',
      },
      body: m.body,
      // A redirect is not followed: the endpoint's registered URL is the only place a signed event goes.
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, statusCode: null, error: cause === undefined ? message : `${message} (${cause})` };
  }
}

async function attempt(
  store: MonitorStore,
  endpoint: WebhookEndpoint,
  m: OutboxMessage,
  o: DeliveryOptions,
): Promise<'delivered' | 'retry' | 'failed'> {
  const at = o.now();
  const started = performance.now();
  const r = await post(endpoint, m, at, o);
  const attempts = m.attempts + 1;
  const outcome = r.ok ? 'delivered' : attempts >= o.maxAttempts ? 'failed' : 'retry';
  const next = new Date(at.getTime() + backoffMs(attempts, o)).toISOString();
  await store.recordAttempt(
    {
      messageId: m.messageId,
      endpointId: m.endpointId,
      attempt: attempts,
      at: at.toISOString(),
      outcome,
      statusCode: r.statusCode,
      error: r.error,
      durationMs: Math.round(performance.now() - started),
    },
    {
      status: outcome === 'retry' ? 'pending' : outcome,
      attempts,
      nextAttemptAt: outcome === 'retry' ? next : m.nextAttemptAt,
      lastError: r.error,
      deliveredAt: r.ok ? at.toISOString() : null,
    },
  );
  return outcome;
}

/** One pass over the due messages. */
export async function deliverDue(
  store: MonitorStore,
  options: Partial<DeliveryOptions> = {},
): Promise<PassReport> {
  const o = { ...DEFAULT_DELIVERY, ...options };
  const report: PassReport = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const due = await store.dueMessages(o.now().toISOString(), o.batch);
  const endpoints = new Map((await store.endpoints()).map((e) => [e.endpointId, e]));
  const queue = [...due];
  const lease = () => new Date(o.now().getTime() + o.timeoutMs + 5_000).toISOString();
  const worker = async (): Promise<void> => {
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      const endpoint = endpoints.get(m.endpointId);
      if (endpoint === undefined || !(await store.claimMessage(m, lease()))) continue;
      report.attempted++;
      const outcome = await attempt(store, endpoint, m, o);
      if (outcome === 'delivered') report.delivered++;
      else if (outcome === 'retry') report.retrying++;
      else report.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, Math.max(1, due.length)) }, worker));
  return report;
}

/** Runs delivery passes every `intervalMs` until stopped (the server runs one). */
export class WebhookDispatcher {
  readonly #store: MonitorStore;
  readonly #options: Partial<DeliveryOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #onError: (error: unknown) => void;

  constructor(
    store: MonitorStore,
    options: Partial<DeliveryOptions> = {},
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.#store = store;
    this.#options = options;
    this.#onError = onError;
  }

  /** One pass now (passes never overlap). */
  pass(): Promise<PassReport> {
    const next = this.#running.then(() => deliverDue(this.#store, this.#options));
    this.#running = next.catch((error: unknown) => this.#onError(error));
    return next;
  }

  start(intervalMs: number): void {
    this.#timer ??= setInterval(() => void this.pass().catch(() => undefined), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
