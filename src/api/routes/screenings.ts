// GET /v1/screenings/{id}: a stored screening, byte for byte as it was answered.
import { Type } from 'typebox';
import { errorResponses } from '../schemas.ts';
import { notFound } from '../errors.ts';
import { sendJsonText, type Api, type ApiDeps } from '../types.ts';

export function screeningRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/screenings/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['audit'],
        summary: 'A stored screening, exactly as it was returned',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const text = await deps.service.storedResponse(request.params.id);
      if (text === undefined) throw notFound(`screening ${request.params.id}`, 'screening ids are returned in the `id` field of every screening');
      return sendJsonText(reply, text);
    },
  );
}
