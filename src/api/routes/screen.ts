// POST /v1/screen and POST /v1/screen/batch: Embargo's own screening endpoints.
import { BatchBody, ScreenBody, errorResponses } from '../schemas.ts';
import { callerOf, ready, sendJsonText, type Api, type ApiDeps } from '../types.ts';

const ANSWER = 'Screening result: id (GET /v1/screenings/{id} returns it again), lists and versions, algorithm, threshold, matches with their explanation, jurisdiction findings.';

export function screenRoutes(app: Api, deps: ApiDeps): void {
  app.post(
    '/v1/screen',
    {
      config: { access: 'screener' },
      schema: { tags: ['screening'], summary: 'Screen one party', description: ANSWER, body: ScreenBody, response: errorResponses },
    },
    async (request, reply) => {
      if (!ready(deps, reply)) return reply;
      const { threshold, lists, limit, ...party } = request.body;
      const settings = { ...(threshold === undefined ? {} : { threshold }), ...(lists === undefined ? {} : { lists }), ...(limit === undefined ? {} : { limit }) };
      const answered = await deps.service.screenOne(callerOf(request), party, settings);
      return sendJsonText(reply, answered.json);
    },
  );

  app.post(
    '/v1/screen/batch',
    {
      config: { access: 'screener' },
      schema: {
        tags: ['screening'],
        summary: 'Screen up to 1,000 parties',
        description: 'One result per party in input order; a party the engine cannot read is an error item, the others are still screened. Recorded as one audit record.',
        body: BatchBody,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      if (!ready(deps, reply)) return reply;
      const { parties, threshold, lists, limit } = request.body;
      const settings = { ...(threshold === undefined ? {} : { threshold }), ...(lists === undefined ? {} : { lists }), ...(limit === undefined ? {} : { limit }) };
      const answered = await deps.service.screenBatch(callerOf(request), parties, settings);
      return sendJsonText(reply, answered.json);
    },
  );
}
