import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { fillCannedReply } from '../../helpdesk/canned-replies.js';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Title = Type.String({ minLength: 1, maxLength: 60 });
const Text = Type.String({ minLength: 1, maxLength: 2000 });

/**
 * Canned replies per office: everyone in the office reads them, supervisors and admins write
 * them; the chat composer gets them filled in for the open chat (its ticket number, its office's
 * name, the staff member's name).
 */
export async function cannedReplyRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const writer = app.staffGuard({ roles: ['admin', 'supervisor'] });
  const tags = ['staff: help desk'];
  const { canned } = app.helpdesk;

  async function ownReply(id: string, staff: { officeIds: string[] }) {
    const reply = await canned.get(id);
    if (!reply || !sees(staff, reply.officeId)) throw new HttpError(404, 'No such canned reply.');
    return reply;
  }

  app.get(
    '/api/staff/canned-replies',
    {
      schema: {
        tags,
        querystring: Type.Object({ officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
      },
      onRequest: guard,
    },
    async (request) => {
      const { officeId } = request.query as { officeId?: string };
      if (officeId && !sees(request.staff, officeId))
        throw new HttpError(404, `No union office ${officeId}.`);
      return { replies: await canned.list(officeId ? [officeId] : request.staff.officeIds) };
    },
  );

  app.get(
    '/api/staff/handoffs/:id/canned-replies',
    { schema: { tags, params: IdParams }, onRequest: guard },
    async (request) => {
      const { id } = request.params as { id: string };
      const handoff = await app.handoffs.scoped(id, request.staff);
      const [replies, office, ticketNumber] = await Promise.all([
        canned.list([handoff.officeId]),
        app.offices.get(handoff.officeId),
        app.ticketReads.latestNumberOf(handoff.conversationId),
      ]);
      const values = {
        ticketNumber: ticketNumber ?? null,
        officeName: office?.name ?? null,
        staffName: request.staff.displayName,
      };
      return { replies: replies.map((r) => ({ ...r, filled: fillCannedReply(r.text, values) })) };
    },
  );

  app.post(
    '/api/staff/canned-replies',
    {
      schema: {
        tags,
        body: Type.Object(
          { officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), title: Title, text: Text },
          { additionalProperties: false },
        ),
      },
      onRequest: writer,
    },
    async (request, reply) => {
      const body = request.body as { officeId?: string; title: string; text: string };
      const officeId = body.officeId ?? request.staff.officeId;
      if (!sees(request.staff, officeId)) throw new HttpError(404, `No union office ${officeId}.`);
      reply.status(201);
      return canned.create({
        officeId,
        title: body.title.trim(),
        text: body.text.trim(),
        createdById: request.staff.id,
      });
    },
  );

  app.patch(
    '/api/staff/canned-replies/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { title: Type.Optional(Title), text: Type.Optional(Text) },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
      onRequest: writer,
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await ownReply(id, request.staff);
      const body = request.body as { title?: string; text?: string };
      return canned.update(id, { title: body.title?.trim(), text: body.text?.trim() });
    },
  );

  app.delete(
    '/api/staff/canned-replies/:id',
    { schema: { tags, params: IdParams }, onRequest: writer },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await ownReply(id, request.staff);
      await canned.remove(id);
      reply.status(204);
    },
  );
}
