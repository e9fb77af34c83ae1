// The review state machine: allowed transitions, reasons, four-eyes approval by a second user, and refusals with
// stable error codes (invalid_input / conflict).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../domain/errors.ts';
import type { AlertRecord, AlertState } from '../store/index.ts';
import { decide, NO_FOUR_EYES, type DecisionAction } from './decide.ts';

const AT = '2026-03-02T09:00:00.000Z';

function alert(state: AlertState, pending: AlertRecord['pending'] = null): AlertRecord {
  return {
    alertId: 'al_1',
    key: 'name:P\u001fE',
    kind: 'name',
    partyId: 'P',
    entityId: 'E',
    ruleId: null,
    listId: 'us_ofac_sdn',
    state,
    present: state !== 'closed',
    score: 0.9,
    summary: '',
    material: {},
    materialHash: 'h',
    finding: {},
    pending,
    createdAt: AT,
    updatedAt: AT,
    revision: 1,
  };
}

const step = (
  state: AlertState,
  action: DecisionAction,
  reason: string | undefined = 'because',
  actor = 'local:anna',
  policy = NO_FOUR_EYES,
) => decide(alert(state), { action, actor, at: AT, ...(reason === undefined ? {} : { reason }) }, policy);

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('alert decisions', () => {
  test('each action moves only from the states it applies to', () => {
    const table: [DecisionAction, AlertState, AlertState | 'conflict'][] = [
      ['review', 'open', 'in_review'],
      ['review', 'escalated', 'in_review'],
      ['review', 'cleared', 'conflict'],
      ['clear', 'open', 'cleared'],
      ['clear', 'in_review', 'cleared'],
      ['clear', 'escalated', 'cleared'],
      ['clear', 'confirmed', 'conflict'],
      ['confirm', 'in_review', 'confirmed'],
      ['escalate', 'open', 'escalated'],
      ['escalate', 'cleared', 'conflict'],
      ['reopen', 'cleared', 'open'],
      ['reopen', 'confirmed', 'open'],
      ['reopen', 'open', 'conflict'],
      ['clear', 'closed', 'conflict'],
    ];
    for (const [action, from, to] of table) {
      if (to === 'conflict')
        assert.equal(
          code(() => step(from, action)),
          'conflict',
          `${action} from ${from}`,
        );
      else assert.equal(step(from, action).alert.state, to, `${action} from ${from}`);
    }
  });

  test('decisions need a reason; review does not', () => {
    for (const action of ['clear', 'confirm', 'escalate', 'reopen'] as const) {
      const from = action === 'reopen' ? 'cleared' : 'open';
      assert.equal(
        code(() => step(from, action, '  ')),
        'invalid_input',
        action,
      );
    }
    assert.equal(step('open', 'review', undefined).alert.state, 'in_review');
    assert.equal(
      code(() => step('open', 'clear', 'x'.repeat(2001))),
      'invalid_input',
    );
  });

  test('final decisions are reported as decided, review and reopen are not', () => {
    assert.deepEqual(
      ['clear', 'confirm', 'escalate'].map((a) => step('open', a as DecisionAction).decided),
      [true, true, true],
    );
    assert.equal(step('open', 'review').decided, false);
    assert.equal(step('cleared', 'reopen').decided, false);
  });

  test('four-eyes: a clear waits for a second user; the requester cannot approve it', () => {
    const policy = { clear: true, confirm: false };
    const requested = step('open', 'clear', 'namesake', 'local:anna', policy);
    assert.deepEqual(
      [requested.alert.state, requested.event, requested.decided, requested.alert.pending?.actor],
      ['in_review', 'clear_requested', false, 'local:anna'],
    );
    const approve = (actor: string) => decide(requested.alert, { action: 'approve', actor, at: AT }, policy);
    assert.equal(
      code(() => approve('local:anna')),
      'conflict',
    );
    const approved = approve('key:ben');
    assert.deepEqual(
      [approved.alert.state, approved.alert.pending, approved.approvedBy, approved.decided, approved.reason],
      ['cleared', null, 'key:ben', true, 'namesake'],
    );
    // Confirm is not under four-eyes in this policy.
    assert.equal(step('open', 'confirm', 'same USCC', 'local:anna', policy).alert.state, 'confirmed');
    // A second request while one is pending is refused; reject needs a reason and drops the request.
    assert.equal(
      code(() =>
        decide(requested.alert, { action: 'confirm', actor: 'key:ben', reason: 'x', at: AT }, policy),
      ),
      'conflict',
    );
    assert.equal(
      code(() => decide(requested.alert, { action: 'reject', actor: 'key:ben', at: AT }, policy)),
      'invalid_input',
    );
    const rejected = decide(
      requested.alert,
      { action: 'reject', actor: 'key:ben', reason: 'not convinced: same birth year', at: AT },
      policy,
    );
    assert.deepEqual(
      [rejected.alert.state, rejected.alert.pending, rejected.event],
      ['in_review', null, 'rejected'],
    );
    const withdrawn = decide(
      requested.alert,
      { action: 'reject', actor: 'local:anna', reason: 'withdrawn', at: AT },
      policy,
    );
    assert.equal(withdrawn.event, 'withdrawn');
    assert.equal(
      code(() => decide(alert('in_review'), { action: 'approve', actor: 'key:ben', at: AT }, policy)),
      'conflict',
      'nothing to approve',
    );
  });
});
