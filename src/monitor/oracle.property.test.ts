// Oracle test (issue 8 item 1, STYLE.md habit 6): on random small books and random sequences of list versions, party
// changes, relation changes and decisions, the alerts the monitor keeps by screening only the changes equal what a
// full re-screen gives:
//   1. a full re-screen of the same database afterwards changes nothing (no alert opened, re-opened, closed or
//      refreshed), decisions and suppressions included;
//   2. a fresh database holding only the final lists and book, screened once in full, finds exactly the name
//      findings the delta-monitored one holds.
// Names are taken from a pool in which matching pairs score far above the threshold and others far below, so the
// test checks which parties the monitor screens, not the engine's scores (docs/design/monitoring.md, "rarity").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addName } from '../domain/entity-builder.ts';
import { newEntity } from '../domain/entity-builder.ts';
import type { Entity, Schema } from '../domain/entity.ts';
import { entityId, listId, sourceId, type IsoDate } from '../domain/ids.ts';
import { exactShare, partyNode, type RelationEdge } from '../graph/index.ts';
import { entityHash, versionHash } from '../ingest/content-hash.ts';
import type { PartyRecord, Store } from '../store/index.ts';
import { PartyIndex } from '../book/index.ts';
import { AlertService } from './alerts.ts';
import { ListCache } from './list-cache.ts';
import { ACTIVE_STATES } from './reconcile.ts';
import { runMonitor, type MonitorDeps, type MonitorReport } from './run.ts';
import { monitorFixture } from './testing.ts';

const LIST = listId('us_ofac_sdn');
const RUN = { date: '2026-01-15', actor: 'local:oracle', channel: 'cli' as const };

/** Listed templates: [source id, name, schema, country]. */
const ENTITIES: readonly [string, string, Schema, string][] = [
  ['1', 'Zhuhai Zhenrong Company Limited', 'Company', 'cn'],
  ['2', 'Mahan Air', 'Company', 'ir'],
  ['3', 'Rosoboronexport', 'Company', 'ru'],
  ['4', 'Kim Jong Un', 'Person', 'kp'],
  ['5', 'Tornado Cash', 'Organization', 'us'],
  ['6', 'Banco Delta Asia', 'Company', 'mo'],
];

/** Party templates: two variants each (name, country, identifiers). */
const PARTIES: readonly (readonly [string, string, string, string[]][])[] = [
  [
    ['Zhuhai Zhenrong Company Limited', 'Company', 'cn', []],
    ['Zhuhai Zhenrong Co., Ltd.', 'Company', 'cn', []],
  ],
  [
    ['Zhenrong Petrochemical Trading (Hong Kong) Limited', 'Company', 'hk', []],
    ['Zhenrong Petrochemical Trading (Hong Kong) Limited', 'Company', 'cn', []],
  ],
  [
    ['Mahan Air', 'Company', 'ir', []],
    ['Mahan Airlines', 'Company', 'ir', []],
  ],
  [
    ['Kim Jong Un', 'Person', 'kp', []],
    ['Kim Jong Un', 'Person', 'de', []],
  ],
  [
    ['Siemens AG', 'Company', 'de', []],
    ['Siemens Aktiengesellschaft', 'Company', 'de', []],
  ],
  [
    ['Banco Delta Asia S.A.R.L.', 'Company', 'mo', []],
    ['Delta Air Lines', 'Company', 'us', []],
  ],
  [
    ['Rosoboronexport JSC', 'Company', 'ru', []],
    ['Rosoboronexport JSC', 'Company', 'ru', ['registration:1117746521452']],
  ],
  [
    ['Tornado Cash Pool', 'Organization', 'us', []],
    ['Golden Star Trading', 'Company', 'ae', []],
  ],
];

