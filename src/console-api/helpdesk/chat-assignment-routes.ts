import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { officeScope } from '../../staff/office-scope.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Note = Type.String({ minLength: 1, maxLength: 2000 });

/**
 * Manual assignment of a chat to a staff member and transfer to another office with a note
 * (the transfer rule of offices/office-access.ts: an office the actor sees, or the parent). The
 * note stays with the chat as a private note, so the receiving office reads why it came.
 */
export async function chatAssignmentRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const tags = ['staff: chats'];

  app.post(
    '/api/staff/handoffs/:id/assign',
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { staffId: Type.String({ minLength: 1, maxLength: 64 }), note: Type.Optional(Note) },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { staffId, note } = request.body as { staffId: string; note?: string };
      // Another office's chat is a 404 before anything is said about the person named.
      await app.handoffs.scoped(id, request.staff);
      const account = await app.staffAccounts.get(staffId);
      if (!account?.active || !sees(request.staff, account.officeId))
        throw new HttpError(400, 'Assign to an active staff member of your offices.');
      const assignee = {
        id: account.id,
        displayName: account.displayName,
        officeIds: await officeScope(app.prisma, account),
      };
      const handoff = await app.handoffs.assign(id, request.staff, assignee);
      if (note?.trim())
        await app.helpdesk.notes.add({
          conversationId: handoff.conversationId,
          officeId: handoff.officeId,
          staffId: request.staff.id,
          text: note.trim(),
          kind: 'assign',
        });
      return { handoff };
    },
  );

  app.get(
    '/api/staff/handoffs/:id/transfer-targets',
    { schema: { tags, params: IdParams }, onRequest: guard },
    async (request) => {
      const { id } = request.params as { id: string };
      const handoff = await app.handoffs.scoped(id, request.staff);
      const parentId = (await app.offices.get(handoff.officeId))?.parentId;
      const ids = [...new Set([...(parentId ? [parentId] : []), ...request.staff.officeIds])].filter(
        (officeId) => officeId !== handoff.officeId,
      );
      const offices = [];
      for (const officeId of ids.slice(0, 300)) {
        const office = await app.offices.get(officeId);
        if (office?.active)
          offices.push({
            id: officeId,
            name: office.name,
            relation: officeId === parentId ? 'parent' : 'scope',
          });
      }
      return { offices };
    },
  );

  app.post(
    '/api/staff/handoffs/:id/transfer',
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { toOfficeId: Type.String({ minLength: 1, maxLength: 64 }), note: Note },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { toOfficeId, note } = request.body as { toOfficeId: string; note: string };
      const target = await app.offices.get(toOfficeId);
      const { handoff } = await app.handoffs.transfer(
        id,
        request.staff,
        toOfficeId,
        note,
        target?.name ?? '',
      );
      await app.helpdesk.notes.add({
        conversationId: handoff.conversationId,
        officeId: handoff.officeId,
        staffId: request.staff.id,
        text: note.trim(),
        kind: 'transfer',
      });
      return { handoff };
    },
  );
}
