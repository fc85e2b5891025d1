import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { EmploymentFacts } from '../../measures/measure-store.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';
import { createTicketWork } from '../tickets/ticket-work-service.js';

const NumberParams = Type.Object({ number: Type.String({ pattern: `^${TICKET_NUMBER_SOURCE}$` }) });
const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

/**
 * A ticket's measures as staff record them: what the worker said about the employment (the
 * arbitration limit depends on it), a correction of the amount recovered, and the office's list
 * of tickets near their limit. Every ticket is checked against the staff member's offices first.
 */
export async function measureRoutes(app: FastifyInstance): Promise<void> {
  const work = createTicketWork(app);
  const guard = app.staffGuard();
  const tags = ['staff: measures'];

  app.put(
    '/api/staff/tickets/:number/employment',
    {
      schema: {
        tags,
        params: NumberParams,
        body: Type.Object(
          {
            stillEmployed: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
            employmentEndedOn: Type.Optional(Day),
            violationKnownOn: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { number } = request.params as { number: string };
      const ticket = await work.inScope(number, request.staff);
      await app.measures.setFacts(ticket.id, request.body as EmploymentFacts);
      await app.tickets.addEvent(number, { type: 'employment', actor: `staff:${request.staff.id}` });
      return app.measures.forTicket(ticket);
    },
  );

  app.put(
    '/api/staff/tickets/:number/recovered',
    {
      schema: {
        tags,
        params: NumberParams,
        body: Type.Object(
          {
            recoveredYuan: Type.Union([
              Type.Number({ minimum: 0 }),
              Type.String({ minLength: 1, maxLength: 20 }),
            ]),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const { number } = request.params as { number: string };
      const ticket = await work.inScope(number, request.staff);
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
        throw new HttpError(409, 'The amount recovered is entered when a ticket is resolved or closed.');
      }
      const fen = app.measures.parseRecovered(
        (request.body as { recoveredYuan: string | number }).recoveredYuan,
      );
      await app.measures.setRecovered(ticket.id, fen, request.staff.id);
      await app.tickets.addEvent(number, {
        type: 'recovered',
        actor: `staff:${request.staff.id}`,
        note: String(fen),
      });
      return app.measures.forTicket(ticket);
    },
  );

  app.get(
    '/api/staff/limits',
    {
      schema: {
        tags,
        querystring: Type.Object({ within: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })) }),
      },
      onRequest: guard,
    },
    async (request) => {
      const within = (request.query as { within?: number }).within ?? 60;
      return { within, tickets: await app.measures.nearLimit(request.staff.officeIds, within) };
    },
  );
}
