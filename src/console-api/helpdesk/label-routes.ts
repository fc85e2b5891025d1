import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import type { StaffPrincipal } from '../../staff/roles.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';

const LabelParams = Type.Object({ labelId: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Labels per office: supervisors and admins define them; anyone in the office puts them on the
 * office's chats and tickets. A label is only ever read or used by staff who see its office.
 */
export async function labelRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const writer = app.staffGuard({ roles: ['admin', 'supervisor'] });
  const tags = ['staff: help desk'];
  const { labels } = app.helpdesk;

  async function ownLabel(labelId: string, staff: StaffPrincipal) {
    const label = await labels.get(labelId);
    if (!label || !sees(staff, label.officeId)) throw new HttpError(404, 'No such label.');
    return label;
  }

  app.get('/api/staff/labels', { schema: { tags }, onRequest: guard }, async (request) => ({
    labels: await labels.list(request.staff.officeIds),
  }));

  app.post(
    '/api/staff/labels',
    {
      schema: {
        tags,
        body: Type.Object(
          {
            officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            name: Type.String({ minLength: 1, maxLength: 30 }),
            color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: writer,
    },
    async (request, reply) => {
      const body = request.body as { officeId?: string; name: string; color?: string };
      const officeId = body.officeId ?? request.staff.officeId;
      if (!sees(request.staff, officeId)) throw new HttpError(404, `No union office ${officeId}.`);
      const name = body.name.trim();
      if (!name) throw new HttpError(400, 'The label needs a name.');
      reply.status(201);
      return labels.create({ officeId, name, ...(body.color ? { color: body.color } : {}) });
    },
  );

  app.delete(
    '/api/staff/labels/:labelId',
    { schema: { tags, params: LabelParams }, onRequest: writer },
    async (request, reply) => {
      const { labelId } = request.params as { labelId: string };
      await ownLabel(labelId, request.staff);
      await labels.remove(labelId);
      reply.status(204);
    },
  );

  app.get(
    '/api/staff/handoffs/:id/labels',
    {
      schema: { tags, params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) },
      onRequest: guard,
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { conversationId } = await app.handoffs.scoped(id, request.staff);
      const on = await labels.of('conversation', [conversationId], request.staff.officeIds);
      return { labels: on.get(conversationId) ?? [] };
    },
  );

  // On a chat (by its queue item) and on a ticket (by its number): PUT puts it on, DELETE takes it off.
  const subjects = [
    {
      url: '/api/staff/handoffs/:id/labels/:labelId',
      params: Type.Object({
        id: Type.String({ minLength: 1, maxLength: 64 }),
        labelId: LabelParams.properties.labelId,
      }),
      type: 'conversation' as const,
      resolve: async (params: Record<string, string>, staff: StaffPrincipal) =>
        (await app.handoffs.scoped(params.id ?? '', staff)).conversationId,
    },
    {
      url: '/api/staff/tickets/:number/labels/:labelId',
      params: Type.Object({
        number: Type.String({ pattern: `^${TICKET_NUMBER_SOURCE}$` }),
        labelId: LabelParams.properties.labelId,
      }),
      type: 'ticket' as const,
      resolve: async (params: Record<string, string>, staff: StaffPrincipal) => {
        const ticket = await app.tickets.get(params.number ?? '');
        if (!ticket || !sees(staff, ticket.office.id))
          throw new HttpError(404, `No ticket ${params.number}.`);
        return ticket.id;
      },
    },
  ];
  for (const subject of subjects) {
    for (const method of ['PUT', 'DELETE'] as const) {
      app.route({
        method,
        url: subject.url,
        schema: { tags, params: subject.params },
        onRequest: guard,
        handler: async (request) => {
          const params = request.params as Record<string, string>;
          const label = await ownLabel(params.labelId ?? '', request.staff);
          const subjectId = await subject.resolve(params, request.staff);
          if (method === 'PUT') await labels.attach(label.id, subject.type, subjectId, request.staff.id);
          else await labels.detach(label.id, subject.type, subjectId);
          const now = await labels.of(subject.type, [subjectId], request.staff.officeIds);
          return { labels: now.get(subjectId) ?? [] };
        },
      });
    }
  }
}
