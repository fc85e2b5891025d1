import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { readImport } from '../../offices/office-import.js';
import { INDUSTRIES, OFFICE_KINDS, OFFICE_LEVELS } from '../../offices/office-types.js';
import { HttpError } from '../../platform/http/error-handler.js';

const enumOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const OfficeBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 2, maxLength: 80 }),
    kind: Type.Optional(enumOf(OFFICE_KINDS)),
    level: enumOf(OFFICE_LEVELS),
    regionCode: Type.String({ pattern: '^\\d{6}$' }),
    industry: Type.Optional(Type.Union([enumOf(INDUSTRIES), Type.Null()])),
    parentId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    hours: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const OfficePatch = Type.Partial(OfficeBody, { additionalProperties: false });
const RuleBody = Type.Object(
  {
    regionPrefix: Type.String({ pattern: '^(?:\\d{2}){0,3}$' }),
    industry: Type.Optional(Type.Union([enumOf(INDUSTRIES), Type.Null()])),
    collective: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    officeId: Type.String({ minLength: 1 }),
    priority: Type.Optional(Type.Integer({ minimum: -99, maximum: 99 })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const ImportBody = Type.Object(
  {
    offices: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 20_000 })),
    rules: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 20_000 })),
    kind: Type.Optional(Type.Union([Type.Literal('offices'), Type.Literal('rules')])),
    csv: Type.Optional(Type.String({ maxLength: 5_000_000 })),
  },
  { additionalProperties: false },
);

/**
 * Staff API for the office directory and routing table: any staff member reads the directory
 * (it is public contact data) and the rules that touch their offices; every write goes through
 * `app.offices.by(staff)`, which applies the scope rule of src/offices/office-access.ts.
 */
export const officeStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const anyStaff = app.staffGuard();
  const admin = app.staffGuard({ roles: ['admin'] });
  const tags = ['offices'];

  app.get(
    '/api/staff/offices',
    {
      preHandler: anyStaff,
      schema: {
        tags,
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })),
          kind: Type.Optional(enumOf(OFFICE_KINDS)),
          level: Type.Optional(enumOf(OFFICE_LEVELS)),
          parentId: Type.Optional(Type.String()),
          industry: Type.Optional(enumOf(INDUSTRIES)),
          q: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (request) => app.offices.list(request.query),
  );

  app.get(
    '/api/staff/offices/:id',
    { preHandler: anyStaff, schema: { tags, params: Type.Object({ id: Type.String() }) } },
    async (request) => {
      const office = await app.offices.get(request.params.id);
      if (!office) throw new HttpError(404, `No union office ${request.params.id}.`);
      return { ...office, children: await app.offices.children(office.id) };
    },
  );

  app.post(
    '/api/staff/offices',
    { preHandler: admin, schema: { tags, body: OfficeBody } },
    async (request, reply) =>
      reply.status(201).send(await app.offices.by(request.staff).create(request.body)),
  );

  app.patch(
    '/api/staff/offices/:id',
    { preHandler: anyStaff, schema: { tags, params: Type.Object({ id: Type.String() }), body: OfficePatch } },
    async (request) => app.offices.by(request.staff).update(request.params.id, request.body),
  );

  app.get('/api/staff/routing-rules', { preHandler: anyStaff, schema: { tags } }, async (request) => ({
    items: await app.offices.by(request.staff).listRules(),
  }));

  app.post(
    '/api/staff/routing-rules',
    { preHandler: admin, schema: { tags, body: RuleBody } },
    async (request, reply) =>
      reply.status(201).send(await app.offices.by(request.staff).createRule(request.body)),
  );

  app.patch(
    '/api/staff/routing-rules/:id',
    {
      preHandler: admin,
      schema: {
        tags,
        params: Type.Object({ id: Type.String() }),
        body: Type.Partial(RuleBody, { additionalProperties: false }),
      },
    },
    async (request) => app.offices.by(request.staff).updateRule(request.params.id, request.body),
  );

  app.delete(
    '/api/staff/routing-rules/:id',
    { preHandler: admin, schema: { tags, params: Type.Object({ id: Type.String() }) } },
    async (request, reply) => {
      await app.offices.by(request.staff).deleteRule(request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/staff/offices/import',
    { preHandler: admin, schema: { tags, body: ImportBody } },
    async (request) => app.offices.by(request.staff).import(readImport(request.body)),
  );

  /** Which office a case would reach (staff check their rules with it). */
  app.get(
    '/api/staff/routing/preview',
    {
      preHandler: anyStaff,
      schema: {
        tags,
        querystring: Type.Object({
          regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
          industry: enumOf(INDUSTRIES),
          collective: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const { regionCode, industry, collective } = request.query;
      return app.offices.route(regionCode, industry, collective ?? false);
    },
  );
};
