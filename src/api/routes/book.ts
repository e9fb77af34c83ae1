// The counterparty book over HTTP (issue 7): POST /v1/parties/screen (screen the whole book, store the results),
// GET /v1/parties/{id} (a party, its relations and its latest result with findings and paths),
// GET /v1/ownership/{id}?date= (ownership findings of a party or a listed entity), POST /v1/what-if (simulate
// listings; nothing is stored). Answers use snake_case keys like the rest of the API. Without a book service
// (a server composed without one) these routes answer 503.
import { Type } from 'typebox';
import { simulation, snakeKeys, type BookService } from '../../book/index.ts';
import { AppError } from '../../domain/errors.ts';
import { notFound } from '../errors.ts';
import { AnyObject, errorResponses } from '../schemas.ts';
import type { Api, ApiDeps } from '../types.ts';

const DAY = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const DateField = Type.String({
  pattern: DAY,
  description: 'Screening date YYYY-MM-DD: rules and listings in force that day (default: today)',
});
const Strings = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50, description });

const SimulatedEntity = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500, description: 'Name of the entity to list' }),
    list: Type.String({
      pattern: '^[a-z]{2,3}_[a-z0-9]+(_[a-z0-9]+)*(:[A-Za-z0-9-]{1,20})?$',
      description: 'List id, or <listId>:<subList> (us_trade_csl:EL = Entity List)',
    }),
    ref: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'How `relations` name this entity' }),
    ),
    schema: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    ids: Type.Optional(Strings('Identifiers TYPE:VALUE, e.g. uscc:91330000733796106P')),
    aliases: Type.Optional(Strings('Other names')),
    programs: Type.Optional(Strings('Sanctions programs, e.g. SDGT')),
    sub_list: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    start: Type.Optional(DateField),
  },
  { additionalProperties: false },
);

const SimulatedRelation = Type.Object(
  {
    owner: Type.String({
      minLength: 1,
      maxLength: 320,
      description: 'A `ref` of this request, party:<id>, entity:<id> or a party id',
    }),
    owned: Type.String({ minLength: 1, maxLength: 320 }),
    percent: Type.Optional(Type.String({ maxLength: 20, description: '60, 25-50, >50, or empty = unknown' })),
    kind: Type.Optional(
      Type.String({ maxLength: 20, description: 'ownership (default), control, director, other' }),
    ),
  },
  { additionalProperties: false },
);

const WhatIfBody = Type.Object(
  {
    entities: Type.Array(SimulatedEntity, { minItems: 1, maxItems: 100 }),
    relations: Type.Optional(Type.Array(SimulatedRelation, { maxItems: 1000 })),
    date: Type.Optional(DateField),
  },
  { additionalProperties: false },
);

const today = (): string => new Date().toISOString().slice(0, 10);

function bookOf(deps: ApiDeps): BookService {
  if (deps.book === undefined)
    throw new AppError('database', 'the counterparty book is not available on this server', {
      hint: 'start the server with `embargo serve`',
    });
  return deps.book;
}

function registerScreen(app: Api, deps: ApiDeps): void {
  app.post(
    '/v1/parties/screen',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['book'],
        summary:
          'Screen every party of the book by name and ownership and store the results; returns the summary',
        body: Type.Object({ date: Type.Optional(DateField) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const book = bookOf(deps);
      if ((await book.book.partyCount()) === 0)
        throw new AppError('not_found', 'the book has no parties', {
          hint: 'import them with `embargo parties import <file>`',
        });
      return snakeKeys(await book.screen({ date: request.body.date ?? today() }));
    },
  );
}

function registerParty(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/parties/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['book'],
        summary:
          'A party, its relations and its latest result: status by name and through ownership, matches, findings with paths',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const view = await bookOf(deps).party(request.params.id);
      if (view === undefined)
        throw notFound(
          `party ${request.params.id}`,
          'party ids are the party_id column of the imported file',
        );
      return snakeKeys(view);
    },
  );
}

function registerOwnership(app: Api, deps: ApiDeps): void {
  app.get(
    '/v1/ownership/:id',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['book'],
        summary:
          'Ownership findings of a party or a listed entity on a date, under every rule in force, with paths',
        params: Type.Object({
          id: Type.String({
            minLength: 1,
            maxLength: 320,
            description: 'party_id, entity id (us_ofac_sdn:27063), party:<id> or entity:<id>',
          }),
        }),
        querystring: Type.Object({ date: Type.Optional(DateField) }, { additionalProperties: false }),
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) =>
      snakeKeys(await bookOf(deps).ownership(request.params.id, request.query.date ?? today())),
  );
}

function registerWhatIf(app: Api, deps: ApiDeps): void {
  app.post(
    '/v1/what-if',
    {
      config: { access: 'analyst' },
      schema: {
        tags: ['book'],
        summary:
          'Simulate listings (nothing is stored): the parties whose status would rise, by name or through ownership, with paths',
        body: WhatIfBody,
        response: { 200: AnyObject, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const listings = b.entities.map(({ sub_list, ...e }) => ({
        ...e,
        ...(sub_list === undefined ? {} : { subList: sub_list }),
      }));
      const sim = simulation(listings, b.relations ?? [], 'body');
      return snakeKeys(await bookOf(deps).whatIf(sim, b.date ?? today()));
    },
  );
}

export function bookRoutes(app: Api, deps: ApiDeps): void {
  registerScreen(app, deps);
  registerParty(app, deps);
  registerOwnership(app, deps);
  registerWhatIf(app, deps);
}
