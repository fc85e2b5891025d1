import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { CASE_STATUSES, type CaseService, type CaseStatus } from '../../cases/case-service.js';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { maskName, maskPhone } from '../../platform/privacy/mask-fields.js';
import type { StaffPrincipal } from '../../staff/roles.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';
import { statusPath } from '../../tickets/status-workflow.js';
import type { TicketStatus } from '../../tickets/ticket-types.js';
import { createTicketWork } from '../tickets/ticket-work-service.js';

type CaseRow = NonNullable<Awaited<ReturnType<CaseService['get']>>>;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * /api/staff/cases: collective cases. A case is its office's: staff who see that office read and
 * work it; its workers are listed masked, and only for the tickets the reader's offices hold.
 */
export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const work = createTicketWork(app);
  /** What a case's status makes of its tickets' ("open" leaves each where it is). */
  const CASE_TICKET_STATUS: Record<CaseStatus, TicketStatus | undefined> = {
    open: undefined,
    in_progress: 'in_progress',
    resolved: 'resolved',
    closed: 'closed',
  };
  const guard = app.staffGuard();
  const tags = ['staff: cases'];

  async function inScope(id: string, staff: StaffPrincipal): Promise<CaseRow> {
    const found = await app.cases.get(id);
    if (!found || !sees(staff, found.officeId)) throw new HttpError(404, 'No such collective case.');
    return found;
  }

  /** The case as the console shows it: the workers of the tickets this reader sees, masked. */
  async function view(found: CaseRow, staff: StaffPrincipal) {
    const office = await app.offices.get(found.officeId);
    const workers = [];
    let elsewhere = 0;
    for (const { ticket } of found.tickets) {
      if (!sees(staff, ticket.officeId)) {
        elsewhere++;
        continue;
      }
      const detail = await app.tickets.get(ticket.number);
      if (!detail) continue;
      workers.push({
        number: ticket.number,
        status: ticket.status,
        claimantNameMasked: maskName(detail.claimantName),
        phoneMasked: maskPhone(detail.phone),
        amountYuan: detail.amountYuan,
      });
    }
    return {
      id: found.id,
      status: found.status,
      note: found.note,
      employer: { id: found.employer.id, name: found.employer.name, creditCode: found.employer.creditCode },
      office: { id: found.officeId, name: office?.name ?? null },
      createdAt: found.createdAt,
      tickets: found.tickets.length,
      workers,
      elsewhere,
    };
  }

  app.get('/api/staff/cases', { schema: { tags }, onRequest: guard }, async (request) => {
    const rows = await app.cases.list(request.staff.officeIds);
    return {
      items: rows.map((row) => ({
        id: row.id,
        status: row.status,
        employer: row.employer.name,
        tickets: row.tickets.length,
        createdAt: row.createdAt,
      })),
    };
  });

  app.get('/api/staff/cases/suggestions', { schema: { tags }, onRequest: guard }, async (request) => ({
    suggestions: await app.cases.suggestions(request.staff.officeIds),
  }));

  app.get('/api/staff/cases/:id', { schema: { tags, params: IdParams }, onRequest: guard }, async (request) =>
    view(await inScope((request.params as { id: string }).id, request.staff), request.staff),
  );

  app.post(
    '/api/staff/cases',
    {
      schema: {
        tags,
        body: Type.Object(
          {
            tickets: Type.Array(Type.String({ pattern: `^${TICKET_NUMBER_SOURCE}$` }), {
              minItems: 2,
              maxItems: 200,
              uniqueItems: true,
            }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request, reply) => {
      const body = request.body as { tickets: string[]; note?: string };
      const tickets = [];
      for (const number of body.tickets) tickets.push(await work.inScope(number, request.staff));
      const created = await app.cases.create({
        tickets,
        // The case is worked where its first complaint is.
        officeId: (tickets[0] as (typeof tickets)[number]).office.id,
        staffId: request.staff.id,
        note: body.note?.trim() || undefined,
      });
      for (const ticket of tickets) {
        await app.tickets.addEvent(ticket.number, { type: 'case', actor: `staff:${request.staff.id}` });
      }
      reply.status(201);
      return view((await app.cases.get(created.id)) as CaseRow, request.staff);
    },
  );

  app.post(
    '/api/staff/cases/:id/status',
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { status: Type.Union(CASE_STATUSES.map((s) => Type.Literal(s))) },
          { additionalProperties: false },
        ),
      },
      onRequest: guard,
    },
    async (request) => {
      const found = await inScope((request.params as { id: string }).id, request.staff);
      const status = (request.body as { status: CaseStatus }).status;
      const updated = await app.cases.setStatus(found.id, status);
      // The case's status is each ticket's too: a worker whose complaint the case resolved sees
      // it resolved (and is told, as on any status change). A ticket the workflow cannot take
      // there (closed, rejected, elsewhere) keeps its own status, and the answer lists it.
      const target = CASE_TICKET_STATUS[status];
      const unmoved: string[] = [];
      for (const { ticket } of updated.tickets) {
        await app.tickets.addEvent(ticket.number, {
          type: 'case-status',
          actor: `staff:${request.staff.id}`,
          note: status,
        });
        if (!target || !sees(request.staff, ticket.officeId)) continue;
        const path = statusPath(ticket.status as TicketStatus, target);
        if (!path) {
          unmoved.push(ticket.number);
          continue;
        }
        for (const step of path) await work.changeStatus(ticket.number, request.staff, { to: step });
      }
      return { ...(await view((await app.cases.get(found.id)) as CaseRow, request.staff)), unmoved };
    },
  );
}
