// The counterparty book through the real CLI on SQLite and PostgreSQL, on the fixture book and the real OFAC SDN
// and consolidated lists: parties and relations import, book screening, ownership findings with paths, what-ifs
// (Hikvision on the SDN list and on the Entity List under the BIS rule in force and suspended), decisions.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listId } from '../../domain/ids.ts';
import { importList } from '../../ingest/import-list.ts';
import { runCli } from '../../../test/support/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/databases.ts';
import { FIXTURES, OFAC_CONS_DIR, OFAC_SDN_DIR } from '../../../test/support/list-files.ts';
import { openStore } from '../../store/index.ts';

const PARTIES = join(FIXTURES, 'book', 'parties.csv');
const RELATIONS = join(FIXTURES, 'book', 'relations.csv');
const HIKVISION = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
const tmp = mkdtempSync(join(tmpdir(), 'embargo-book-cli-'));

interface Change {
  party_id: string;
  before: { status: string; rules: Record<string, string> };
  after: { status: string; ownership_status: string; rules: Record<string, string> };
  new_matches: { entity_id: string; certainty: string }[];
  findings?: {
    rule_id: string;
    status: string;
    paths: { hops: { owner_name: string; owned_name: string; share_text: string }[] }[];
  }[];
}

for (const dialect of DIALECTS) {
  describe(`embargo parties / relations / ownership / what-if (${dialect})`, () => {
    let db: TestDatabase;
    const cli = (...args: string[]) => runCli(['--db', db.location, ...args]);
    const json = <T>(...args: string[]): { status: number; value: T; stderr: string } => {
      const r = cli('--json', ...args);
      return {
        status: r.status,
        value: (r.stdout.trim() === '' ? undefined : JSON.parse(r.stdout)) as T,
        stderr: r.stderr,
      };
    };
    const whatIf = (...args: string[]) =>
      json<{ changes: Change[]; rescored: number; summary: Record<string, number> }>('what-if', ...args);

    before(async () => {
      db = await createTestDatabase(dialect);
      const store = await openStore(db.location);
      await importList(store, OFAC_SDN_DIR, { listId: listId('us_ofac_sdn'), today: '2026-01-01' });
      await importList(store, OFAC_CONS_DIR, { listId: listId('us_ofac_cons'), today: '2026-01-01' });
      await store.close();
    });
    after(() => db.drop());

    test('parties and relations import', () => {
      const parties = cli('parties', 'import', PARTIES);
      assert.equal(parties.status, 0, parties.stderr);
      assert.match(
        parties.stdout,
        /book revision 1: 20 parties from 20 rows \(\+20 ~0 =0\); 0 bad rows skipped/,
      );
      const relations = cli('relations', 'import', RELATIONS);
      assert.equal(relations.status, 0, relations.stderr);
      assert.match(relations.stdout, /book revision 2: 5 relations from 5 records \(\+5 ~0\)/);
    });

    test('parties screen: restricted by name, through ownership, needs review', () => {
      const r = json<Record<string, number | string[]>>('parties', 'screen', '--date', '2025-10-15');
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(
        [
          r.value['parties'],
          r.value['restricted_by_name'],
          r.value['restricted_through_ownership'],
          r.value['needs_review'],
          r.value['clear'],
        ],
        [20, 1, 0, 2, 17],
      );
      assert.ok((r.value['rules_in_force'] as string[]).includes('us_bis_affiliates'));
      const text = cli('parties', 'screen', '--date', '2026-06-01');
      assert.match(text.stdout, /not in force: us_bis_affiliates — .*suspended on 2026-06-01/);
    });

    test('parties show: the Hikvision party is the NS-CMIC record by its USCC', () => {
      const r = json<{
        result: {
          status: string;
          name_status: string;
          detail: { matches: { entity_id: string; certainty: string; basis: string }[] };
        };
      }>('parties', 'show', 'C-1001');
      assert.equal(r.status, 1);
      assert.deepEqual([r.value.result.status, r.value.result.name_status], ['restricted', 'restricted']);
      assert.deepEqual(
        r.value.result.detail.matches.map((m) => [m.entity_id, m.certainty, m.basis]),
        [['us_ofac_cons:30946', 'confirmed', 'identifier']],
      );
    });

    test('ownership: NS-CMIC does not extend to subsidiaries; a potential SDN owner gives review with its path', () => {
      const ezviz = json<{ report: { findings: { rule_id: string; status: string; notes: string[] }[] } }>(
        'ownership',
        'C-1002',
        '--date',
        '2025-10-15',
      );
      assert.equal(ezviz.status, 0, ezviz.stderr);
      const ofac = ezviz.value.report.findings.find((f) => f.rule_id === 'us_ofac_50')!;
      assert.equal(ofac.status, 'clear');
      assert.match(ofac.notes[0]!, /NS-CMIC List: the 50 % rule does not apply .*FAQ 857/);
      const sub = cli('ownership', 'C-1011', '--date', '2025-10-15');
      assert.equal(sub.status, 1);
      assert.match(sub.stdout, /OFAC 50 Percent Rule: REVIEW/);
      assert.match(
        sub.stdout,
        /path: \[us_ofac_sdn, potential match\] Zhuhai Zhenrong Company Limited →\(60 %\) Zhenrong Petrochemical Trading \(Hong Kong\) Limited/,
      );
      const entity = json<{ kind: string; report: { listings: { list_id: string }[] } }>(
        'ownership',
        'us_ofac_sdn:27063',
      );
      assert.deepEqual(
        [entity.value.kind, entity.value.report.listings[0]!.list_id],
        ['entity', 'us_ofac_sdn'],
      );
    });

    test('what-if: Hikvision on the SDN list flags the party and its 100 % subsidiaries; unrelated parties stay clear', () => {
      const r = whatIf(
        '--add-entity',
        HIKVISION,
        '--list',
        'us_ofac_sdn',
        '--country',
        'CN',
        '--date',
        '2026-01-01',
      );
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(r.value.changes.map((c) => c.party_id).sort(), ['C-1001', 'C-1002', 'C-1003']);
      const ezviz = r.value.changes.find((c) => c.party_id === 'C-1002')!;
      assert.deepEqual(
        [ezviz.before.status, ezviz.after.status, ezviz.after.rules['us_ofac_50']],
        ['clear', 'review', 'review'],
      );
      assert.deepEqual(
        ezviz.findings![0]!.paths[0]!.hops.map((h) => [h.owner_name, h.owned_name, h.share_text]),
        [[HIKVISION, 'Hangzhou Ezviz Network Co., Ltd.', '100 %']],
      );
      assert.equal(
        r.value.changes.find((c) => c.party_id === 'C-1001')!.new_matches[0]!.certainty,
        'potential',
      );
      assert.ok(r.value.rescored <= 3, `re-scored ${r.value.rescored} parties, not the whole book`);
    });

    test('what-if with the identifier: the match is confirmed and the subsidiaries are blocked', () => {
      const r = cli(
        'what-if',
        '--add-entity',
        HIKVISION,
        '--list',
        'us_ofac_sdn',
        '--id',
        'uscc:91330000733796106P',
        '--date',
        '2026-01-01',
      );
      assert.equal(r.status, 1, r.stderr);
      assert.match(
        r.stdout,
        /C-1002 {2}Hangzhou Ezviz Network Co\., Ltd\.: clear → restricted \(us_ofac_50 clear → restricted\)/,
      );
      assert.match(r.stdout, /OFAC 50 Percent Rule: RESTRICTED \(blocked\)/);
    });

    test('what-if on the Entity List: the BIS rule on 2025-10-15, not on 2026-06-01', () => {
      const inForce = whatIf(
        '--add-entity',
        HIKVISION,
        '--list',
        'us_trade_csl:EL',
        '--country',
        'CN',
        '--date',
        '2025-10-15',
      );
      const ezviz = inForce.value.changes.find((c) => c.party_id === 'C-1002')!;
      assert.equal(ezviz.after.rules['us_bis_affiliates'], 'review');
      const suspended = whatIf(
        '--add-entity',
        HIKVISION,
        '--list',
        'us_trade_csl:EL',
        '--country',
        'CN',
        '--date',
        '2026-06-01',
      );
      assert.deepEqual(
        suspended.value.changes.map((c) => c.party_id),
        ['C-1001'],
        'only the name match: no affiliate is flagged while the rule is suspended',
      );
    });

    test('what-if from a file with a relation: a simulated owner blocks a party', () => {
      const file = join(tmp, `future-${dialect}.jsonl`);
      writeFileSync(
        file,
        '{"ref":"X","name":"Kryxophe Maritime Holdings Ltd","list":"us_ofac_sdn"}\n{"owner":"X","owned":"C-1025","percent":"70"}\n',
      );
      const r = whatIf('--add-file', file, '--date', '2026-01-01');
      assert.equal(r.status, 1, r.stderr);
      const owned = r.value.changes.find((c) => c.party_id === 'C-1025')!;
      assert.deepEqual(
        [owned.after.ownership_status, owned.after.rules['us_ofac_50']],
        ['restricted', 'restricted'],
      );
      assert.equal(
        r.value.changes.find((c) => c.party_id === 'C-1024')!.after.rules['us_ofac_50'],
        'review',
        '25–50 % held by a blocked company',
      );
    });

    test('a confirmed match restricts the holdings of the party', () => {
      const d = cli(
        'parties',
        'decide',
        'C-1010',
        'us_ofac_sdn:27063',
        '--confirm',
        '--reason',
        'same address in Zhuhai',
      );
      assert.equal(d.status, 0, d.stderr);
      const r = json<Record<string, number>>('parties', 'screen', '--date', '2025-10-15');
      assert.deepEqual(
        [r.value['restricted_by_name'], r.value['restricted_through_ownership'], r.value['needs_review']],
        [2, 1, 0],
      );
      assert.match(
        cli('parties', 'show', 'C-1011').stdout,
        /status: RESTRICTED \(by name: clear; through ownership: restricted\)/,
      );
    });

    test('errors: usage, bad files, unknown ids', () => {
      assert.equal(cli('what-if', '--add-entity', HIKVISION).status, 2, 'no --list');
      assert.equal(cli('parties', 'screen', '--date', '2025-13-01').status, 2);
      const unknown = cli('ownership', 'NO-SUCH-PARTY');
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /no party or listed entity "NO-SUCH-PARTY"/);
      const bad = join(tmp, `bad-${dialect}.csv`);
      writeFileSync(bad, 'party_id,name,country\nZ-1,Good Ltd,GB\nZ-2,,GB\n');
      const refused = cli('parties', 'import', bad);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /1 of 2 rows .* are bad \(more than 1 %\); nothing was imported/);
      assert.match(refused.stderr, /where: .*bad-\w+\.csv:3/);
    });
  });
}
