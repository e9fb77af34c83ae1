// GET /healthz (the process answers) and GET /readyz (the screening index is built).
import { Type } from 'typebox';
import type { Api, ApiDeps } from '../types.ts';

export function healthRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.String() }) } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: 200 once the screening index is built, 503 before',
        response: {
          200: Type.Object({ status: Type.String(), entities: Type.Integer(), built_at: Type.Union([Type.String(), Type.Null()]), lists: Type.Array(Type.Object({ list_id: Type.String(), version: Type.Integer() })) }),
          503: Type.Object({ status: Type.String(), entities: Type.Integer(), built_at: Type.Union([Type.String(), Type.Null()]), lists: Type.Array(Type.Object({ list_id: Type.String(), version: Type.Integer() })) }),
        },
      },
    },
    async (_request, reply) => {
      const state = deps.service.screener.state();
      const body = { status: state.ready ? 'ready' : 'building', entities: state.entities, built_at: state.builtAt ?? null, lists: state.lists };
      return reply.code(state.ready ? 200 : 503).send(body);
    },
  );
}