/** Variant 0: as listed; 1: an alias, another program and (persons) a birth date; 2: the listing ended. */
function entity(index: number, variant: number): Entity {
  const [id, name, schema, country] = ENTITIES[index]!;
  const e = newEntity(LIST, sourceId(id), schema, null);
  addName(e, name, 'primary');
  e.countries.push({ code: country as Entity['countries'][number]['code'], role: 'country' });
  e.programs = ['SDGT'];
  if (variant === 1) {
    addName(e, `${name} Holding`, 'aka');
    e.programs = ['SDGT', 'IRAN-EO13846'];
    if (schema === 'Person') e.birthDates.push('1984-01-08' as IsoDate);
    // Relations the list states: by id (Zhenrong owned by Rosoboronexport) and by name (Banco Delta Asia 60 % by
    // Mahan Air), so that a listed owner passes its status to a matched party and name resolution can change.
    if (id === '1')
      e.relations.push({
        kind: 'ownership',
        role: 'owner',
        other: { entityId: entityId(LIST, sourceId('3')) },
        share: [1, 1],
      });
    if (id === '6')
      e.relations.push({ kind: 'ownership', role: 'owner', other: { name: 'Mahan Air' }, share: [0.6, 0.6] });
  }
  if (variant === 2) {
    e.listing.end = '2020-01-01' as IsoDate;
    e.status = 'ended';
  }
  return e;
}

function party(index: number, variant: number): PartyRecord {
  const [name, schema, country, identifiers] = PARTIES[index]![variant]!;
  return { partyId: `P${index + 1}`, name, schema, country, identifiers, roles: ['customer'] };
}

/** Commits a list version holding exactly these entities (what importList does, without a file). */
async function commitList(store: Store, entities: readonly Entity[]): Promise<void> {
  const hashes = new Map(entities.map((e) => [e.id as string, entityHash(e)]));
  const previous = await store.currentHashes(LIST);
  const upserts = entities
    .filter((e) => previous.get(e.id) !== hashes.get(e.id))
    .map((e) => ({ entity: e, hash: hashes.get(e.id)! }));
  const removals = [...previous.keys()].filter((id) => !hashes.has(id));
  if (upserts.length === 0 && removals.length === 0 && previous.size > 0) return;
  const base = {
    listId: LIST,
    asOf: null,
    importedAt: new Date().toISOString(),
    format: 'test',
    sourcePath: 'oracle',
    rowsRead: entities.length,
    warnings: [],
  };
  await store.commitVersion({
    ...base,
    contentHash: versionHash(hashes),
    upserts,
    addedCount: upserts.filter((u) => !previous.has(u.entity.id)).length,
    removals,
    entityCount: entities.length,
  });
}

type Step =
  | { kind: 'list'; entities: [number, number][] }
  | { kind: 'parties'; parties: [number, number][] }
  | { kind: 'relations'; edges: [number, number, number][] }
  | { kind: 'decide'; pick: number; action: 'clear' | 'confirm' };

const listStep = fc
  .uniqueArray(fc.tuple(fc.nat(ENTITIES.length - 1), fc.nat(2)), {
    selector: ([i]) => i,
    maxLength: ENTITIES.length,
  })
  .map((entities) => ({ kind: 'list' as const, entities }));
const partiesStep = fc
  .uniqueArray(fc.tuple(fc.nat(PARTIES.length - 1), fc.nat(1)), {
    selector: ([i]) => i,
    minLength: 1,
    maxLength: 4,
  })
  .map((parties) => ({ kind: 'parties' as const, parties }));
const relationsStep = fc
  .array(fc.tuple(fc.nat(PARTIES.length - 1), fc.nat(PARTIES.length - 1), fc.constantFrom(0.3, 0.6, 1)), {
    minLength: 1,
    maxLength: 3,
  })
  .map((edges) => ({ kind: 'relations' as const, edges: edges.filter(([a, b]) => a !== b) }));
const decideStep = fc.record({
  kind: fc.constant('decide' as const),
  pick: fc.nat(20),
  action: fc.constantFrom('clear' as const, 'confirm' as const),
});
const step: fc.Arbitrary<Step> = fc.oneof(listStep, partiesStep, relationsStep, decideStep);

interface Final {
  entities: Entity[];
  parties: Map<string, PartyRecord>;
  edges: Map<string, RelationEdge>;
}

