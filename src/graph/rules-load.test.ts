import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_RULES_PATH, loadRuleSet, parseRuleSet } from './rules-load.ts';
import { ruleOn } from './rules.ts';

const TEXT = readFileSync(DEFAULT_RULES_PATH, 'utf8');

test('the bundled rules file loads: five rules with thresholds and comparisons as the regulators word them', () => {
  const set = loadRuleSet();
  assert.equal(set.version, 1);
  const byId = new Map(set.rules.map((r) => [r.id, r]));
  assert.deepEqual(
    [...byId.keys()],
    ['us_ofac_50', 'us_ofac_ssi_50', 'us_bis_affiliates', 'eu_ownership_control', 'uk_ownership_control'],
  );
  assert.deepEqual(
    set.rules.map((r) => [r.threshold, r.comparison]),
    [
      [0.5, 'gte'],
      [0.5, 'gte'],
      [0.5, 'gte'],
      [0.5, 'gt'],
      [0.5, 'gt'],
    ],
  );
  assert.ok(Object.isFrozen(set.rules[0]));
  const bis = byId.get('us_bis_affiliates')!;
  assert.equal(ruleOn(bis, '2025-09-29').inForce, true);
  assert.equal(ruleOn(bis, '2025-11-09').inForce, true);
  assert.equal(ruleOn(bis, '2025-11-10').inForce, false);
  assert.equal(ruleOn(bis, '2026-11-09').inForce, false);
  assert.equal(ruleOn(bis, '2026-11-10').inForce, true);
  assert.match(JSON.stringify(byId.get('us_ofac_50')!.notApplicable), /CMIC-EO13959/);
});

test('a bad rules file is rejected with the field that is wrong', () => {
  const cases: [string, RegExp][] = [
    [TEXT.replace('comparison: gte', 'comparison: ge'), /rules\.0\.comparison/],
    [TEXT.replace('threshold: 0.5', 'threshold: 50'), /rules\.0\.threshold/],
    [TEXT.replace('id: us_ofac_ssi_50', 'id: us_ofac_50'), /rule id us_ofac_50 appears twice/],
    [
      TEXT.replace(
        '        to: 2025-11-10\n        in_force: true',
        '        to: 2025-11-20\n        in_force: true',
      ),
      /overlap/,
    ],
    [TEXT.replace('version: 1', 'version: 2'), /version/],
    ['rules: [', /not YAML/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseRuleSet(text, 'test.yml'),
      (e: Error) => message.test(e.message),
      String(message),
    );
  }
});
