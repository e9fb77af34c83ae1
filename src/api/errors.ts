// The one error handler: every failure becomes `{"error": {code, message, hint?, fields?}}` with a status
// that says whose fault it was. Validation failures name each field; nothing internal (stack, SQL, paths)
// reaches a client — unexpected errors are logged with the request id and answered with that id only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../domain/errors.ts';

export interface FieldError {
  field: string;
  in: string;
  message: string;
}

export interface ErrorPayload {
  error: { code: string; message: string; hint?: string; fields?: FieldError[]; request_id?: string };
  /** yente clients read `detail` (FastAPI's error shape); sent on the yente-compatible routes only. */
  detail?: string;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  usage: 400,
  invalid_input: 400,
  invalid_list_id: 400,
  invalid_source_id: 400,
  invalid_entity_id: 400,
  invalid_date: 400,
  invalid_country: 400,
  not_found: 404,
  conflict: 409,
  database: 503,
};

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** `/parties/3/country` → `parties[3].country`. */
function fieldPath(instancePath: string, extra?: unknown): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (typeof extra === 'string') parts.push(extra);
  return parts.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out === '' ? p : `${out}.${p}`), '');
}

function fieldErrors(validation: AjvError[], where: string): FieldError[] {
  return validation.map((v) => {
    if (v.keyword === 'required') return { field: fieldPath(v.instancePath, v.params['missingProperty']), in: where, message: 'is required' };
    if (v.keyword === 'additionalProperties') {
      return { field: fieldPath(v.instancePath, v.params['additionalProperty']), in: where, message: 'is not a known field' };
    }
    return { field: fieldPath(v.instancePath) || '(root)', in: where, message: v.message ?? 'is invalid' };
  });
}

function payloadFor(request: FastifyRequest, error: FastifyError | AppError): { status: number; payload: ErrorPayload } {
  if (error instanceof AppError) {
    const status = STATUS[error.code] ?? 500;
    if (status >= 500 && error.code !== 'database') return internal(request);
    const fields = error.where === undefined ? undefined : [{ field: error.where, in: 'body', message: error.message }];
    return { status, payload: { error: { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }), ...(fields === undefined ? {} : { fields }) } } };
  }
  if (error.validation !== undefined) {
    const fields = fieldErrors(error.validation as AjvError[], error.validationContext ?? 'body');
    const message = fields.map((f) => `${f.in} ${f.field}: ${f.message}`).join('; ');
    return { status: 400, payload: { error: { code: 'invalid_input', message, fields } } };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = error.code?.startsWith('FST_') ? error.code.replace(/^FST_ERR_(CTP_)?/, '').toLowerCase() : 'bad_request';
    return { status, payload: { error: { code, message: error.message } } };
  }
  return internal(request);
}

function internal(request: FastifyRequest): { status: number; payload: ErrorPayload } {
  return { status: 500, payload: { error: { code: 'internal', message: 'internal error; the server log has the details', request_id: request.id } } };
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, payload } = payloadFor(request, error);
    if (status >= 500) request.log.error({ err: error, request_id: request.id }, 'request failed');
    if (isYenteRoute(request)) payload.detail = payload.error.message;
    void reply.status(status).send(payload);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const payload: ErrorPayload = { error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}`, hint: 'see /docs for the routes' } };
    void reply.status(404).send(payload);
  });
}

function isYenteRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? '';
  return url.startsWith('/match') || url.startsWith('/algorithms');
}

/** An AppError('not_found') for a missing resource. */
export function notFound(what: string, hint?: string): AppError {
  return new AppError('not_found', `${what} not found`, hint === undefined ? {} : { hint });
}
