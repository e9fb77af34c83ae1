// The BookStore on Kysely, for SQLite and PostgreSQL. Every import and every screening run is one transaction:
// a killed process leaves the book (and the previous results) as they were.
import { createHash } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { IsoDate } from '../domain/ids.ts';
import { shareRange, type EdgeKind, type NodeRef, type RelationEdge } from '../graph/types.ts';
import type {
  BookImport,
  BookRun,
  BookStore,
  BookWriteHooks,
  MatchDecision,
  MatchDecisionKind,
  NewBookImport,
  PartyRecord,
  PartyResultRecord,
  PartyStatus,
  StoredParty,
} from './book-store.ts';
import { batches, inChunks, keysetPages, ROWS_PER_INSERT, ROWS_PER_PAGE } from './kysely/batching.ts';
import { KyselyStoreBase } from './kysely/store-base.ts';
import { migrated, openKysely } from './kysely/open-kysely.ts';

interface PartiesTable {
  party_id: string;
  name: string;
  schema: string;
  country: string | null;
  address: string | null;
  identifiers: string;
  roles: string;
  content_hash: string;
  revision: number;
  updated_at: string;
}

interface RelationsTable {
  owner: string;
  owned: string;
  kind: string;
  share_lo: number;
  share_hi: number;
  source: string;
  as_of: string | null;
  valid_from: string | null;
  valid_to: string | null;
  owner_name: string | null;
  owned_name: string | null;
  note: string | null;
  revision: number;
}

interface ImportsTable {
  revision: number;
  kind: string;
  at: string;
  source_path: string;
  format: string;
  rows_read: number;
  added: number;
  changed: number;
  unchanged: number;
  warnings: string;
}

interface RunsTable {
  run_id: string;
  at: string;
  date: string;
  revision: number;
  algorithm: string;
  lists: string;
  summary: string;
}

interface ResultsTable {
  party_id: string;
  run_id: string;
  status: string;
  name_status: string;
  ownership_status: string;
  detail: string | null;
}

interface DecisionsTable {
  party_id: string;
  entity_id: string;
  decision: string;
  actor: string;
  reason: string;
  decided_at: string;
}

interface IndexPartsTable {
  revision: number;
  part: number;
  data: Uint8Array;
}

interface BookDatabase {
  book_index_parts: IndexPartsTable;
  book_parties: PartiesTable;
  book_relations: RelationsTable;
  book_imports: ImportsTable;
  book_runs: RunsTable;
  book_results: ResultsTable;
  book_decisions: DecisionsTable;
}

/** Values per `in (…)` list of a lookup by key. */
const VALUES_PER_IN = 500;

