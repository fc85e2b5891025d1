import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { HandoffService } from '../../handoff/handoff-service.js';
import { withQueueLabels } from './queue-labels.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The live-chat queue for staff: list, open (audited), claim, reply, hand back, close. */
export function handoffRoutes(handoffs: HandoffService) {
  return async (app: FastifyInstance): Promise<void> => {
    const guard = app.staffGuard();
    const tags = ['staff: chats'];

    app.get(
      '/api/staff/handoffs',
      {
        schema: {
          tags,
          querystring: Type.Object({
            status: Type.Optional(
              Type.Union([
                Type.Literal('open'),
                Type.Literal('waiting'),
                Type.Literal('claimed'),
                Type.Literal('ended'),
              ]),
            ),
            label: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          }),
        },
        onRequest: guard,
      },
      async (request) => {
        const { status, label } = request.query as {
          status?: 'open' | 'waiting' | 'claimed' | 'ended';
          label?: string;
        };
        const items = await handoffs.list(request.staff, status ?? 'open');
        const withLabels = await withQueueLabels(app, request.staff, items);
        return {
          handoffs: label ? withLabels.filter((h) => h.labels.some((l) => l.id === label)) : withLabels,
        };
      },
    );

    app.get(
      '/api/staff/handoffs/:id',
      { schema: { tags, params: IdParams }, onRequest: guard },
      async (request) => {
        const { id } = request.params as { id: string };
        const detail = await handoffs.get(id, request.staff);
        // The transcript is the worker's own words: names, phones, their story.
        await app.staffAudit.record(request.staff, {
          action: 'view-conversation',
          subjectType: 'conversation',
          subjectId: detail.handoff.conversationId,
          officeId: detail.handoff.officeId,
        });
        return detail;
      },
    );

    app.post(
      '/api/staff/handoffs/:id/claim',
      { schema: { tags, params: IdParams }, onRequest: guard },
      async (request) => {
        const { id } = request.params as { id: string };
        return { handoff: await handoffs.claim(id, request.staff) };
      },
    );

    app.post(
      '/api/staff/handoffs/:id/messages',
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
        const { text } = request.body as { text: string };
        if (!text.trim()) {
          reply.status(400);
          return { statusCode: 400, error: 'Bad Request', message: 'The message is empty.' };
        }
        await handoffs.reply(id, request.staff, text.trim());
        return { ok: true };
      },
    );

    app.post(
      '/api/staff/handoffs/:id/release',
      { schema: { tags, params: IdParams }, onRequest: guard },
      async (request) => {
        const { id } = request.params as { id: string };
        return { handoff: await handoffs.end(id, request.staff, 'returned') };
      },
    );

    app.post(
      '/api/staff/handoffs/:id/close',
      { schema: { tags, params: IdParams }, onRequest: guard },
      async (request) => {
        const { id } = request.params as { id: string };
        return { handoff: await handoffs.end(id, request.staff, 'closed') };
      },
    );
  };
}