async function apply(deps: MonitorDeps, s: Step, final: Final): Promise<void> {
  const meta = {
    at: new Date().toISOString(),
    sourcePath: 'oracle',
    format: 'test',
    rowsRead: 1,
    warnings: [],
  };
  if (s.kind === 'list') {
    final.entities = s.entities.map(([i, v]) => entity(i, v));
    await commitList(deps.store, final.entities);
  } else if (s.kind === 'parties') {
    const parties = s.parties.map(([i, v]) => party(i, v));
    for (const p of parties) final.parties.set(p.partyId, p);
    await deps.book.upsertParties(parties, { ...meta, kind: 'parties' });
  } else if (s.kind === 'relations') {
    const edges = s.edges.map(([a, b, share]): RelationEdge => ({
      owner: partyNode(`P${a + 1}`),
      owned: partyNode(`P${b + 1}`),
      kind: 'ownership',
      share: exactShare(share),
      source: 'oracle',
    }));
    for (const e of edges) final.edges.set(`${e.owner}>${e.owned}`, e);
    if (edges.length > 0) await deps.book.upsertRelations(edges, { ...meta, kind: 'relations' });
  } else {
    const active = (await deps.monitor.listAlerts({ present: true, kind: 'name' })).filter(
      (a) => a.state === 'open',
    );
    const a = active[s.pick % Math.max(1, active.length)];
    if (a !== undefined)
      await new AlertService({ monitor: deps.monitor, audit: deps.audit }).decide(a.alertId, {
        action: s.action,
        reason: 'oracle test',
        actor: 'local:oracle',
        channel: 'cli',
      });
  }
}

function changes(r: MonitorReport): number {
  return [r.name, r.ownership].reduce((n, c) => n + c.opened + c.reopened + c.closed + c.refreshed, 0);
}

async function nameKeys(deps: MonitorDeps, activeOnly: boolean): Promise<string[]> {
  const out: string[] = [];
  for await (const a of deps.monitor.presentAlerts('name'))
    if (!activeOnly || ACTIVE_STATES.has(a.state)) out.push(a.key);
  return out.sort();
}

async function freshFull(final: Final): Promise<string[]> {
  const f = await monitorFixture('sqlite');
  try {
    await commitList(f.deps.store, final.entities);
    const meta = {
      at: new Date().toISOString(),
      sourcePath: 'oracle',
      format: 'test',
      rowsRead: 1,
      warnings: [],
    };
    if (final.parties.size > 0)
      await f.deps.book.upsertParties([...final.parties.values()], { ...meta, kind: 'parties' });
    if (final.edges.size > 0)
      await f.deps.book.upsertRelations([...final.edges.values()], { ...meta, kind: 'relations' });
    await runMonitor(f.deps, RUN);
    return await nameKeys(f.deps, false);
  } finally {
    await f.close();
  }
}

test(
  'delta monitoring equals a full re-screen after any sequence of updates',
  { timeout: 600_000 },
  async () => {
    await fc.assert(
      fc.asyncProperty(
        listStep,
        partiesStep,
        fc.array(step, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (firstList, firstParties, steps, resident) => {
          const fixture = await monitorFixture('sqlite');
          // Half the runs keep the lists and the reverse index between runs, as the server does.
          const f = {
            ...fixture,
            deps: {
              ...fixture.deps,
              ...(resident ? { lists: new ListCache(), partyIndex: new PartyIndex() } : {}),
            },
          };
          const final: Final = { entities: [], parties: new Map(), edges: new Map() };
          try {
            await apply(f.deps, firstList, final);
            await apply(f.deps, firstParties, final);
            await runMonitor(f.deps, RUN);
            for (const s of steps) {
              await apply(f.deps, s, final);
              const r = await runMonitor(f.deps, RUN);
              assert.equal(r.mode, 'delta');
            }
            const full = await runMonitor(f.deps, { ...RUN, full: true });
            assert.equal(
              changes(full),
              0,
              `a full re-screen changed alerts: ${JSON.stringify({ name: full.name, ownership: full.ownership })}`,
            );
            assert.deepEqual(await nameKeys(f.deps, false), await freshFull(final));
          } finally {
            await f.deps.lists?.close();
            await f.close();
          }
        },
      ),
      { numRuns: 60, seed: 20261129 },
    );
  },
);
