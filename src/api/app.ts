// The HTTP app: validation from the request schemas (which are also the OpenAPI document at /openapi.json and
// the docs page at /docs, served from local assets so it works offline), API keys, one error handler, and one
// file per resource under routes/.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { installAuth } from './auth.ts';
import { cslRoutes } from './csl/route.ts';
import { installErrorHandlers } from './errors.ts';
import { alertRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { bookRoutes } from './routes/book.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { listRoutes } from './routes/lists.ts';
import { screenRoutes } from './routes/screen.ts';
import { screeningRoutes } from './routes/screenings.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import type { Api, ApiDeps } from './types.ts';
import { yenteRoutes } from './yente/route.ts';

export interface ApiOptions {
  /** Require an API key on every non-public route (always, off loopback). */
  requireKeys: boolean;
  /** Audit identity of key-less loopback callers: `local:<user>`. */
  localUser: string;
  logger?: FastifyServerOptions['logger'];
  /** Revocation delay: how long a checked key is trusted (default 2 s). */
  keyCacheMs?: number;
}

/** Largest request body: a full batch of 1,000 parties with addresses and ids stays well under it. */
export const BODY_LIMIT = 4 * 1024 * 1024;

/** Builds the app (not listening); `inject` works on it directly. */
export async function buildApi(deps: ApiDeps, options: ApiOptions): Promise<Api> {
  const app: Api = Fastify({
    logger: options.logger ?? false,
    // One log line per request would cost more than a screening; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // No child logger per request (a pino child costs a few µs on every request); the error handler logs the
    // request id itself.
    childLoggerFactory: (logger) => logger,
    bodyLimit: BODY_LIMIT,
    // Unknown fields are errors, not silently dropped; report every invalid field at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
    // Path parameters are bounded; longer ones are refused before routing.
    routerOptions: { maxParamLength: 300 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandlers(app);
  installAuth(app, {
    audit: deps.audit,
    requireKeys: options.requireKeys,
    localUser: options.localUser,
    ...(options.keyCacheMs === undefined ? {} : { keyCacheMs: options.keyCacheMs }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Embargo screening API',
        version: '1',
        description:
          'Export-control and sanctions screening. Every screening is recorded in a hash-chained audit log before it is answered.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'ApiKey <key> (yente clients)',
          },
          subscriptionKey: {
            type: 'apiKey',
            in: 'header',
            name: 'subscription-key',
            description: 'trade.gov CSL clients',
          },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }, { subscriptionKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: false }, uiHooks: {} });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  for (const routes of [
    healthRoutes,
    screenRoutes,
    screeningRoutes,
    entityRoutes,
    listRoutes,
    auditRoutes,
    bookRoutes,
    alertRoutes,
    webhookRoutes,
    yenteRoutes,
    cslRoutes,
  ])
    routes(app, deps);
  return app;
}
