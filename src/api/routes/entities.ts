// GET /v1/entities/{id}: a listed party as stored (current version, or as of ?version=), its raw source record,
// and the list version it comes from.
import { Type } from 'typebox';
import { parseEntityId, type EntityId } from '../../domain/ids.ts';
import { notFound } from '../errors.ts';
import { AnyObject, errorResponses } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';
import { versionOut } from './lists.ts';

export function entityRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/entities/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['lists'],
        summary: 'A listed party: full record, raw source record, list version',
        params: Type.Object({ id: Type.String({ minLength: 3, maxLength: 300, description: '<listId>:<sourceId>, e.g. us_ofac_cons:30946' }) }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const id = request.params.id;
      const { listId } = parseEntityId(id);
      const asked = request.query.version;
      const version =
        asked === undefined ? (await deps.store.currentVersions()).find((v) => v.listId === listId) : await deps.store.version(listId, asked);
      const entity = version === undefined ? undefined : await deps.store.entity(id as EntityId, asked);
      if (version === undefined || entity === undefined) {
        throw notFound(`entity ${id}${asked === undefined ? '' : ` in version ${asked}`}`, 'entity ids are <listId>:<sourceId> as returned by a screening');
      }
      const { raw, ...record } = entity;
      return { entity: record, raw, list_version: versionOut(version) };
    },
  );
}
