import type { FastifyInstance } from 'fastify';
import { sees } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { canOversee, type StaffPrincipal } from '../../staff/roles.js';
import { employerKeyParts, sameEmployer } from '../../tickets/employer-key.js';
import type { TicketDetail, TicketListFilter } from '../../tickets/ticket-service.js';

const TRANSFER_TARGETS_MAX = 300;

/**
 * The staff side of tickets: every read and write is checked against the staff member's offices
 * first (another office's ticket is a 404, never a hint that it exists), then handed to the
 * tickets domain (app.tickets), which owns the workflow and the append-only history.
 */
export function createTicketWork(app: FastifyInstance) {
  const actor = (staff: StaffPrincipal) => `staff:${staff.id}`;

  async function inScope(number: string, staff: StaffPrincipal): Promise<TicketDetail> {
    const ticket = await app.tickets.get(number);
    if (!ticket || !sees(staff, ticket.office.id)) throw new HttpError(404, `No ticket ${number}.`);
    return ticket;
  }

  async function assignments(ticketIds: string[]) {
    const assignees = await app.ticketReads.assignees(ticketIds);
    const names = await app.staffAccounts.displayNames([...new Set(assignees.values())]);
    return new Map(
      [...assignees].map(([ticketId, staffId]) => [
        ticketId,
        { staffId, displayName: names.get(staffId) ?? '' },
      ]),
    );
  }

  /**
   * The timeline as staff read it: who acted by name (a staff member's display name; the worker
   * and the system are labelled by the console), and the offices of a transfer by name.
   */
  async function namedEvents(events: TicketDetail['events']) {
    const staffIds = events.map((e) => /^staff:(.+)$/.exec(e.actor)?.[1]).filter((id): id is string => !!id);
    const names = await app.staffAccounts.displayNames([...new Set(staffIds)]);
    const officeName = async (id: string | null) => (id ? ((await app.offices.get(id))?.name ?? null) : null);
    return Promise.all(
      events.map(async (e) => {
        const staffId = /^staff:(.+)$/.exec(e.actor)?.[1];
        return {
          ...e,
          actorKind: staffId ? 'staff' : e.actor === 'worker' ? 'worker' : 'system',
          actorName: staffId ? (names.get(staffId) ?? null) : null,
          fromOfficeName: await officeName(e.fromOfficeId),
          toOfficeName: await officeName(e.toOfficeId),
        };
      }),
    );
  }

  /** The case's one status, shown on each of its tickets. */
  async function caseOf(caseId: string) {
    const found = await app.cases.get(caseId);
    return found ? { id: found.id, status: found.status, tickets: found.tickets.length } : null;
  }

  return {
    inScope,

    async list(
      staff: StaffPrincipal,
      filter: Omit<TicketListFilter, 'officeIds'> & { assignedToMe?: boolean },
    ) {
      const { assignedToMe, ...rest } = filter;
      let result = await app.tickets.list({ ...rest, officeIds: staff.officeIds });
      if (assignedToMe) {
        const mine = await app.ticketWork.assignedTo(staff.id);
        const items = result.items.filter((item) => mine.has(item.id));
        result = { total: items.length, items };
      }
      const ids = result.items.map((item) => item.id);
      const [assigned, labelled] = await Promise.all([
        assignments(ids),
        app.helpdesk.labels.of('ticket', ids, staff.officeIds),
      ]);
      return {
        total: result.total,
        items: result.items.map((item) => ({
          ...item,
          assignee: assigned.get(item.id) ?? null,
          labels: labelled.get(item.id) ?? [],
        })),
      };
    },

    /** The tickets carrying one of the actor's labels (another office's label is a 404). */
    async labelledIds(labelId: string, staff: StaffPrincipal) {
      const label = await app.helpdesk.labels.get(labelId);
      if (!label || !sees(staff, label.officeId)) throw new HttpError(404, 'No such label.');
      return app.helpdesk.labels.subjectsWith(labelId, 'ticket');
    },

    /** Full detail (personal data in clear): the caller writes the audit entry. */
    async detail(number: string, staff: StaffPrincipal) {
      const ticket = await inScope(number, staff);
      const [assigned, links, documents, employerTickets, labelled] = await Promise.all([
        assignments([ticket.id]),
        app.ticketWork.links(ticket.id),
        app.supervision.forTicket(ticket.id),
        // Candidates by the trade name's start ("速达配送" also finds 上海速达配送有限公司), then
        // sameEmployer decides; the place a name gives keeps 北京 and 上海 firms apart.
        ticket.employer
          ? app.tickets.list({
              officeIds: staff.officeIds,
              employer: employerKeyParts(ticket.employer).bare.slice(0, 4),
              limit: 50,
            })
          : Promise.resolve({ total: 0, items: [] }),
        app.helpdesk.labels.of('ticket', [ticket.id], staff.officeIds),
      ]);
      const measures = await app.measures.forTicket(ticket);
      const linkedIds = links.flatMap((l) => [l.ticketId, l.duplicateOfId]).filter((id) => id !== ticket.id);
      const events = await namedEvents(ticket.events);
      const numbers = await app.ticketReads.numbersByIds(linkedIds);
      return {
        ticket: { ...ticket, events },
        assignee: assigned.get(ticket.id) ?? null,
        labels: labelled.get(ticket.id) ?? [],
        duplicates: links.map((l) => ({
          number: numbers.get(l.ticketId === ticket.id ? l.duplicateOfId : l.ticketId) ?? null,
          relation: l.ticketId === ticket.id ? 'duplicate-of' : 'has-duplicate',
          note: l.note,
        })),
        possibleDuplicates: employerTickets.items
          .filter((other) => other.id !== ticket.id && sameEmployer(other.employer, ticket.employer))
          .map((other) => ({ number: other.number, status: other.status, createdAt: other.createdAt })),
        documents,
        measures: { ...measures, case: measures.caseId ? await caseOf(measures.caseId) : null },
      };
    },

    /** Agents take tickets for themselves; supervisors and admins give them to anyone in the office. */
    async assign(number: string, staff: StaffPrincipal, staffId: string) {
      const ticket = await inScope(number, staff);
      if (staffId !== staff.id && !canOversee(staff))
        throw new HttpError(403, 'Agents can only assign tickets to themselves.');
      const assignee = await app.staffAccounts.get(staffId);
      if (!assignee?.active || !sees(staff, assignee.officeId)) {
        throw new HttpError(400, 'Assign to an active staff member of your offices.');
      }
      await app.ticketWork.assign(ticket.id, staffId, staff.id);
      await app.tickets.addEvent(number, { type: 'assign', actor: actor(staff), note: assignee.displayName });
      return { staffId, displayName: assignee.displayName };
    },

    async changeStatus(
      number: string,
      staff: StaffPrincipal,
      change: { to: string; note?: string; toOfficeId?: string; recoveredYuan?: string | number },
    ) {
      const ticket = await inScope(number, staff);
      // 追回金额 is entered when closing; checked before the status moves.
      let recoveredFen: number | undefined;
      if (change.recoveredYuan !== undefined) {
        if (change.to !== 'resolved' && change.to !== 'closed')
          throw new HttpError(400, 'The amount recovered is entered when a ticket is resolved or closed.');
        recoveredFen = app.measures.parseRecovered(change.recoveredYuan);
      }
      if (change.to === 'transferred' && change.toOfficeId) {
        await app.offices.access.assertTransfer(staff, ticket.office.id, change.toOfficeId, change.note);
      }
      const changed = await app.tickets.changeStatus(
        number,
        change.to as Parameters<typeof app.tickets.changeStatus>[1],
        actor(staff),
        change.note,
        change.toOfficeId ? { toOfficeId: change.toOfficeId } : {},
      );
      if (recoveredFen === undefined) return changed;
      await app.measures.setRecovered(ticket.id, recoveredFen, staff.id);
      // The timeline's note is the amount in fen; the console words it in yuan.
      await app.tickets.addEvent(number, {
        type: 'recovered',
        actor: actor(staff),
        note: String(recoveredFen),
      });
      return (await app.tickets.get(number)) ?? changed;
    },

    /**
     * Where this actor may transfer the ticket (office-access.ts checkTransfer): up to the parent
     * of the office holding it, or any other office in their scope. A national admin's scope is
     * the whole country, so the list is capped; the parent always comes first.
     */
    async transferTargets(number: string, staff: StaffPrincipal) {
      const ticket = await inScope(number, staff);
      const parentId = (await app.offices.get(ticket.office.id))?.parentId;
      const ids = [...new Set([...(parentId ? [parentId] : []), ...staff.officeIds])].filter(
        (id) => id !== ticket.office.id,
      );
      const offices = [];
      for (const id of ids.slice(0, TRANSFER_TARGETS_MAX)) {
        const office = await app.offices.get(id);
        if (office?.active)
          offices.push({ id, name: office.name, relation: id === parentId ? 'parent' : 'scope' });
      }
      return offices;
    },

    async note(number: string, staff: StaffPrincipal, text: string) {
      await inScope(number, staff);
      return app.tickets.addEvent(number, { type: 'note', actor: actor(staff), note: text });
    },

    /** A message to the worker in their channel (outbox), kept in the ticket's history. */
    async message(number: string, staff: StaffPrincipal, text: string) {
      const ticket = await inScope(number, staff);
      if (!ticket.conversationId) {
        throw new HttpError(409, 'This ticket came in without a chat; contact the worker by phone.');
      }
      const sent = await app.delivery.send(ticket.conversationId, [{ type: 'staff', text }], {
        author: 'staff',
      });
      const event = await app.tickets.addEvent(number, { type: 'message', actor: actor(staff), note: text });
      return { delivered: sent.delivered, event };
    },

    /** Mark `number` a duplicate of `of`: both in scope, the same employer. */
    async linkDuplicate(number: string, staff: StaffPrincipal, of: string, note?: string) {
      if (number === of) throw new HttpError(400, 'A ticket cannot duplicate itself.');
      const ticket = await inScope(number, staff);
      const original = await inScope(of, staff);
      if (!sameEmployer(ticket.employer, original.employer)) {
        throw new HttpError(400, 'Only complaints against the same employer can be linked as duplicates.');
      }
      if (await app.ticketWork.isLinked(ticket.id, original.id))
        throw new HttpError(409, `${number} is already linked to ${of}.`);
      await app.ticketWork.link(ticket.id, original.id, staff.id, note ?? null);
      await app.tickets.addEvent(number, {
        // The note is the other ticket's number; the type says which way (the console words it).
        type: 'duplicate-of',
        actor: actor(staff),
        note: of,
      });
      await app.tickets.addEvent(of, {
        type: 'has-duplicate',
        actor: actor(staff),
        note: number,
      });
    },

    async attachment(number: string, staff: StaffPrincipal, attachmentId: string) {
      const ticket = await inScope(number, staff);
      const row = await app.ticketWork.attachment(attachmentId);
      if (!row || row.ticketId !== ticket.id) throw new HttpError(404, 'No such attachment.');
      return { ticket, row };
    },
  };
}

export type TicketWork = ReturnType<typeof createTicketWork>;
