// The ownership issue's hand-checked examples through the real CLI (`embargo ownership --json`) on SQLite and
// PostgreSQL, with real listed owners from the bundled OFAC and CSL files (test/fixtures/ownership-examples).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { DATA, FIXTURES } from '../support/list-files.ts';

const EXAMPLES = join(FIXTURES, 'ownership-examples');

interface Report {
  report: {
    findings: { rule_id: string; status: string; aggregate: { lo: number; hi: number }; paths: unknown[] }[];
  };
}

for (const dialect of DIALECTS) {
  describe(`ownership examples through the CLI (${dialect})`, () => {
    let db: TestDatabase;
    const cli = (...args: string[]) => runCli(['--db', db.location, ...args]);
    const status = (party: string, rule: string, date = '2025-10-15'): string => {
      const r = cli('--json', 'ownership', `party:${party}`, '--date', date);
      const report = JSON.parse(r.stdout) as Report;
      return report.report.findings.find((f) => f.rule_id === rule)?.status ?? 'clear';
    };

    before(async () => {
      db = await createTestDatabase(dialect);
      const lists = cli(
        'import',
        join(DATA, 'us_ofac/sdn_csv'),
        join(DATA, 'us_ofac/consolidated_csv'),
        join(DATA, 'us_trade_csl/csl.csv'),
      );
      assert.equal(lists.status, 0, lists.stderr);
      assert.equal(cli('parties', 'import', join(EXAMPLES, 'parties.csv')).status, 0);
      const rel = cli('relations', 'import', join(EXAMPLES, 'relations.csv'));
      assert.equal(rel.status, 0, rel.stderr);
    });
    after(() => db.drop());

    test('two 25 % SDN owners ⇒ blocked (aggregate 50 %), with both paths', () => {
      const r = JSON.parse(
        cli('--json', 'ownership', 'party:jv1', '--date', '2025-10-15').stdout,
      ) as Report & { report: { findings: { paths: unknown[]; rule_id: string }[] } };
      const ofac = r.report.findings.find((f) => f.rule_id === 'us_ofac_50')!;
      assert.equal(ofac.status, 'restricted');
      assert.equal(ofac.aggregate.lo, 0.5);
      assert.equal(ofac.paths.length, 2);
    });

    test('X 60 % → A, A 60 % → B ⇒ A and B blocked; X 40 % → A, A 60 % → B ⇒ neither', () => {
      assert.deepEqual([status('a', 'us_ofac_50'), status('b', 'us_ofac_50')], ['restricted', 'restricted']);
      assert.deepEqual([status('a2', 'us_ofac_50'), status('b2', 'us_ofac_50')], ['clear', 'clear']);
    });

    test('a 100 % subsidiary of an NS-CMIC-only company is not restricted by OFAC', () => {
      assert.equal(status('sub', 'us_ofac_50'), 'clear');
    });

    test('control without ownership ⇒ review; an unknown share ⇒ review (BIS Red Flag 29)', () => {
      assert.equal(status('ctl', 'us_ofac_50'), 'review');
      assert.equal(status('unk', 'us_ofac_50'), 'review');
      assert.equal(status('unk', 'us_bis_affiliates'), 'review');
    });

    test('a cycle terminates: C1 50 % owned by an SDN is blocked, and so is C2 that it owns 50 %', () => {
      assert.deepEqual(
        [status('c1', 'us_ofac_50'), status('c2', 'us_ofac_50')],
        ['restricted', 'restricted'],
      );
    });

    test('30 % + 25 % joint venture of two Entity List owners: restricted under BIS on 2025-10-15, not on 2026-06-01', () => {
      assert.equal(status('jv_el', 'us_bis_affiliates', '2025-10-15'), 'restricted');
      assert.equal(status('jv_el', 'us_bis_affiliates', '2026-06-01'), 'clear');
    });
  });
}
