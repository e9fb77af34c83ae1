// Continuous monitoring over HTTP (issue 8): GET /v1/alerts (filter by state, kind, party, entity), GET /v1/alerts/{id}
// (the finding, what it rests on, every event), POST /v1/alerts/{id}/decisions (one review step, as the caller's
// key), GET|PUT /v1/alerts/policy (four-eyes), POST /v1/monitor/runs (screen what changed now). Registered only
// when the server is composed with monitoring.
import { Type } from 'typebox';
import { alertData, DECISION_ACTIONS, NO_FOUR_EYES, type DecisionAction } from '../../monitor/index.ts';
import { ALERT_KINDS, ALERT_STATES, type AlertRecord, type AlertState } from '../../store/index.ts';
import { AppError } from '../../domain/errors.ts';
import { AnyObject, ErrorBody, errorResponses, stringEnum } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';
import type { MonitoringContext } from '../../app/monitoring.ts';

const ALERT_ID = '^al_[0-9a-z]{1,60}$';
const withConflict = { ...errorResponses, 409: ErrorBody };
const DAY = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const ListQuery = Type.Object(
  {
    state: Type.Optional(
      Type.String({
        pattern: `^(${ALERT_STATES.join('|')})(,(${ALERT_STATES.join('|')}))*$`,
        description: 'Comma-separated states (default: open,in_review,escalated)',
      }),
    ),
    kind: Type.Optional(stringEnum(ALERT_KINDS, 'name or ownership')),
    party_id: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    present: Type.Optional(
      Type.Boolean({ description: 'Only alerts whose finding holds (true) or is gone (false)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Default 100' })),
    after: Type.Optional(
      Type.String({
        pattern: ALERT_ID,
        description: 'Page after this alert id (`next` of the previous page)',
      }),
    ),
  },
  { additionalProperties: false },
);

const DecisionBody = Type.Object(
  {
    action: stringEnum(
      DECISION_ACTIONS,
      'review, clear (false positive), confirm (true match), escalate, approve / reject a four-eyes request, reopen',
    ),
    reason: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Required for clear, confirm, escalate, reject and reopen',
      }),
    ),
  },
  { additionalProperties: false },
);

const PolicyBody = Type.Object(
  { clear: Type.Boolean(), confirm: Type.Boolean() },
  { additionalProperties: false, description: 'Decisions that need a second user' },
);
const RunBody = Type.Object(
  {
    full: Type.Optional(Type.Boolean({ description: 'Re-screen the whole book' })),
    date: Type.Optional(Type.String({ pattern: DAY, description: 'Screening date (default: today)' })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ pattern: ALERT_ID }) });

function detailOut(a: AlertRecord): Record<string, unknown> {
  return {
    ...alertData(a),
    pending: a.pending,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    revision: a.revision,
    finding: a.finding,
    material: a.material,
  };
}

function readRoutes(app: Api, m: MonitoringContext): void {
  app.get(
    '/v1/alerts',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts raised by continuous monitoring',
        querystring: ListQuery,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const states = (q.state?.split(',') ?? ['open', 'in_review', 'escalated']) as AlertState[];
      const limit = q.limit ?? 100;
      const alerts = await m.alerts.list({
        states,
        limit,
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.party_id === undefined ? {} : { partyId: q.party_id }),
        ...(q.entity_id === undefined ? {} : { entityId: q.entity_id }),
        ...(q.present === undefined ? {} : { present: q.present }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      return {
        alerts: alerts.map(alertData),
        next: alerts.length === limit ? alerts[alerts.length - 1]!.alertId : null,
      };
    },
  );
  app.get(
    '/v1/alerts/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'One alert: its finding, the data it rests on, every event',
        params: IdParams,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const { alert, events } = await m.alerts.show(request.params.id);
      return {
        ...detailOut(alert),
        events: events.map((e) => ({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          from_state: e.fromState,
          to_state: e.toState,
          reason: e.reason,
          detail: e.detail,
        })),
      };
    },
  );
  app.get(
    '/v1/alerts/policy',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'The four-eyes policy',
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async () => ({ four_eyes: await m.alerts.policy() }),
  );
}

function writeRoutes(app: Api, m: MonitoringContext): void {
  app.post(
    '/v1/alerts/:id/decisions',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'One review step, recorded as the caller',
        params: IdParams,
        body: DecisionBody,
        response: { 200: AnyObject, ...withConflict },
      },
    },
    async (request) => {
      const body = request.body;
      const outcome = await m.alerts.decide(request.params.id, {
        action: body.action as DecisionAction,
        actor: request.caller.actor,
        channel: 'api',
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      });
      return { ...detailOut(outcome.alert), event: outcome.event, decided: outcome.decided };
    },
  );
  app.put(
    '/v1/alerts/policy',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Set the four-eyes policy',
        body: PolicyBody,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      await m.alerts.setPolicy({ ...NO_FOUR_EYES, ...request.body });
      return { four_eyes: await m.alerts.policy() };
    },
  );
  app.post(
    '/v1/monitor/runs',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Screen what changed since the last run now (or the whole book)',
        body: Type.Optional(RunBody),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      if (body.date !== undefined && Number.isNaN(Date.parse(body.date)))
        throw new AppError('invalid_date', `date ${body.date} is not a day`, { where: 'date' });
      return m.run({
        actor: request.caller.actor,
        channel: 'api',
        full: body.full === true,
        ...(body.date === undefined ? {} : { date: body.date }),
      });
    },
  );
}

export function alertRoutes(app: Api, deps: ApiDeps): void {
  if (deps.monitoring === undefined) return;
  readRoutes(app, deps.monitoring);
  writeRoutes(app, deps.monitoring);
}
