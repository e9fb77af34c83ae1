// Jurisdiction findings on the real OFAC SDN list: every party with a Cuban country claim gets the Cuba finding,
// every party with an address in Crimea the Crimea finding; Chinese parties get none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../domain/entity.ts';
import { readListFile } from '../ingest/read-entities.ts';
import { DEFAULT_JURISDICTIONS_PATH, findJurisdictions, jurisdictionTable, loadJurisdictions } from './index.ts';

const SDN = fileURLToPath(new URL('../../data/us_ofac/sdn_csv', import.meta.url));
const table = loadJurisdictions(DEFAULT_JURISDICTIONS_PATH);
const sdn = readListFile(SDN, { today: '2026-01-01' });

function partyOf(e: Entity): { countries: string[]; addresses: string[] } {
  return { countries: [...e.countries.map((c) => c.code), ...e.addresses.flatMap((a) => (a.country === undefined ? [] : [a.country]))], addresses: e.addresses.map((a) => a.full) };
}

function codes(e: Entity): string[] {
  return findJurisdictions(table, partyOf(e)).map((f) => f.code);
}

test('the bundled table cites a legal basis for every entry and covers the embargoed countries and regions', () => {
  assert.deepEqual(table.entries.map((e) => e.code), ['cu', 'ir', 'kp', 'sy', 'ua-cri', 'ua-dpr', 'ua-lpr', 'ua-occupied']);
  for (const e of table.entries) assert.ok(e.citations.length > 0, e.code);
  assert.match(table.entries.find((e) => e.code === 'cu')!.citations[0]!.citation, /31 CFR part 515/);
  assert.equal(table.entries.find((e) => e.code === 'sy')!.level, 'export_license_required');
});

test('AEROCARIBBEAN AIRLINES (SDN 36, Havana) gets the Cuba finding with its citations', async () => {
  const aero = (await sdn).entities.find((e) => e.sourceId === '36')!;
  const findings = findJurisdictions(table, partyOf(aero));
  assert.deepEqual(findings.map((f) => [f.code, f.matched_on]), [['cu', 'country']]);
  assert.match(findings[0]!.citations.map((c) => c.citation).join(' '), /31 CFR part 515/);
});

test('every SDN party with a Cuban country gets the Cuba finding; every Crimean address the Crimea finding', async () => {
  const { entities } = await sdn;
  const cuban = entities.filter((e) => partyOf(e).countries.includes('cu'));
  const crimean = entities.filter((e) => e.addresses.some((a) => /\b(crimea|sevastopol|simferopol)\b/i.test(a.full)));
  assert.ok(cuban.length >= 20 && crimean.length >= 20, `${cuban.length} Cuban, ${crimean.length} Crimean parties`);
  for (const e of cuban) assert.ok(codes(e).includes('cu'), e.id);
  for (const e of crimean) assert.ok(codes(e).includes('ua-cri'), `${e.id} ${e.addresses.map((a) => a.full).join(' | ')}`);
});

test('parties only in China or the United States get no finding', async () => {
  const { entities } = await sdn;
  const elsewhere = entities.filter((e) => {
    const p = partyOf(e);
    return p.countries.length > 0 && p.countries.every((c) => c === 'cn' || c === 'us') && e.addresses.length > 0;
  });
  assert.ok(elsewhere.length > 100);
  const flagged = elsewhere.filter((e) => codes(e).length > 0);
  assert.deepEqual(flagged.map((e) => e.id), []);
});

test('region codes and Cyrillic or accented addresses are found; words inside other words are not', () => {
  assert.deepEqual(findJurisdictions(table, { countries: ['UA-CRI'] }).map((f) => f.code), ['ua-cri']);
  assert.deepEqual(findJurisdictions(table, { addresses: ['ул. Ленина 1, Севастополь'] }).map((f) => f.code), ['ua-cri']);
  assert.deepEqual(findJurisdictions(table, { addresses: ["Democratic People's Republic of Korea"] }).map((f) => f.code), ['kp']);
  assert.deepEqual(findJurisdictions(table, { addresses: ['Iranian Street 4, Berlin', 'Cubatão, Brazil'] }), []);
});

test('a table entry without a citation is refused, naming the field', () => {
  const bad = { format: 'embargo-jurisdictions-v1', as_of: '2025-01-01', jurisdictions: [{ code: 'cu', name: 'Cuba', level: 'comprehensive_embargo', countries: ['cu'], address_terms: [], citations: [] }] };
  assert.throws(() => jurisdictionTable(bad, 'x.json'), { code: 'unusable_file', message: /jurisdictions\.0\.citations/ });
});
