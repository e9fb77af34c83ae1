// What the routes are given (built by the composition root) and the typed Fastify instance they register on.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ScreeningService } from '../app/screening.ts';
import type { BookService } from '../book/index.ts';
import type { MonitoringContext } from '../app/monitoring.ts';
import type { Caller } from '../app/screening.ts';
import type { AuditStore, Store } from '../store/index.ts';
import type { ErrorPayload } from './errors.ts';

export interface ApiDeps {
  store: Store;
  audit: AuditStore;
  service: ScreeningService;
  /** HMAC key for audit checkpoints (GET /v1/audit/checkpoint); absent: that route answers 503. */
  auditKey?: string;
  /** The counterparty book (routes/book.ts); absent: the book routes answer 503. */
  book?: BookService;
  /** Continuous monitoring (routes/alerts.ts, routes/webhooks.ts); absent: those routes are not registered. */
  monitoring?: MonitoringContext;
}

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** The audit identity of a request. */
export function callerOf(request: { caller: { actor: string } }): Caller {
  return { actor: request.caller.actor, channel: 'api' };
}

/** 503 until the index is built (readiness); true when the caller may go on. */
export function ready(deps: ApiDeps, reply: FastifyReply): boolean {
  if (deps.service.screener.state().ready) return true;
  const payload: ErrorPayload = { error: { code: 'not_ready', message: 'the screening index is still being built', hint: 'retry in a few seconds; GET /readyz says when it is ready' } };
  void reply.code(503).header('retry-after', '5').send(payload);
  return false;
}

/** Sends a JSON text as is (the stored screening is the same bytes). */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
