// GET /v1/lists, /v1/lists/{id}/versions and /v1/lists/{id}/diff: the loaded lists, their versions, and what
// changed between two versions.
import { Type } from 'typebox';
import { listId } from '../../domain/ids.ts';
import { listInfo } from '../../domain/lists.ts';
import { diffList } from '../../ingest/diff.ts';
import type { ListVersion } from '../../store/index.ts';
import { notFound } from '../errors.ts';
import { AnyObject, LIST_ID, errorResponses } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';

/** A list version in the API's snake_case. */
export function versionOut(v: ListVersion) {
  return {
    list_id: v.listId as string,
    version: v.version,
    as_of: v.asOf as string | null,
    imported_at: v.importedAt,
    format: v.format,
    source_path: v.sourcePath,
    rows_read: v.rowsRead,
    entity_count: v.entityCount,
    added: v.added,
    removed: v.removed,
    changed: v.changed,
    warnings: v.warnings.length,
  };
}

const ListParams = Type.Object({ id: Type.String({ pattern: LIST_ID, maxLength: 100 }) });

export function listRoutes(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/lists',
    { config: { access: 'analyst' }, schema: { tags: ['lists'], summary: 'The loaded lists with their current version', response: { 200: AnyObject, ...errorResponses } } },
    async () => {
      const lists = (await deps.store.currentVersions()).map((v) => {
        const info = listInfo(v.listId);
        return { name: info.name, authority: info.authority, kind: info.kind, licence: info.licence, ...(info.subLists === undefined ? {} : { sub_lists: info.subLists }), ...versionOut(v) };
      });
      return { lists };
    },
  );

  app.get(
    '/v1/lists/:id/versions',
    { config: { access: 'analyst' }, schema: { tags: ['lists'], summary: 'Every imported version of a list', params: ListParams, response: { 200: AnyObject, ...errorResponses } } },
    async (request) => {
      const versions = await deps.store.listVersions(listId(request.params.id));
      if (versions.length === 0) throw notFound(`list ${request.params.id}`, 'GET /v1/lists shows the loaded lists');
      return { list_id: request.params.id, versions: versions.map(versionOut) };
    },
  );

  app.get(
    '/v1/lists/:id/diff',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['lists'],
        summary: 'Added, removed and changed entities between two versions (default: the current one and the one before)',
        params: ListParams,
        querystring: Type.Object({ from: Type.Optional(Type.Integer({ minimum: 0 })), to: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const diff = await diffList(deps.store, listId(request.params.id), { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
      return { list_id: diff.listId, from: diff.from, to: diff.to, added: diff.added, removed: diff.removed, changed: diff.changed };
    },
  );
}
