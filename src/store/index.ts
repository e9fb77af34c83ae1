// Public face of the store.
export type { Store, ListVersion, NewVersion, HashedEntity, CommitHooks } from './store.ts';
export { openStore, isPostgresUrl } from './open.ts';
export type { AuditStore, AuditRange, ApiKeyRecord, ApiRole } from './audit-store.ts';
export { API_ROLES } from './audit-store.ts';
export { openAuditStore } from './kysely-audit-store.ts';
export type { BookStore, BookImport, BookRun, BookWriteHooks, MatchDecision, MatchDecisionKind, NewBookImport, PartyRecord, PartyResultRecord, PartyStatus, StoredParty } from './book-store.ts';
export { openBookStore, partyHash } from './kysely-book-store.ts';
export type { AlertEvent, AlertFilter, AlertKind, AlertRecord, AlertState, DeliveryAttempt, MonitorBatch, MonitorStore, MonitorWriteHooks, OutboxEvent, OutboxMessage, OutboxStatus, PendingDecision, WebhookEndpoint } from './monitor-store.ts';
export { ALERT_KINDS, ALERT_STATES } from './monitor-store.ts';
export { openMonitorStore } from './kysely-monitor-store.ts';
