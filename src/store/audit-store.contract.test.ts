// The AuditStore contract on SQLite and PostgreSQL: group-committed appends form one chain; verify names every
// kind of tampering done directly in the database (edit, delete, reorder, truncate); API keys.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, test } from 'node:test';
import pg from 'pg';
import {
  formatCheckpoint,
  parseCheckpoint,
  signHead,
  verifyChain,
  type AuditInput,
  type ProblemKind,
} from '../audit/index.ts';
import { caption, type Entity } from '../domain/entity.ts';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { hikvision, huawei } from '../../test/support/entities.ts';
import { openAuditStore, type AuditStore } from './index.ts';

const KEY = 'test-audit-key';

/** A screening record as the API writes it, for a query naming a real listed party. */
function screening(entity: Entity, n: number): AuditInput {
  const name = n % 2 === 0 ? caption(entity) : entity.names[entity.names.length - 1]!.value;
  return {
    id: randomUUID(),
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    actor: 'local:test',
    channel: 'api',
    kind: 'screen',
    algorithm: 'embargo-v1',
    threshold: 0.8,
    lists: [{ list_id: entity.listId, version: 1 }],
    request: { name, country: 'CN' },
    normalised: { name: name.toLowerCase(), country: 'cn' },
    response: { matches: [{ entity_id: entity.id, score: 0.94 }] },
    matchCount: 1,
  };
}

async function tamper(db: TestDatabase, statements: string[]): Promise<void> {
  if (db.dialect === 'sqlite') {
    const raw = new DatabaseSync(db.location);
    for (const s of statements) raw.exec(s);
    raw.close();
    return;
  }
  const client = new pg.Client({ connectionString: db.location });
  await client.connect();
  for (const s of statements) await client.query(s);
  await client.end();
}

async function verify(store: AuditStore, expect?: string) {
  return verifyChain(store.records(), {
    key: KEY,
    readHead: () => store.head(),
    locate: (hash) => store.seqOfHash(hash),
    ...(expect === undefined ? {} : { expect: parseCheckpoint(expect) }),
  });
}

function kinds(report: { problems: { kind: ProblemKind; seq: number }[] }): string[] {
  return report.problems.map((p) => `${p.kind}@${p.seq}`);
}

for (const dialect of DIALECTS) {
  describe(`AuditStore contract (${dialect})`, () => {
    async function withLog(
      count: number,
      fn: (store: AuditStore, db: TestDatabase) => Promise<void>,
    ): Promise<void> {
      const db = await createTestDatabase(dialect);
      const store = await openAuditStore(db.location);
      try {
        const entities = [hikvision(), huawei()];
        for (let i = 0; i < count; i++) await store.append(screening(entities[i % 2]!, i));
        await fn(store, db);
      } finally {
        await store.close();
        await db.drop();
      }
    }

    test('appends chain records in order and keep the stored text', async () => {
      await withLog(0, async (store) => {
        const input = screening(hikvision(), 1);
        const first = await store.append(input);
        const second = await store.append(screening(huawei(), 2));
        assert.equal(first.seq, 1);
        assert.equal(second.seq, 2);
        assert.equal(second.prevHash, first.hash);
        assert.deepEqual(await store.head(), { seq: 2, hash: second.hash });
        const read = await store.get(input.id);
        assert.deepEqual(read, first);
        assert.equal(read?.response, JSON.stringify(input.response));
        assert.equal(await store.get(randomUUID()), undefined);
      });
    });

    test('concurrent appends are group-committed into one unbroken chain', async () => {
      await withLog(0, async (store) => {
        const records = await Promise.all(
          Array.from({ length: 300 }, (_, i) => store.append(screening(i % 2 ? hikvision() : huawei(), i))),
        );
        assert.deepEqual(
          records.map((r) => r.seq),
          Array.from({ length: 300 }, (_, i) => i + 1),
        );
        const report = await verify(store);
        assert.deepEqual(report.problems, []);
        assert.equal(report.records, 300);
      });
    });

    test('verifying while screenings are being appended reports no problem', async () => {
      await withLog(20, async (store) => {
        const writing = Promise.all(
          Array.from({ length: 200 }, (_, i) => store.append(screening(hikvision(), i))),
        );
        const report = await verify(store);
        await writing;
        assert.deepEqual(report.problems, []);
        assert.ok(report.records >= 20);
        assert.deepEqual((await verify(store)).problems, []);
      });
    });

    test('records() filters on time and streams in seq order', async () => {
      await withLog(12, async (store) => {
        const all = [];
        for await (const r of store.records({
          from: '2026-01-01T00:00:03.000Z',
          to: '2026-01-01T00:00:07.000Z',
        }))
          all.push(r.seq);
        assert.deepEqual(all, [4, 5, 6, 7]);
      });
    });

    test('an intact log verifies, against its head row and a signed checkpoint', async () => {
      await withLog(6, async (store) => {
        const checkpoint = formatCheckpoint(signHead(await store.head(), KEY));
        const report = await verify(store, checkpoint);
        assert.equal(report.ok, true, JSON.stringify(report.problems));
        assert.deepEqual(report.head, await store.head());
      });
    });

    test('verify detects an edited record', async () => {
      await withLog(6, async (store, db) => {
        await tamper(db, [`update audit_log set response = '{"matches":[]}', match_count = 0 where seq = 3`]);
        assert.deepEqual(kinds(await verify(store)), ['edited@3']);
      });
    });

    test('verify detects a deleted record', async () => {
      await withLog(6, async (store, db) => {
        await tamper(db, ['delete from audit_log where seq = 3']);
        assert.deepEqual(kinds(await verify(store)), ['deleted@3']);
      });
    });

    test('verify detects reordered records', async () => {
      await withLog(6, async (store, db) => {
        await tamper(db, [
          'update audit_log set seq = -1 where seq = 3',
          'update audit_log set seq = 3 where seq = 4',
          'update audit_log set seq = 4 where seq = -1',
        ]);
        assert.deepEqual(kinds(await verify(store)), ['reordered@3', 'reordered@4', 'reordered@5']);
      });
    });

    test('verify detects truncation by the head row, and by a checkpoint when the head row was rewritten too', async () => {
      await withLog(6, async (store, db) => {
        const checkpoint = formatCheckpoint(signHead(await store.head(), KEY));
        await tamper(db, ['delete from audit_log where seq >= 5']);
        assert.deepEqual(kinds(await verify(store)), ['truncated@5']);
        const last = await store.get((await collectLast(store)).id);
        await tamper(db, [`update audit_head set seq = 4, hash = '${last!.hash}'`]);
        assert.deepEqual(kinds(await verify(store)), []);
        assert.deepEqual(kinds(await verify(store, checkpoint)), ['truncated@5']);
      });
    });

    test('verify detects a rewritten chain against a checkpoint, and a checkpoint signed with another key', async () => {
      await withLog(4, async (store) => {
        const head = await store.head();
        const forged = formatCheckpoint(signHead({ seq: head.seq, hash: 'f'.repeat(64) }, KEY));
        assert.deepEqual(kinds(await verify(store, forged)), ['head_mismatch@4']);
        const otherKey = formatCheckpoint(signHead(head, 'not-our-key'));
        assert.deepEqual(kinds(await verify(store, otherKey)), ['bad_signature@4']);
      });
    });

    test('API keys: created once per name, found by secret hash, revoked', async () => {
      await withLog(0, async (store) => {
        const key = {
          id: randomUUID(),
          name: 'erp',
          role: 'screener' as const,
          secretHash: 'a'.repeat(64),
          createdAt: '2026-01-01T00:00:00.000Z',
          revokedAt: null,
        };
        await store.createKey(key);
        await assert.rejects(store.createKey({ ...key, id: randomUUID(), secretHash: 'b'.repeat(64) }), {
          code: 'conflict',
        });
        assert.deepEqual(await store.keyBySecretHash(key.secretHash), key);
        assert.equal(await store.revokeKey('erp', '2026-02-01T00:00:00.000Z'), true);
        assert.equal(await store.revokeKey('erp', '2026-02-02T00:00:00.000Z'), false);
        assert.equal((await store.keyBySecretHash(key.secretHash))?.revokedAt, '2026-02-01T00:00:00.000Z');
        assert.deepEqual(
          (await store.listKeys()).map((k) => k.name),
          ['erp'],
        );
      });
    });
  });
}

