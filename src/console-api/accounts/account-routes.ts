import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../../platform/http/error-handler.js';
import { ROLES, type Role } from '../../staff/roles.js';
import { publicStaff, USERNAME_PATTERN } from '../../staff/staff-service.js';

const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));

const NewStaffBody = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    role: RoleSchema,
    officeId: Type.String({ minLength: 1 }),
    includeSubOffices: Type.Optional(Type.Boolean()),
    extraOfficeIds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

/** Staff accounts, managed by admins within the offices they serve. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const adminOnly = app.staffGuard({ roles: ['admin'] });

  app.get(
    '/api/staff/accounts',
    { schema: { tags: ['staff'] }, onRequest: app.staffGuard({ roles: ['admin', 'supervisor'] }) },
    async (request) => ({
      accounts: (await app.staffAccounts.list(request.staff.officeIds)).map(publicStaff),
    }),
  );

  app.post(
    '/api/staff/accounts',
    { schema: { tags: ['staff'], body: NewStaffBody }, onRequest: adminOnly },
    async (request, reply) => {
      const body = request.body as Type.Static<typeof NewStaffBody>;
      const scope = new Set(request.staff.officeIds);
      // An admin can give out only the offices they serve themselves.
      for (const officeId of [body.officeId, ...(body.extraOfficeIds ?? [])]) {
        if (!scope.has(officeId)) throw new HttpError(403, 'You can add staff only to offices you serve.');
      }
      const staff = await app.staffAccounts.create(body);
      reply.status(201);
      return { account: publicStaff(staff) };
    },
  );

  app.patch(
    '/api/staff/accounts/:id',
    {
      schema: {
        tags: ['staff'],
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          {
            active: Type.Optional(Type.Boolean()),
            password: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            role: Type.Optional(RoleSchema),
            includeSubOffices: Type.Optional(Type.Boolean()),
            extraOfficeIds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: adminOnly,
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        active?: boolean;
        password?: string;
        displayName?: string;
        role?: Role;
        includeSubOffices?: boolean;
        extraOfficeIds?: string[];
      };
      const staff = await app.staffAccounts.get(id);
      if (!staff || !request.staff.officeIds.includes(staff.officeId))
        throw new HttpError(404, 'No such account.');
      if (body.extraOfficeIds?.some((officeId) => !request.staff.officeIds.includes(officeId))) {
        throw new HttpError(403, 'You can give out only offices you serve.');
      }
      if (body.password) await app.staffAccounts.setPassword(id, body.password);
      if (body.active !== undefined) await app.staffAccounts.setActive(id, body.active);
      await app.staffAccounts.update(id, body);
      // A new password, a disabled account or a changed role ends every session it had.
      if (body.password || body.active === false || (body.role && body.role !== staff.role)) {
        await app.staffSessions.revokeAllFor(id);
      }
      return { account: publicStaff((await app.staffAccounts.get(id)) ?? staff) };
    },
  );

  app.get(
    '/api/staff/audit',
    {
      schema: { tags: ['staff'], querystring: Type.Object({ subjectId: Type.Optional(Type.String()) }) },
      onRequest: app.staffGuard({ roles: ['admin', 'supervisor'] }),
    },
    async (request) => {
      const { subjectId } = request.query as { subjectId?: string };
      const entries = await app.staffAudit.list({ officeIds: request.staff.officeIds, subjectId });
      return { entries };
    },
  );
}