/** Hash of a party's content: an upsert with the same content leaves the party (and its revision) unchanged. */
export function partyHash(p: PartyRecord): string {
  const canonical = JSON.stringify([
    p.name,
    p.schema,
    p.country ?? null,
    p.address ?? null,
    p.identifiers,
    p.roles,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function toParty(row: Selectable<PartiesTable>): StoredParty {
  const party: StoredParty = {
    partyId: row.party_id,
    name: row.name,
    schema: row.schema,
    identifiers: JSON.parse(row.identifiers) as string[],
    roles: JSON.parse(row.roles) as string[],
    revision: Number(row.revision),
    updatedAt: row.updated_at,
  };
  if (row.country !== null) party.country = row.country;
  if (row.address !== null) party.address = row.address;
  return party;
}

function toEdge(row: Selectable<RelationsTable>): RelationEdge {
  const edge: RelationEdge = {
    owner: row.owner as NodeRef,
    owned: row.owned as NodeRef,
    kind: row.kind as EdgeKind,
    share: shareRange(Number(row.share_lo), Number(row.share_hi)),
    source: row.source,
  };
  if (row.as_of !== null) edge.asOf = row.as_of as IsoDate;
  if (row.valid_from !== null) edge.validFrom = row.valid_from as IsoDate;
  if (row.valid_to !== null) edge.validTo = row.valid_to as IsoDate;
  if (row.owner_name !== null) edge.ownerName = row.owner_name;
  if (row.owned_name !== null) edge.ownedName = row.owned_name;
  if (row.note !== null) edge.note = row.note;
  return edge;
}

function edgeRow(e: RelationEdge, revision: number): RelationsTable {
  return {
    owner: e.owner,
    owned: e.owned,
    kind: e.kind,
    share_lo: e.share[0],
    share_hi: e.share[1],
    source: e.source,
    as_of: e.asOf ?? null,
    valid_from: e.validFrom ?? null,
    valid_to: e.validTo ?? null,
    owner_name: e.ownerName ?? null,
    owned_name: e.ownedName ?? null,
    note: e.note ?? null,
    revision,
  };
}

function toImport(row: Selectable<ImportsTable>): BookImport {
  return {
    revision: Number(row.revision),
    kind: row.kind as BookImport['kind'],
    at: row.at,
    sourcePath: row.source_path,
    format: row.format,
    rowsRead: Number(row.rows_read),
    added: Number(row.added),
    changed: Number(row.changed),
    unchanged: Number(row.unchanged),
    warnings: JSON.parse(row.warnings) as BookImport['warnings'],
  };
}

function toResult(row: Selectable<ResultsTable>): PartyResultRecord {
  return {
    partyId: row.party_id,
    runId: row.run_id,
    status: row.status as PartyStatus,
    nameStatus: row.name_status as PartyStatus,
    ownershipStatus: row.ownership_status as PartyStatus,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
  };
}

function resultRow(r: PartyResultRecord): ResultsTable {
  return {
    party_id: r.partyId,
    run_id: r.runId,
    status: r.status,
    name_status: r.nameStatus,
    ownership_status: r.ownershipStatus,
    detail: r.detail === null || r.detail === undefined ? null : JSON.stringify(r.detail),
  };
}

function toRun(row: Selectable<RunsTable>): BookRun {
  return {
    runId: row.run_id,
    at: row.at,
    date: row.date,
    revision: Number(row.revision),
    algorithm: row.algorithm,
    lists: JSON.parse(row.lists) as BookRun['lists'],
    summary: JSON.parse(row.summary) as unknown,
  };
}

const relationKey = (e: RelationEdge): string => `${e.owner}\u0000${e.owned}\u0000${e.kind}\u0000${e.source}`;

export class KyselyBookStore extends KyselyStoreBase<BookDatabase> implements BookStore {
  async revision(): Promise<number> {
    const row = await this.db
      .selectFrom('book_imports')
      .select((eb) => eb.fn.max('revision').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  }

  /** Takes the book's write lock and returns the next revision. */
  async #nextRevision(trx: Transaction<BookDatabase>): Promise<number> {
    // PostgreSQL: one writer at a time (SQLite already has a single writer per database).
    if (this.dialect === 'postgres') await sql`lock table book_imports in exclusive mode`.execute(trx);
    const row = await trx
      .selectFrom('book_imports')
      .select((eb) => eb.fn.max('revision').as('max'))
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  async #recordImport(
    trx: Transaction<BookDatabase>,
    meta: NewBookImport,
    revision: number,
    counts: Pick<BookImport, 'added' | 'changed' | 'unchanged'>,
  ): Promise<BookImport> {
    const row: ImportsTable = {
      revision,
      kind: meta.kind,
      at: meta.at,
      source_path: meta.sourcePath,
      format: meta.format,
      rows_read: meta.rowsRead,
      ...counts,
      warnings: JSON.stringify(meta.warnings),
    };
    await trx.insertInto('book_imports').values(row).execute();
    return toImport(row);
  }

  async upsertParties(
    parties: readonly PartyRecord[],
    meta: NewBookImport,
    hooks: BookWriteHooks = {},
  ): Promise<BookImport> {
    // Key order keeps the B-tree writes sequential (see upsertRelations).
    const sorted = [...parties].sort((a, b) => (a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0));
    return this.db.transaction().execute(async (trx) => {
      const revision = await this.#nextRevision(trx);
      const counts = { added: 0, changed: 0, unchanged: 0 };
      for (const batch of batches(sorted, ROWS_PER_INSERT)) {
        const c = await this.#upsertPartyBatch(trx, batch, revision, meta.at);
        counts.added += c.added;
        counts.changed += c.changed;
        counts.unchanged += c.unchanged;
      }
      const done = await this.#recordImport(trx, meta, revision, counts);
      await hooks.beforeCommit?.();
      return done;
    });
  }

  async #upsertPartyBatch(
    trx: Transaction<BookDatabase>,
    batch: readonly PartyRecord[],
    revision: number,
    at: string,
  ): Promise<{ added: number; changed: number; unchanged: number }> {
    const existing = await trx
      .selectFrom('book_parties')
      .select(['party_id', 'content_hash'])
      .where(
        'party_id',
        'in',
        batch.map((p) => p.partyId),
      )
      .execute();
    const hashes = new Map(existing.map((r) => [r.party_id, r.content_hash]));
    const rows: PartiesTable[] = [];
    let added = 0;
    for (const p of batch) {
      const hash = partyHash(p);
      const before = hashes.get(p.partyId);
      if (before === hash) continue;
      if (before === undefined) added++;
      rows.push({
        party_id: p.partyId,
        name: p.name,
        schema: p.schema,
        country: p.country ?? null,
        address: p.address ?? null,
        identifiers: JSON.stringify(p.identifiers),
        roles: JSON.stringify(p.roles),
        content_hash: hash,
        revision,
        updated_at: at,
      });
    }
    if (rows.length > 0) {
      await trx
        .insertInto('book_parties')
        .values(rows)
        .onConflict((oc) =>
          oc.column('party_id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            schema: eb.ref('excluded.schema'),
            country: eb.ref('excluded.country'),
            address: eb.ref('excluded.address'),
            identifiers: eb.ref('excluded.identifiers'),
            roles: eb.ref('excluded.roles'),
            content_hash: eb.ref('excluded.content_hash'),
            revision: eb.ref('excluded.revision'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    return { added, changed: rows.length - added, unchanged: batch.length - rows.length };
  }

  async upsertRelations(
    edges: readonly RelationEdge[],
    meta: NewBookImport,
    hooks: BookWriteHooks = {},
  ): Promise<BookImport> {
    // A file may state a pair twice: the last statement wins, as it would row by row. Inserting in key order
    // keeps the primary-key B-tree writes sequential (a million random-order inserts thrash the page cache).
    const byKey = new Map(edges.map((e) => [relationKey(e), e]));
    const unique = [...byKey.keys()].sort().map((k) => byKey.get(k)!);
    return this.db.transaction().execute(async (trx) => {
      const revision = await this.#nextRevision(trx);
      let added = 0;
      for (const batch of batches(unique, ROWS_PER_INSERT)) {
        added += batch.length - (await this.#existingRelations(trx, batch));
        await trx
          .insertInto('book_relations')
          .values(batch.map((e) => edgeRow(e, revision)))
          .onConflict((oc) =>
            oc.columns(['owner', 'owned', 'kind', 'source']).doUpdateSet((eb) => ({
              share_lo: eb.ref('excluded.share_lo'),
              share_hi: eb.ref('excluded.share_hi'),
              as_of: eb.ref('excluded.as_of'),
              valid_from: eb.ref('excluded.valid_from'),
              valid_to: eb.ref('excluded.valid_to'),
              owner_name: eb.ref('excluded.owner_name'),
              owned_name: eb.ref('excluded.owned_name'),
              note: eb.ref('excluded.note'),
              revision: eb.ref('excluded.revision'),
            })),
          )
          .execute();
      }
      const done = await this.#recordImport(trx, meta, revision, {
        added,
        changed: unique.length - added,
        unchanged: 0,
      });
      await hooks.beforeCommit?.();
      return done;
    });
  }

  /** How many of these relations are already stored (by key; a row-value IN reads the primary key only). */
  async #existingRelations(trx: Transaction<BookDatabase>, batch: readonly RelationEdge[]): Promise<number> {
    const keys = sql.join(batch.map((e) => sql`(${e.owner}, ${e.owned}, ${e.kind}, ${e.source})`));
    const row = await trx
      .selectFrom('book_relations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(sql<boolean>`(owner, owned, kind, source) in (${keys})`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async imports(): Promise<BookImport[]> {
    return (await this.db.selectFrom('book_imports').selectAll().orderBy('revision').execute()).map(toImport);
  }

  async party(partyId: string): Promise<StoredParty | undefined> {
    const row = await this.db
      .selectFrom('book_parties')
      .selectAll()
      .where('party_id', '=', partyId)
      .executeTakeFirst();
    return row === undefined ? undefined : toParty(row);
  }

  async partyCount(): Promise<number> {
    const row = await this.db
      .selectFrom('book_parties')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async *parties(options: { sinceRevision?: number } = {}): AsyncIterable<StoredParty> {
    const pages = keysetPages(ROWS_PER_PAGE, (after: Selectable<PartiesTable> | undefined, limit) => {
      let q = this.db.selectFrom('book_parties').selectAll();
      if (options.sinceRevision !== undefined) q = q.where('revision', '>', options.sinceRevision);
      if (after !== undefined) q = q.where('party_id', '>', after.party_id);
      return q.orderBy('party_id').limit(limit).execute();
    });
    for await (const row of pages) yield toParty(row);
  }

  async *partyNames(): AsyncIterable<readonly [string, string]> {
    // Two short columns a row: pages four times as long.
    const pages = keysetPages(
      ROWS_PER_PAGE * 4,
      (after: { party_id: string; name: string } | undefined, limit) => {
        let q = this.db.selectFrom('book_parties').select(['party_id', 'name']);
        if (after !== undefined) q = q.where('party_id', '>', after.party_id);
        return q.orderBy('party_id').limit(limit).execute();
      },
    );
    for await (const row of pages) yield [row.party_id, row.name] as const;
  }

  async relationCount(): Promise<number> {
    const row = await this.db
      .selectFrom('book_relations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async *relations(): AsyncIterable<RelationEdge> {
    const pages = keysetPages(ROWS_PER_PAGE, (after: Selectable<RelationsTable> | undefined, limit) => {
      let q = this.db.selectFrom('book_relations').selectAll();
      if (after !== undefined) {
        const { owner, owned, kind, source } = after;
        q = q.where(sql<boolean>`(owner, owned, kind, source) > (${owner}, ${owned}, ${kind}, ${source})`);
      }
      return q.orderBy('owner').orderBy('owned').orderBy('kind').orderBy('source').limit(limit).execute();
    });
    for await (const row of pages) yield toEdge(row);
  }

  async relationsOf(node: string): Promise<RelationEdge[]> {
    const rows = await this.db
      .selectFrom('book_relations')
      .selectAll()
      .where((eb) => eb.or([eb('owner', '=', node), eb('owned', '=', node)]))
      .orderBy('owner')
      .orderBy('owned')
      .orderBy('kind')
      .orderBy('source')
      .execute();
    return rows.map(toEdge);
  }

  async relationsAt(nodes: readonly string[], side: 'owner' | 'owned'): Promise<RelationEdge[]> {
    const rows = await inChunks(nodes, VALUES_PER_IN, (chunk) =>
      this.db.selectFrom('book_relations').selectAll().where(side, 'in', chunk).execute(),
    );
    return rows.map(toEdge);
  }

  async partyNamesOf(partyIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await inChunks(partyIds, VALUES_PER_IN, (chunk) =>
      this.db
        .selectFrom('book_parties')
        .select(['party_id', 'name'])
        .where('party_id', 'in', chunk)
        .execute(),
    );
    return new Map(rows.map((row) => [row.party_id, row.name]));
  }

  async saveRun(
    run: BookRun,
    results: Iterable<PartyResultRecord>,
    hooks: BookWriteHooks = {},
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('book_results').execute();
      await trx.deleteFrom('book_runs').execute();
      await trx
        .insertInto('book_runs')
        .values({
          run_id: run.runId,
          at: run.at,
          date: run.date,
          revision: run.revision,
          algorithm: run.algorithm,
          lists: JSON.stringify(run.lists),
          summary: JSON.stringify(run.summary),
        })
        .execute();
      for (const batch of batches(results, ROWS_PER_INSERT))
        await trx.insertInto('book_results').values(batch.map(resultRow)).execute();
      await hooks.beforeCommit?.();
    });
  }

  async latestRun(): Promise<BookRun | undefined> {
    const row = await this.db.selectFrom('book_runs').selectAll().orderBy('at', 'desc').executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  async result(partyId: string): Promise<PartyResultRecord | undefined> {
    const row = await this.db
      .selectFrom('book_results')
      .selectAll()
      .where('party_id', '=', partyId)
      .executeTakeFirst();
    return row === undefined ? undefined : toResult(row);
  }

  async *flaggedResults(): AsyncIterable<PartyResultRecord> {
    const pages = keysetPages(ROWS_PER_PAGE, (after: Selectable<ResultsTable> | undefined, limit) => {
      let q = this.db.selectFrom('book_results').selectAll().where('status', '!=', 'clear');
      if (after !== undefined) q = q.where('party_id', '>', after.party_id);
      return q.orderBy('party_id').limit(limit).execute();
    });
    for await (const row of pages) yield toResult(row);
  }

  async saveIndex(revision: number, parts: readonly Uint8Array[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('book_index_parts').execute();
      for (let i = 0; i < parts.length; i++)
        await trx.insertInto('book_index_parts').values({ revision, part: i, data: parts[i]! }).execute();
    });
  }

  async loadIndex(): Promise<{ revision: number; parts: Uint8Array[] } | undefined> {
    const rows = await this.db.selectFrom('book_index_parts').selectAll().orderBy('part').execute();
    if (rows.length === 0) return undefined;
    return { revision: Number(rows[0]!.revision), parts: rows.map((r) => r.data) };
  }

  async decide(d: MatchDecision): Promise<void> {
    await this.db
      .insertInto('book_decisions')
      .values({
        party_id: d.partyId,
        entity_id: d.entityId,
        decision: d.decision,
        actor: d.actor,
        reason: d.reason,
        decided_at: d.decidedAt,
      })
      .onConflict((oc) =>
        oc.columns(['party_id', 'entity_id']).doUpdateSet((eb) => ({
          decision: eb.ref('excluded.decision'),
          actor: eb.ref('excluded.actor'),
          reason: eb.ref('excluded.reason'),
          decided_at: eb.ref('excluded.decided_at'),
        })),
      )
      .execute();
  }

  async decisions(): Promise<MatchDecision[]> {
    const rows = await this.db
      .selectFrom('book_decisions')
      .selectAll()
      .orderBy('party_id')
      .orderBy('entity_id')
      .execute();
    return rows.map((r) => ({
      partyId: r.party_id,
      entityId: r.entity_id,
      decision: r.decision as MatchDecisionKind,
      actor: r.actor,
      reason: r.reason,
      decidedAt: r.decided_at,
    }));
  }
}

/** Opens and migrates the book in the database at `location` (the same location as the list store). */
export async function openBookStore(location: string): Promise<BookStore> {
  // Bulk imports of a million parties or relations update B-tree indexes all over the file: a 256 MiB page cache
  // (SQLite's default is 2 MiB) keeps them in memory for the transaction.
  const { db, dialect } = openKysely<BookDatabase>(location, {
    poolSize: 4,
    sqliteSetup: 'PRAGMA cache_size = -262144;',
  });
  return migrated<BookStore>(new KyselyBookStore(db, dialect));
}
