// API keys at the edge. Off loopback every non-public route needs a key, given as
//   Authorization: Bearer <key> | Authorization: ApiKey <key> (yente clients) | subscription-key header or
//   query parameter (trade.gov CSL clients).
// On loopback a request without a key is the local user (admin); a key, when given, is always checked.
// Roles nest: screener (screen) < analyst (+ read lists, entities, stored screenings) < admin (+ audit head).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KeyCache } from '../app/api-keys.ts';
import type { ApiRole, AuditStore } from '../store/index.ts';
import type { ErrorPayload } from './errors.ts';

export type Access = 'public' | ApiRole;

export interface CallerInfo {
  /** Recorded in the audit log: `key:<name>` or `local:<user>`. */
  actor: string;
  role: ApiRole | 'public';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Lowest role that may call the route. */
    access?: Access;
  }
  interface FastifyRequest {
    caller: CallerInfo;
  }
}

const RANK: Readonly<Record<Access, number>> = { public: 0, screener: 1, analyst: 2, admin: 3 };

export interface AuthOptions {
  audit: AuditStore;
  requireKeys: boolean;
  localUser: string;
  /** How long a checked key is trusted before it is looked up again (revocation delay); default 2 s. */
  keyCacheMs?: number;
}

/** The key a request carries, if any; the query parameter is removed so it reaches no log or audit record. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^(bearer|apikey)\s+(\S+)\s*$/i.exec(header);
    if (match !== null) return match[2];
  }
  const sub = request.headers['subscription-key'];
  if (typeof sub === 'string' && sub.trim() !== '') return sub.trim();
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.['subscription-key'];
  if (query !== undefined) delete query['subscription-key'];
  return typeof fromQuery === 'string' && fromQuery.trim() !== '' ? fromQuery.trim() : undefined;
}

function deny(reply: FastifyReply, status: 401 | 403, code: string, message: string, hint: string): FastifyReply {
  const payload: ErrorPayload = { error: { code, message, hint } };
  if (status === 401) void reply.header('www-authenticate', 'Bearer, ApiKey');
  return reply.code(status).send(payload);
}

async function identify(request: FastifyRequest, reply: FastifyReply, options: AuthOptions, keys: KeyCache): Promise<boolean> {
  const secret = presentedKey(request);
  if (secret !== undefined) {
    const key = await keys.authenticate(secret);
    if (key === undefined) {
      deny(reply, 401, 'unauthorized', 'the API key is unknown or revoked', 'ask an administrator for a key (`embargo keys create`)');
      return false;
    }
    request.caller = { actor: `key:${key.name}`, role: key.role };
    return true;
  }
  if (!options.requireKeys) {
    request.caller = { actor: `local:${options.localUser}`, role: 'admin' };
    return true;
  }
  deny(reply, 401, 'unauthorized', 'an API key is required', 'send Authorization: Bearer <key>, Authorization: ApiKey <key> or a subscription-key header');
  return false;
}

/** The route's access; the docs page (registered by @fastify/swagger-ui, without our config) is public. */
function accessOf(request: FastifyRequest): Access {
  const declared = request.routeOptions.config.access;
  if (declared !== undefined) return declared;
  return request.routeOptions.url?.startsWith('/docs') === true ? 'public' : 'screener';
}

/** Installs the key check as the first hook of every route. */
export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('caller', null as unknown as CallerInfo);
  const keys = new KeyCache(options.audit, options.keyCacheMs === undefined ? {} : { ttlMs: options.keyCacheMs });
  app.addHook('onRequest', async (request, reply) => {
    const access = accessOf(request);
    if (access === 'public') {
      presentedKey(request);
      request.caller = { actor: 'anonymous', role: 'public' };
      return;
    }
    if (!(await identify(request, reply, options, keys))) return reply;
    if (RANK[request.caller.role] < RANK[access]) {
      return deny(reply, 403, 'forbidden', `this route needs the ${access} role; the key has ${request.caller.role}`, 'use a key with that role');
    }
    return undefined;
  });
}
