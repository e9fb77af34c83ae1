// fast-check arbitraries from an OpenAPI 3.0 document: valid requests (values drawn from each parameter's and
// body's JSON Schema) and malformed ones (a required field dropped, a value of the wrong type, an unknown
// field, a body that is not JSON at all). Used by the fuzz test; bounded sizes keep each request cheap.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

export interface GeneratedRequest {
  method: string;
  url: string;
  /** JSON value, or a raw text body (malformed JSON). */
  payload?: Json | { raw: string };
}

/** Longest array or object generated: enough to reach the paths, small enough to run thousands of requests. */
const MAX_ITEMS = 4;

export interface Hints {
  /** Values to mix into string properties or parameters of this name (e.g. real listed names for `name`). */
  strings?: Readonly<Record<string, readonly string[]>>;
  /** Keys to mix into maps (e.g. FtM property names). */
  keys?: readonly string[];
}

function stringArb(s: Schema, name: string | undefined, hints: Hints): fc.Arbitrary<string> {
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as string[]));
  const max = Math.min(Number(s['maxLength'] ?? 60), 60);
  const min = Number(s['minLength'] ?? 0);
  const base = typeof s['pattern'] === 'string' ? fc.stringMatching(new RegExp(s['pattern'] as string)) : fc.string({ minLength: min, maxLength: Math.max(min, max) });
  const hinted = name === undefined ? undefined : hints.strings?.[name];
  return hinted === undefined || hinted.length === 0 ? base : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hinted) }, { weight: 1, arbitrary: base });
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s['minimum'] === 'number' ? s['minimum'] : -1e6;
  const max = typeof s['maximum'] === 'number' ? s['maximum'] : 1e6;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArb(s: Schema, hints: Hints, depth: number): fc.Arbitrary<Json> {
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((s['required'] ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<Json>> = {};
  for (const [key, sub] of Object.entries(props)) record[key] = valueFor(sub, hints, depth + 1, key);
  const fixed = fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
  const extra = s['additionalProperties'];
  if (typeof extra !== 'object' || extra === null || Object.keys(props).length > 0) return fixed as fc.Arbitrary<Json>;
  // A map (`additionalProperties: {schema}`): a few keys of that schema.
  const maxKeys = Math.min(Number(s['maxProperties'] ?? MAX_ITEMS), MAX_ITEMS);
  const key = hints.keys === undefined ? fc.string({ minLength: 1, maxLength: 12 }) : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints.keys) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) });
  return fc.dictionary(key, valueFor(extra as Schema, hints, depth + 1, undefined), { maxKeys }) as fc.Arbitrary<Json>;
}

/** An arbitrary of values valid for the schema. */
export function valueFor(s: Schema, hints: Hints, depth = 0, name?: string): fc.Arbitrary<Json> {
  const base = schemaValue(s, hints, depth, name);
  return s['nullable'] === true ? fc.oneof(base, fc.constant(null)) : base;
}

function schemaValue(s: Schema, hints: Hints, depth: number, name: string | undefined): fc.Arbitrary<Json> {
  const variants = (s['anyOf'] ?? s['oneOf']) as Schema[] | undefined;
  if (variants !== undefined) return fc.oneof(...variants.map((v) => valueFor(v, hints, depth, name)));
  switch (s['type']) {
    case 'string':
      return stringArb(s, name, hints);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const min = Number(s['minItems'] ?? 0);
      const max = Math.max(min, Math.min(Number(s['maxItems'] ?? MAX_ITEMS), MAX_ITEMS));
      return fc.array(valueFor((s['items'] ?? {}) as Schema, hints, depth + 1, name), { minLength: Math.min(min, max), maxLength: max });
    }
    case 'object':
      return depth > 6 ? fc.constant({}) : objectArb(s, hints, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  }
}

/** A valid value broken one way: dropped field, wrong type, unknown field, or replaced by random JSON. */
export function malformed(valid: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.tuple(valid, fc.nat()).map(([v, i]) => (isObject(v) ? withoutKey(v, i) : v)),
    fc.tuple(valid, fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([v, i, junk]) => (isObject(v) ? withValue(v, i, junk as Json) : (junk as Json))),
    fc.tuple(valid, fc.string({ minLength: 1, maxLength: 10 })).map(([v, key]) => (isObject(v) ? { ...v, [`x_${key}`]: 1 } : v)),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  );
}

function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutKey(v: { [key: string]: Json }, i: number): Json {
  const keys = Object.keys(v);
  if (keys.length === 0) return v;
  const copy = { ...v };
  delete copy[keys[i % keys.length]!];
  return copy;
}

function withValue(v: { [key: string]: Json }, i: number, junk: Json): Json {
  const keys = Object.keys(v);
  return keys.length === 0 ? junk : { ...v, [keys[i % keys.length]!]: junk };
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

function queryString(values: Record<string, Json | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Requests for one operation, half valid and half malformed (parameters or body). */
export function requestsFor(method: string, path: string, op: Operation, hints: Hints): fc.Arbitrary<GeneratedRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => fc.oneof(valueFor(p.schema, hints, 0, p.name), fc.string({ maxLength: 40 })))).map((values) =>
    pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, encodeURIComponent(String(values[i]))), path),
  );
  const queryRecord: Record<string, fc.Arbitrary<Json>> = {};
  for (const p of queryParams) queryRecord[p.name] = fc.oneof({ weight: 9, arbitrary: valueFor(p.schema, hints, 0, p.name) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) as fc.Arbitrary<Json> });
  const queryArb = fc.record(queryRecord, { requiredKeys: queryParams.filter((p) => p.required === true).map((p) => p.name) }).map((q) => queryString(q as Record<string, Json>));
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const validBody = bodySchema === undefined ? fc.constant(undefined) : valueFor(bodySchema, hints);
  const bodyArb: fc.Arbitrary<GeneratedRequest['payload']> =
    bodySchema === undefined
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 4, arbitrary: validBody as fc.Arbitrary<Json> },
          { weight: 3, arbitrary: malformed(validBody as fc.Arbitrary<Json>) },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((raw) => ({ raw: `{${raw}` })) },
        );
  return fc.record({ path: pathArb, query: queryArb, payload: bodyArb }).map(({ path: p, query, payload }) => ({
    method: method.toUpperCase(),
    url: `${p}${query}`,
    ...(payload === undefined ? {} : { payload }),
  }));
}
