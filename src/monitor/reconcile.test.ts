// Reconcile: new findings open alerts, gone ones close with their reason, a cleared pair stays cleared until its
// material data changes and then re-opens with the changes, confirmed alerts keep their state through data changes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlertRecord } from '../store/index.ts';
import { nameKey, type Finding } from './findings.ts';
import { reconcile } from './reconcile.ts';

const NOW = '2026-03-02T09:00:00.000Z';
let n = 0;

function finding(entityId: string, programs: string[] = ['SDGT'], score = 0.92): Finding {
  return {
    key: nameKey('P-1', entityId),
    kind: 'name',
    partyId: 'P-1',
    entityId,
    ruleId: null,
    listId: 'us_ofac_sdn',
    score,
    summary: `P-1 ↔ ${entityId}`,
    material: {
      party: { name: 'Mahan Air', schema: 'Company', country: 'ir', identifiers: [] },
      entity: {
        names: ['MAHAN AIR'],
        identifiers: [],
        birthDates: [],
        countries: ['ir'],
        programs,
        status: 'current',
      },
    },
    detail: { score },
  };
}

function run(existing: AlertRecord[], findings: Finding[]) {
  return reconcile({
    existing,
    findings,
    now: NOW,
    actor: 'local:test',
    closeReason: (a) => `gone: ${a.entityId}`,
    newId: () => `al_${n++}`,
  });
}

describe('reconcile', () => {
  test('opens, keeps, closes with the reason, re-opens when the finding is back', () => {
    const first = run([], [finding('us_ofac_sdn:12927')]);
    assert.equal(first.opened.length, 1);
    const [a] = first.alerts;
    assert.deepEqual([a!.state, a!.present, a!.revision], ['open', true, 1]);
    const again = run([a!], [finding('us_ofac_sdn:12927')]);
    assert.deepEqual([again.alerts.length, again.events.length], [0, 0], 'nothing changed, nothing written');
    const gone = run([a!], []);
    assert.deepEqual(
      [gone.closed.length, gone.alerts[0]!.state, gone.alerts[0]!.present, gone.events[0]!.reason],
      [1, 'closed', false, 'gone: us_ofac_sdn:12927'],
    );
    const back = run([gone.alerts[0]!], [finding('us_ofac_sdn:12927')]);
    assert.deepEqual([back.reopened.length, back.alerts[0]!.state, back.alerts[0]!.revision], [1, 'open', 3]);
  });

  test('a cleared pair stays cleared until the material data changes, then re-opens showing what changed', () => {
    const opened = run([], [finding('us_ofac_sdn:12927')]).alerts[0]!;
    const cleared: AlertRecord = { ...opened, state: 'cleared', revision: 2 };
    const same = run([cleared], [finding('us_ofac_sdn:12927', ['SDGT'], 0.95)]);
    assert.deepEqual([same.suppressed, same.alerts.length], [1, 0], 'a score move alone is not material');
    const absent = run([cleared], []);
    assert.deepEqual(
      [absent.alerts[0]!.state, absent.alerts[0]!.present, absent.closed.length],
      ['cleared', false, 0],
      'the suppression is kept when the finding goes',
    );
    const changed = run([cleared], [finding('us_ofac_sdn:12927', ['SDGT', 'IRAN-EO13846'])]);
    assert.equal(changed.reopened.length, 1);
    assert.deepEqual(changed.reopened[0]!.changes, [
      { field: 'entity.programs', removed: [], added: ['IRAN-EO13846'] },
    ]);
    assert.equal(changed.alerts[0]!.state, 'open');
  });

  test('a confirmed alert keeps its state when the data changes; the change is an event', () => {
    const opened = run([], [finding('us_ofac_sdn:12927')]).alerts[0]!;
    const confirmed: AlertRecord = { ...opened, state: 'confirmed', revision: 2 };
    const r = run([confirmed], [finding('us_ofac_sdn:12927', ['SDGT', 'IRAN-EO13846'])]);
    assert.deepEqual(
      [r.alerts[0]!.state, r.events[0]!.action, r.refreshed],
      ['confirmed', 'data_changed', 1],
    );
  });
});