describe('AuditStore on SQLite with the writer thread (the server)', () => {
  test('appends made on the worker thread chain exactly like the others, and are durable when they resolve', async () => {
    const db = await createTestDatabase('sqlite');
    const store = await openAuditStore(db.location, { writerThread: true });
    try {
      const inputs = Array.from({ length: 300 }, (_, i) => screening(i % 2 ? hikvision() : huawei(), i));
      const records = await Promise.all(inputs.map((i) => store.append(i)));
      assert.deepEqual(
        records.map((r) => r.seq),
        Array.from({ length: 300 }, (_, i) => i + 1),
      );
      // Read back on another connection: what resolved is on disk.
      const other = await openAuditStore(db.location);
      try {
        assert.deepEqual(await other.get(inputs[299]!.id), records[299]);
        assert.deepEqual((await verify(other)).problems, []);
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
      await db.drop();
    }
    await assert.rejects(store.append(screening(huawei(), 1)), { code: 'database' });
  });

  test('a checkpointer thread moves the appends into the database file (the writer checkpoints only as a backstop)', async () => {
    const db = await createTestDatabase('sqlite');
    const store = await openAuditStore(db.location, { writerThread: true });
    const copy = `${db.location}.copy`;
    try {
      await Promise.all(
        Array.from({ length: 300 }, (_, i) => store.append(screening(i % 2 ? hikvision() : huawei(), i))),
      );
      // The database file alone (without its WAL) holds the records once the checkpointer has run; the writer's
      // own checkpoint waits for 10,000 WAL pages, far more than these 300 small records take.
      let inFile = 0;
      for (let attempt = 0; attempt < 50 && inFile !== 300; attempt++) {
        await new Promise((r) => setTimeout(r, 100));
        rmSync(`${copy}-wal`, { force: true });
        rmSync(`${copy}-shm`, { force: true });
        copyFileSync(db.location, copy);
        inFile = countInCopy(copy);
      }
      assert.equal(inFile, 300);
    } finally {
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
      await db.drop();
    }
  });
});

/** Records in a copy of the database file; -1 when the copy caught a checkpoint half-written (try again). */
function countInCopy(path: string): number {
  try {
    const raw = new DatabaseSync(path);
    try {
      return Number((raw.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    } finally {
      raw.close();
    }
  } catch (error) {
    if (error instanceof Error && /malformed|not a database|no such table/.test(error.message)) return -1;
    throw error;
  }
}

async function collectLast(store: AuditStore) {
  let last;
  for await (const r of store.records()) last = r;
  return last!;
}
