import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { HttpError } from '../../platform/http/error-handler.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Private notes on a chat: staff of the chat's office write and read them; colleagues with the
 * chat open see a new one live. They go to the staff hub only, never to app.delivery, so the
 * worker never receives one.
 */
export async function chatNoteRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const tags = ['staff: chats'];
  const { notes } = app.helpdesk;

  app.get(
    '/api/staff/handoffs/:id/notes',
    { schema: { tags, params: IdParams }, onRequest: guard },
    async (request) => {
      const { id } = request.params as { id: string };
      const handoff = await app.handoffs.scoped(id, request.staff);
      return { notes: await notes.forConversation(handoff.conversationId) };
    },
  );

  app.post(
    '/api/staff/handoffs/:id/notes',
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const text = (request.body as { text: string }).text.trim();
      if (!text) throw new HttpError(400, 'The note is empty.');
      const handoff = await app.handoffs.scoped(id, request.staff);
      const note = await notes.add({
        conversationId: handoff.conversationId,
        officeId: handoff.officeId,
        staffId: request.staff.id,
        text,
      });
      app.staffHub.publish(handoff.officeId, { event: 'note', handoff: { id: handoff.id }, note });
      reply.status(201);
      return { note };
    },
  );
}
