// List-stated relations as edges, on the bundled SDN legacy CSV set (data/us_ofac/sdn_csv), the DoD 1260H table
// (test/fixtures/us_dod_1260h/sanctions.csv) and the FtM ZALA dataset (14 Ownership, 3 Directorship links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Entity } from '../../domain/entity.ts';
import { readListFile } from '../../ingest/read-entities.ts';
import { readDod1260h } from '../dod-1260h/index.ts';
import { edgesFromClaims, exactNameResolver, nameKey } from './claims.ts';

const TODAY = '2026-01-01';

test('SDN "Linked To" remarks become kind-other edges; the primary name wins over an alias; true homonyms stay unresolved', async () => {
  const { entities } = await readListFile('data/us_ofac/sdn_csv', { today: TODAY });
  const { edges, unresolved } = edgesFromClaims(entities, { resolve: exactNameResolver(entities) });
  const claims = entities.reduce((n, e) => n + e.relations.length, 0);
  assert.ok(claims > 3000);
  assert.ok(
    edges.length + unresolved.length <= claims && edges.length + unresolved.length >= claims - 10,
    'every claim is an edge, unresolved, or a duplicate',
  );
  // Each sdn.csv line carrying "Linked To: NATIONAL IRANIAN TANKER COMPANY" is one vessel linked to ent 15117,
  // whose primary name that is (ent 15119 has it only as an a.k.a.).
  const lines = readFileSync('data/us_ofac/sdn_csv/sdn.csv', 'latin1')
    .split('\n')
    .filter((l) => l.includes('Linked To: NATIONAL IRANIAN TANKER COMPANY')).length;
  const nitc = edges.filter((e) => e.owned === 'entity:us_ofac_sdn:15117' && e.note?.startsWith('Linked To'));
  assert.equal(nitc.length, lines);
  assert.ok(nitc.every((e) => e.kind === 'other' && e.source === 'us_ofac_sdn'));
  // Two different entries are both primarily named MINISTRY OF STATE SECURITY (20129 DPRK3, 25437 CAATSA - RUSSIA).
  const mss = unresolved.filter(
    (u) => 'name' in u.claim.other && nameKey(u.claim.other.name) === 'ministry of state security',
  );
  assert.ok(mss.length >= 1);
  assert.ok(mss.every((u) => u.reason === 'ambiguous'));
  assert.deepEqual(mss[0]!.candidates.sort(), ['us_ofac_sdn:20129', 'us_ofac_sdn:25437']);
});

test('DoD 1260H parents become ownership edges of unknown share, parent → subsidiary', async () => {
  const entities: Entity[] = [];
  for await (const e of readDod1260h('test/fixtures/us_dod_1260h/sanctions.csv', { today: TODAY }))
    if (e.type === 'entity') entities.push(e.entity);
  const { edges, unresolved } = edgesFromClaims(entities, { resolve: exactNameResolver(entities) });
  const hik = entities.find((e) => e.names.some((n) => /Hikvision Digital Technology/.test(n.value)))!;
  const parent = edges.find((e) => e.owned === `entity:${hik.id}`)!;
  assert.equal(parent.kind, 'ownership');
  assert.deepEqual(parent.share, [0, 1]);
  const cetc = entities.find((e) => e.id === parent.owner.slice('entity:'.length))!;
  assert.match(cetc.names[0]!.value, /China Electronics Technology Group Corporation/);
  for (const u of unresolved) assert.equal(u.claim.kind, 'ownership', 'only parent claims in this list');
});

test('FtM Ownership and Directorship links become edges with their percentages', async () => {
  const { entities } = await readListFile('test/fixtures/ftm/dataset/zala/entities.ftm.json', {
    today: TODAY,
  });
  const { edges } = edgesFromClaims(entities, { resolve: () => [] });
  const ownership = edges.filter((e) => e.note?.startsWith('Ownership'));
  const directorship = edges.filter((e) => e.note?.startsWith('Directorship'));
  assert.equal(directorship.length, 3);
  assert.ok(directorship.every((e) => e.kind === 'director'));
  assert.equal(ownership.length, 14);
  assert.ok(ownership.every((e) => e.kind === 'ownership'));
  const caption = (ref: string) => entities.find((e) => `entity:${e.id}` === ref)?.names[0]?.value;
  const aeroscan = ownership.find(
    (e) => /ZAKHAROV/i.test(caption(e.owner) ?? '') && /Aeroscan/i.test(caption(e.owned) ?? ''),
  );
  assert.deepEqual(aeroscan?.share, [1, 1], 'ZAKHAROV → Aeroscan, percentage 100');
});

test('claims: role decides direction; an unknown name is not_found; the entity itself is never its own owner', () => {
  const base = {
    listId: 'us_trade_csl',
    schema: 'Company',
    addresses: [],
    countries: [],
    birthDates: [],
    birthPlaces: [],
    identifiers: [],
    programs: [],
    listing: { citations: [] },
    status: 'current',
    remarks: [],
    properties: {},
    raw: null,
  } as const;
  const a = {
    ...base,
    id: 'us_trade_csl:a',
    sourceId: 'a',
    names: [{ value: 'Alpha Holdings', kind: 'primary' }],
    relations: [
      { kind: 'ownership', role: 'owned', other: { name: 'Beta Ltd' }, share: [0.6, 0.6] },
      { kind: 'ownership', role: 'owner', other: { name: 'Alpha Holdings' } },
      { kind: 'ownership', role: 'owner', other: { name: 'Nobody Inc' } },
    ],
  } as unknown as Entity;
  const b = {
    ...base,
    id: 'us_trade_csl:b',
    sourceId: 'b',
    names: [{ value: 'BETA, LTD.', kind: 'primary' }],
    relations: [],
  } as unknown as Entity;
  const { edges, unresolved } = edgesFromClaims([a, b], {
    resolve: exactNameResolver([a, b]),
    asOf: '2025-06-01' as never,
  });
  assert.deepEqual(
    edges.map((e) => [e.owner, e.owned, e.share, e.asOf]),
    [['entity:us_trade_csl:a', 'entity:us_trade_csl:b', [0.6, 0.6], '2025-06-01']],
  );
  assert.deepEqual(
    unresolved.map((u) => [u.reason, 'name' in u.claim.other ? u.claim.other.name : '']),
    [
      ['not_found', 'Alpha Holdings'],
      ['not_found', 'Nobody Inc'],
    ],
  );
});
