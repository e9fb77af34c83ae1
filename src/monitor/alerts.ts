// Alerts as a use case, for the CLI and the API: list, show (with the event history), decide (one step of the review
// state machine, decide.ts), and the four-eyes policy. A decision is written with an optimistic lock — two analysts
// deciding the same alert at once cannot both win — together with its event and, for a final decision, the
// `alert.decided` webhook; then it goes to the audit trail.
import type { AuditChannel } from '../audit/index.ts';
import { AppError } from '../domain/errors.ts';
import { DEFAULT_ALGORITHM } from '../matching/index.ts';
import type { AlertEvent, AlertFilter, AlertRecord, AuditStore, MonitorStore } from '../store/index.ts';
import { auditEvents } from './audit.ts';
import {
  decide,
  NO_FOUR_EYES,
  type DecisionAction,
  type DecisionOutcome,
  type FourEyesPolicy,
} from './decide.ts';
import { alertDecided } from './webhooks/events.ts';

export const FOUR_EYES_SETTING = 'four_eyes';

export interface AlertServiceDeps {
  monitor: MonitorStore;
  audit: AuditStore;
  now?: () => Date;
}

export interface DecisionInput {
  action: DecisionAction;
  reason?: string;
  actor: string;
  channel: AuditChannel;
}

export class AlertService {
  readonly #deps: AlertServiceDeps;

  constructor(deps: AlertServiceDeps) {
    this.#deps = deps;
  }

  get monitor(): MonitorStore {
    return this.#deps.monitor;
  }

  async policy(): Promise<FourEyesPolicy> {
    const stored = (await this.#deps.monitor.setting(FOUR_EYES_SETTING)) as
      Partial<FourEyesPolicy> | undefined;
    return { clear: stored?.clear === true, confirm: stored?.confirm === true };
  }

  async setPolicy(policy: FourEyesPolicy): Promise<void> {
    await this.#deps.monitor.commit({
      alerts: [],
      events: [],
      outbox: [],
      settings: { [FOUR_EYES_SETTING]: { ...NO_FOUR_EYES, ...policy } },
    });
  }

  list(filter: AlertFilter = {}): Promise<AlertRecord[]> {
    return this.#deps.monitor.listAlerts(filter);
  }

  async show(alertId: string): Promise<{ alert: AlertRecord; events: AlertEvent[] }> {
    const alert = await this.#deps.monitor.alert(alertId);
    if (alert === undefined)
      throw new AppError('not_found', `no alert ${alertId}`, {
        hint: 'embargo alerts list (GET /v1/alerts) shows the alerts',
      });
    return { alert, events: await this.#deps.monitor.events(alertId) };
  }

  /** One review step; throws not_found, invalid_input or conflict. */
  async decide(alertId: string, input: DecisionInput): Promise<DecisionOutcome> {
    const { alert } = await this.show(alertId);
    const now = this.#deps.now?.() ?? new Date();
    const at = now.toISOString();
    const outcome = decide(
      alert,
      {
        action: input.action,
        actor: input.actor,
        at,
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      },
      await this.policy(),
    );
    const next: AlertRecord = { ...outcome.alert, revision: alert.revision + 1 };
    const event: AlertEvent = {
      alertId,
      seq: next.revision,
      at,
      actor: input.actor,
      action: outcome.event,
      fromState: outcome.from,
      toState: next.state,
      reason: outcome.reason,
      detail: {
        pending: next.pending,
        ...(outcome.approvedBy === undefined
          ? {}
          : { approvedBy: outcome.approvedBy, requestedBy: alert.pending?.actor }),
      },
    };
    const decision = {
      actor: alert.pending !== null && outcome.approvedBy !== undefined ? alert.pending.actor : input.actor,
      reason: outcome.reason,
      ...(outcome.approvedBy === undefined ? {} : { approvedBy: outcome.approvedBy }),
    };
    const outbox = outcome.decided ? [alertDecided(next, now, decision)] : [];
    if (!(await this.#deps.monitor.updateAlert(next, alert.revision, event, outbox))) {
      throw new AppError('conflict', `alert ${alertId} changed while you decided`, {
        hint: 'reload it and decide again',
      });
    }
    await auditEvents(this.#deps.audit, [next], [event], {
      channel: input.channel,
      algorithm: DEFAULT_ALGORITHM.id,
      threshold: DEFAULT_ALGORITHM.threshold,
      lists: [],
    });
    return { ...outcome, alert: next };
  }
}
