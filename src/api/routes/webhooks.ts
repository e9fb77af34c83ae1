// Webhook endpoints over HTTP (issue 8): GET|POST /v1/webhooks, GET|DELETE /v1/webhooks/{id}, and the endpoint's
// outbox and delivery log (GET /v1/webhooks/{id}/messages, /deliveries). Admin only: an endpoint receives every
// alert. The signing secret is in the answer to the POST only. Registered only when the server is composed with
// monitoring.
import { Type } from 'typebox';
import { addEndpoint, endpointOut, WEBHOOK_EVENT_TYPES } from '../../monitor/index.ts';
import type { OutboxStatus } from '../../store/index.ts';
import { notFound } from '../errors.ts';
import { AnyObject, errorResponses, stringEnum } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';
import type { MonitoringContext } from '../../app/monitoring.ts';

const IdParams = Type.Object({ id: Type.String({ pattern: '^ep_[0-9a-f]{1,40}$' }) });
const NewEndpoint = Type.Object(
  {
    url: Type.String({
      minLength: 8,
      maxLength: 2000,
      description: 'http(s) URL that receives the POSTed events',
    }),
    events: Type.Optional(
      Type.Array(stringEnum(WEBHOOK_EVENT_TYPES), {
        maxItems: 10,
        description: 'Event types to receive (default: all)',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

async function endpointOr404(m: MonitoringContext, id: string) {
  const e = await m.deps.monitor.endpoint(id);
  if (e === undefined) throw notFound(`webhook endpoint ${id}`, 'GET /v1/webhooks lists the endpoints');
  return e;
}

export function webhookRoutes(app: Api, deps: ApiDeps): void {
  const m = deps.monitoring;
  if (m === undefined) return;
  const admin = { access: 'admin' as const };
  app.get(
    '/v1/webhooks',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Registered webhook endpoints',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async () => ({
      endpoints: (await m.deps.monitor.endpoints({ includeDisabled: true })).map(endpointOut),
      event_types: WEBHOOK_EVENT_TYPES,
    }),
  );
  app.post(
    '/v1/webhooks',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Register an endpoint; the answer holds its signing secret (shown once)',
        body: NewEndpoint,
        response: { 201: AnyObject, ...errorResponses },
      },
    },
    async (request, reply) => {
      const e = await addEndpoint(m.deps.monitor, {
        url: request.body.url,
        ...(request.body.events === undefined ? {} : { events: request.body.events }),
        ...(request.body.description === undefined ? {} : { description: request.body.description }),
      });
      return reply.code(201).send({ ...endpointOut(e), secret: e.secret });
    },
  );
  app.get(
    '/v1/webhooks/:id',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'One endpoint (without its secret)',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => endpointOut(await endpointOr404(m, request.params.id)),
  );
  app.delete(
    '/v1/webhooks/:id',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'Remove an endpoint; its undelivered events are marked failed',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      await endpointOr404(m, request.params.id);
      const removed = await m.deps.monitor.disableEndpoint(request.params.id, new Date().toISOString());
      return { endpoint_id: request.params.id, removed };
    },
  );
  app.get(
    '/v1/webhooks/:id/messages',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'The outbox of an endpoint: each event with its status and attempts',
        params: IdParams,
        querystring: Type.Object(
          { status: Type.Optional(stringEnum(['pending', 'delivered', 'failed'] as const)) },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      await endpointOr404(m, request.params.id);
      const status = request.query.status as OutboxStatus | undefined;
      const messages = await m.deps.monitor.outbox({
        endpointId: request.params.id,
        ...(status === undefined ? {} : { status }),
      });
      return {
        messages: messages.map((x) => ({
          message_id: x.messageId,
          type: x.type,
          status: x.status,
          attempts: x.attempts,
          next_attempt_at: x.nextAttemptAt,
          last_error: x.lastError,
          delivered_at: x.deliveredAt,
          created_at: x.createdAt,
        })),
      };
    },
  );
  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config: admin,
      schema: {
        tags: ['webhooks'],
        summary: 'The delivery log of an endpoint (every attempt)',
        params: IdParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      await endpointOr404(m, request.params.id);
      const log = await m.deps.monitor.deliveries({
        endpointId: request.params.id,
        limit: request.query.limit ?? 100,
      });
      return {
        deliveries: log.map((d) => ({
          message_id: d.messageId,
          attempt: d.attempt,
          at: d.at,
          outcome: d.outcome,
          status_code: d.statusCode,
          error: d.error,
          duration_ms: d.durationMs,
        })),
      };
    },
  );
}
