import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { HttpError } from '../platform/http/error-handler.js';
import { TICKET_NUMBER_SOURCE } from './numbering.js';
import { TicketFormSchema, ticketFromForm } from './ticket-input.js';

const ErrorSchema = Type.Object({ statusCode: Type.Integer(), error: Type.String(), message: Type.String() });
const OfficeRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  contactPhone: Type.String(),
});
/** The arbitration limit as the worker reads it (劳动争议调解仲裁法 第二十七条), when known. */
const LimitSchema = Type.Object({
  kind: Type.String(),
  text: Type.String(),
  lastDay: Type.Optional(Type.String()),
  daysLeft: Type.Optional(Type.Integer()),
  warning: Type.Optional(Type.String()),
  runsFrom: Type.Optional(Type.String()),
  ask: Type.Optional(Type.String()),
});
const ReceiptSchema = Type.Object({
  number: Type.String(),
  queryCode: Type.String(),
  status: Type.String(),
  priority: Type.String(),
  dueAt: Type.String(),
  office: OfficeRef,
  arbitrationLimit: Type.Optional(LimitSchema),
});
const PublicSchema = Type.Object({
  number: Type.String(),
  type: Type.String(),
  status: Type.String(),
  priority: Type.String(),
  dueAt: Type.String(),
  createdAt: Type.String(),
  office: OfficeRef,
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      type: Type.String(),
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  arbitrationLimit: Type.Optional(LimitSchema),
});

/** The mini-program's form intake and the worker's own status lookup (no personal data out). */
export const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'File a complaint from a structured form (same validation and routing as the chat intake)',
        body: TicketFormSchema,
        response: { 201: ReceiptSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const channel = body.channel ?? 'api';
      const input = ticketFromForm(body, new Date());
      if (body.channelUserId) {
        // Status changes reach the worker on their channel through this conversation's outbox.
        const conversation = await app.conversations.findOrCreate(channel, body.channelUserId, body.locale);
        input.conversationId = conversation.id;
      }
      const receipt = await app.tickets.create(input, { actor: 'worker' });
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/tickets/:number',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Status, office and history of a ticket, with its query code',
        params: Type.Object({
          number: Type.String({ pattern: `^${TICKET_NUMBER_SOURCE.replace('GY', '[Gg][Yy]')}$` }),
        }),
        querystring: Type.Object({ code: Type.String({ minLength: 4, maxLength: 12 }) }),
        response: { 200: PublicSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const ticket = await app.tickets.getPublic(request.params.number, request.query.code);
      // One answer for "no such ticket" and "wrong code".
      if (!ticket) throw new HttpError(404, 'No ticket with that number and query code.');
      return ticket;
    },
  );
};
