// Public face of continuous monitoring (docs/design/monitoring.md): monitor runs (delta screening on list and book
// changes), alerts and their review, good-guy suppression, signed webhooks from a store-backed outbox, scheduling.
export {
  runMonitor,
  FULL_RESCREEN_ENTITIES,
  type MonitorDeps,
  type MonitorRunOptions,
  type MonitorReport,
  type PhaseCounts,
} from './run.ts';
export { AlertService, FOUR_EYES_SETTING, type AlertServiceDeps, type DecisionInput } from './alerts.ts';
export {
  decide,
  DECISION_ACTIONS,
  NO_FOUR_EYES,
  type DecisionAction,
  type DecisionOutcome,
  type FourEyesPolicy,
} from './decide.ts';
export { reconcile, ACTIVE_STATES, type ReconcileInput, type ReconcileOutput } from './reconcile.ts';
export { nameKey, ownershipKey, type Finding } from './findings.ts';
export { materialChanges, describeChanges, type MaterialChange } from './material.ts';
export { readCursor, type MonitorCursor } from './cursor.ts';
export { ListCache, type CachedList, type LoadedLists } from './list-cache.ts';
export { alertData, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhooks/events.ts';
export { addEndpoint, endpointOut, type NewEndpoint } from './webhooks/endpoints.ts';
export {
  deliverDue,
  backoffMs,
  WebhookDispatcher,
  DEFAULT_DELIVERY,
  type DeliveryOptions,
  type PassReport,
} from './webhooks/deliver.ts';
export { sign, verify, signedHeaders, newSecret } from './webhooks/sign.ts';
