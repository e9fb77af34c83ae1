// GET /v1/audit/checkpoint (admin): the signed head of the audit chain, to keep outside the database.
import { Type } from 'typebox';
import { formatCheckpoint, signHead } from '../../audit/index.ts';
import type { ErrorPayload } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';

export function auditRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/audit/checkpoint',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Signed head of the audit chain (HMAC-SHA256 with EMBARGO_AUDIT_KEY)',
        response: { 200: Type.Object({ seq: Type.Integer(), hash: Type.String(), checkpoint: Type.String(), at: Type.String() }), ...errorResponses },
      },
    },
    async (_request, reply) => {
      if (deps.auditKey === undefined) {
        const payload: ErrorPayload = { error: { code: 'not_configured', message: 'no audit key is configured', hint: 'start the server with EMBARGO_AUDIT_KEY set' } };
        return reply.code(503).send(payload);
      }
      const head = await deps.audit.head();
      return { seq: head.seq, hash: head.hash, checkpoint: formatCheckpoint(signHead(head, deps.auditKey)), at: new Date().toISOString() };
    },
  );
}
