import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { officeScope, parseIds } from '../../staff/office-scope.js';
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
  const scopeOf = (account: { officeId: string; includeSubOffices?: boolean; extraOfficeIds?: string[] }) =>
    officeScope(app.prisma, {
      officeId: account.officeId,
      includeSubOffices: account.includeSubOffices ?? false,
      extraOfficeIds: JSON.stringify(account.extraOfficeIds ?? []),
    });

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
      // Nobody grants more than they have: the new account's whole scope, sub-offices included.
      app.offices.access.assertGrant(request.staff, await scopeOf(body));
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
      if (!staff || !sees(request.staff, staff.officeId)) throw new HttpError(404, 'No such account.');
      const before = {
        officeId: staff.officeId,
        includeSubOffices: staff.includeSubOffices,
        extraOfficeIds: parseIds(staff.extraOfficeIds),
      };
      // Managing an account that serves more than you (its password above all) would be taking
      // over that scope; and the change, your own account included, cannot widen it past yours.
      app.offices.access.assertGrant(request.staff, await scopeOf(before));
      const after = {
        ...before,
        ...(body.includeSubOffices !== undefined ? { includeSubOffices: body.includeSubOffices } : {}),
        ...(body.extraOfficeIds ? { extraOfficeIds: body.extraOfficeIds } : {}),
      };
      app.offices.access.assertGrant(request.staff, await scopeOf(after));
      const scopeChanged =
        after.includeSubOffices !== before.includeSubOffices ||
        after.extraOfficeIds.join() !== before.extraOfficeIds.join();
      if (body.password) await app.staffAccounts.setPassword(id, body.password);
      if (body.active !== undefined) await app.staffAccounts.setActive(id, body.active);
      await app.staffAccounts.update(id, body);
      // A new password, a disabled account, a changed role or scope ends every session it had
      // and every live console it has open (a socket keeps the scope it was opened with).
      if (body.password || body.active === false || (body.role && body.role !== staff.role) || scopeChanged) {
        await app.staffSessions.revokeAllFor(id);
        app.staffHub.disconnect(id);
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
