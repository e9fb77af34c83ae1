// The Store on Kysely: one code path for SQLite and PostgreSQL (the dialect is chosen by the caller).
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Entity } from '../domain/entity.ts';
import { parseEntityId, type EntityId, type IsoDate, type ListId } from '../domain/ids.ts';
import { caption } from '../domain/entity.ts';
import { KyselyStoreBase } from './kysely/store-base.ts';
import type { Database, ListVersionsTable } from './schema.ts';
import type { CommitHooks, ListVersion, NewVersion, Store } from './store.ts';

/** Rows per INSERT: stays under SQLite's 32,766 bound-parameter limit (10 columns × 500). */
const INSERT_BATCH = 500;
/** Rows fetched per page when streaming entities. */
const READ_PAGE = 2000;

function toListVersion(row: Selectable<ListVersionsTable>): ListVersion {
  return {
    listId: row.list_id as ListId,
    version: Number(row.version),
    contentHash: row.content_hash,
    asOf: (row.as_of ?? null) as IsoDate | null,
    importedAt: row.imported_at,
    format: row.format,
    sourcePath: row.source_path,
    rowsRead: Number(row.rows_read),
    entityCount: Number(row.entity_count),
    added: Number(row.added),
    removed: Number(row.removed),
    changed: Number(row.changed),
    warnings: JSON.parse(row.warnings) as ListVersion['warnings'],
  };
}

export class KyselyStore extends KyselyStoreBase<Database> implements Store {
  async currentVersions(): Promise<ListVersion[]> {
    const rows = await this.db
      .selectFrom('list_versions as v')
      .innerJoin('lists as l', (j) => j.onRef('l.list_id', '=', 'v.list_id').onRef('l.current_version', '=', 'v.version'))
      .selectAll('v')
      .orderBy('v.list_id')
      .execute();
    return rows.map(toListVersion);
  }

  async listVersions(listId: ListId): Promise<ListVersion[]> {
    const rows = await this.db.selectFrom('list_versions').selectAll().where('list_id', '=', listId).orderBy('version').execute();
    return rows.map(toListVersion);
  }

  async version(listId: ListId, version: number): Promise<ListVersion | undefined> {
    const row = await this.db
      .selectFrom('list_versions')
      .selectAll()
      .where('list_id', '=', listId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row === undefined ? undefined : toListVersion(row);
  }

  async currentHashes(listId: ListId): Promise<Map<EntityId, string>> {
    const rows = await this.db
      .selectFrom('entity_records')
      .select(['entity_id', 'content_hash'])
      .where('list_id', '=', listId)
      .where('valid_to', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.entity_id as EntityId, r.content_hash]));
  }

  async commitVersion(input: NewVersion, hooks: CommitHooks = {}): Promise<ListVersion> {
    return this.db.transaction().execute(async (trx) => {
      const version = await this.nextVersion(trx, input.listId);
      const changed = input.upserts.length - input.addedCount;
      await this.closeRecords(trx, input, version);
      await this.insertRecords(trx, input, version);
      const row: ListVersionsTable = {
        list_id: input.listId,
        version,
        content_hash: input.contentHash,
        as_of: input.asOf,
        imported_at: input.importedAt,
        format: input.format,
        source_path: input.sourcePath,
        rows_read: input.rowsRead,
        entity_count: input.entityCount,
        added: input.addedCount,
        removed: input.removals.length,
        changed,
        warnings: JSON.stringify(input.warnings),
      };
      await trx.insertInto('list_versions').values(row).execute();
      await trx.updateTable('lists').set({ current_version: version }).where('list_id', '=', input.listId).execute();
      await hooks.beforeCommit?.();
      return toListVersion(row);
    });
  }

  private async nextVersion(trx: Transaction<Database>, listId: ListId): Promise<number> {
    await trx.insertInto('lists').values({ list_id: listId, current_version: null }).onConflict((oc) => oc.column('list_id').doNothing()).execute();
    if (this.dialect === 'postgres') {
      // Serialises concurrent imports of the same list (SQLite already has a single writer).
      await sql`select 1 from lists where list_id = ${listId} for update`.execute(trx);
    }
    const row = await trx
      .selectFrom('list_versions')
      .select((eb) => eb.fn.max('version').as('max'))
      .where('list_id', '=', listId)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  private async closeRecords(trx: Transaction<Database>, input: NewVersion, version: number): Promise<void> {
    const ids = [...input.removals, ...input.upserts.map((u) => u.entity.id)];
    for (let i = 0; i < ids.length; i += INSERT_BATCH) {
      await trx
        .updateTable('entity_records')
        .set({ valid_to: version })
        .where('list_id', '=', input.listId)
        .where('valid_to', 'is', null)
        .where('entity_id', 'in', ids.slice(i, i + INSERT_BATCH))
        .execute();
    }
  }

  private async insertRecords(trx: Transaction<Database>, input: NewVersion, version: number): Promise<void> {
    for (let i = 0; i < input.upserts.length; i += INSERT_BATCH) {
      const rows = input.upserts.slice(i, i + INSERT_BATCH).map(({ entity, hash }) => ({
        list_id: input.listId,
        entity_id: entity.id,
        source_id: entity.sourceId,
        valid_from: version,
        valid_to: null,
        content_hash: hash,
        schema: entity.schema,
        caption: caption(entity),
        status: entity.status,
        data: JSON.stringify(entity),
      }));
      await trx.insertInto('entity_records').values(rows).execute();
    }
  }

  async *entitiesAt(listId: ListId, version: number): AsyncIterable<Entity> {
    yield* this.pages((q) =>
      q
        .where('list_id', '=', listId)
        .where('valid_from', '<=', version)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', version)])),
    );
  }

  async *currentEntities(listIds?: readonly ListId[]): AsyncIterable<Entity> {
    if (listIds !== undefined && listIds.length === 0) return;
    yield* this.pages((q) => {
      const current = q.where('valid_to', 'is', null);
      return listIds === undefined ? current : current.where('list_id', 'in', [...listIds]);
    });
  }

  /** Keyset pagination over (entity_id, valid_from) so memory stays flat on big lists. */
  private async *pages(
    filter: (q: ReturnType<KyselyStore['baseQuery']>) => ReturnType<KyselyStore['baseQuery']>,
  ): AsyncIterable<Entity> {
    let after: { id: string; from: number } | undefined;
    for (;;) {
      let q = filter(this.baseQuery());
      if (after !== undefined) {
        const a = after;
        q = q.where((eb) =>
          eb.or([eb('entity_id', '>', a.id), eb.and([eb('entity_id', '=', a.id), eb('valid_from', '>', a.from)])]),
        );
      }
      const rows = await q.orderBy('entity_id').orderBy('valid_from').limit(READ_PAGE).execute();
      for (const row of rows) yield JSON.parse(row.data) as Entity;
      if (rows.length < READ_PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { id: last.entity_id, from: Number(last.valid_from) };
    }
  }

  private baseQuery() {
    return this.db.selectFrom('entity_records').select(['entity_id', 'valid_from', 'data']);
  }

  async entity(id: EntityId, version?: number): Promise<Entity | undefined> {
    const { listId } = parseEntityId(id);
    let q = this.db.selectFrom('entity_records').select('data').where('list_id', '=', listId).where('entity_id', '=', id);
    if (version === undefined) q = q.where('valid_to', 'is', null);
    else q = q.where('valid_from', '<=', version).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', version)]));
    const row = await q.executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.data) as Entity);
  }
}
