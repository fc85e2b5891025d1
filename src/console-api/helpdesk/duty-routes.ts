import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { MAX_CAPACITY } from '../../helpdesk/duty-roster.js';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';

const OfficeQuery = Type.Object({ officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) });

/**
 * On duty for live chats: each staff member marks themselves; supervisors and admins see their
 * office's roster (on duty, capacity, chats held); only an admin sets a person's capacity.
 */
export async function dutyRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const tags = ['staff: help desk'];
  const { roster, autoAssign } = app.helpdesk;

  app.get('/api/staff/duty', { schema: { tags }, onRequest: guard }, async (request) =>
    roster.duty(request.staff.id),
  );

  app.put(
    '/api/staff/duty',
    {
      schema: {
        tags,
        body: Type.Object({ onDuty: Type.Boolean() }, { additionalProperties: false }),
      },
      onRequest: guard,
    },
    async (request) => {
      const { onDuty } = request.body as { onDuty: boolean };
      await roster.setOnDuty(request.staff.id, onDuty);
      // Coming on duty takes the office's waiting chats at once, up to capacity.
      if (onDuty) await autoAssign.drain(request.staff.officeId);
      return roster.duty(request.staff.id);
    },
  );

  app.get(
    '/api/staff/roster',
    {
      schema: { tags, querystring: OfficeQuery },
      onRequest: app.staffGuard({ roles: ['admin', 'supervisor'] }),
    },
    async (request) => {
      const officeId = (request.query as { officeId?: string }).officeId ?? request.staff.officeId;
      if (!sees(request.staff, officeId)) throw new HttpError(404, `No union office ${officeId}.`);
      return { officeId, staff: await roster.roster(officeId) };
    },
  );

  app.put(
    '/api/staff/roster/:staffId',
    {
      schema: {
        tags,
        params: Type.Object({ staffId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object(
          { capacity: Type.Integer({ minimum: 0, maximum: MAX_CAPACITY }) },
          { additionalProperties: false },
        ),
      },
      onRequest: app.staffGuard({ roles: ['admin'] }),
    },
    async (request) => {
      const { staffId } = request.params as { staffId: string };
      const { capacity } = request.body as { capacity: number };
      const account = await app.staffAccounts.get(staffId);
      if (!account || !sees(request.staff, account.officeId))
        throw new HttpError(404, 'No such staff member.');
      await roster.setCapacity(staffId, capacity);
      // More room may take chats that were waiting for it.
      await autoAssign.drain(account.officeId);
      return { staffId, ...(await roster.duty(staffId)) };
    },
  );
}
