import type { EmployerRegistry } from '../employers/employer-registry.js';
import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';
import { OPEN_STATUSES } from '../tickets/ticket-views.js';

export const CASE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** The console suggests a case when an employer has this many open complaints. */
export const SUGGEST_AT = 3;

/** A ticket as a case needs it (the caller has checked the office scope). */
export interface CaseTicket {
  id: string;
  number: string;
  employer: string | null;
}

/**
 * Collective cases: several workers' complaints against one employer entity, worked as one case
 * with one status that every ticket in it shows. Tickets stay tickets (their own workflow and
 * history); the case groups them.
 */
export function createCaseService(prisma: Db, employers: EmployerRegistry) {
  const withTickets = {
    employer: true,
    tickets: { select: { ticket: { select: { id: true, number: true, officeId: true, status: true } } } },
  } as const;

  return {
    async create(input: { tickets: CaseTicket[]; officeId: string; staffId: string; note?: string }) {
      if (input.tickets.length < 2)
        throw new DomainError('invalid', 'A collective case groups two or more tickets.');
      const entityIds = new Set<string>();
      for (const ticket of input.tickets) {
        if (!ticket.employer) throw new DomainError('invalid', `${ticket.number} names no employer.`);
        const entity = await employers.ensure(ticket.employer);
        if (entity) entityIds.add(entity.id);
      }
      if (entityIds.size !== 1) {
        throw new DomainError(
          'invalid',
          'The tickets name different employers: merge the employers first if they are one.',
        );
      }
      const taken = await prisma.ticketMeasure.findMany({
        where: { ticketId: { in: input.tickets.map((t) => t.id) }, caseId: { not: null } },
        select: { ticketId: true },
      });
      if (taken.length) {
        const numbers = input.tickets
          .filter((t) => taken.some((r) => r.ticketId === t.id))
          .map((t) => t.number);
        throw new DomainError('conflict', `Already in a collective case: ${numbers.join(', ')}.`);
      }
      const [employerId] = [...entityIds] as [string];
      return prisma.$transaction(async (tx) => {
        const created = await tx.collectiveCase.create({
          data: {
            employerId,
            officeId: input.officeId,
            createdById: input.staffId,
            note: input.note ?? null,
          },
        });
        for (const ticket of input.tickets) {
          await tx.ticketMeasure.upsert({
            where: { ticketId: ticket.id },
            create: { ticketId: ticket.id, caseId: created.id },
            update: { caseId: created.id },
          });
        }
        return created;
      });
    },

    get: (id: string) => prisma.collectiveCase.findUnique({ where: { id }, include: withTickets }),

    list: (officeIds: string[]) =>
      prisma.collectiveCase.findMany({
        where: { officeId: { in: officeIds } },
        include: withTickets,
        orderBy: { createdAt: 'desc' },
        take: 200,
      }),

    async setStatus(id: string, status: CaseStatus) {
      return prisma.collectiveCase.update({ where: { id }, data: { status }, include: withTickets });
    },

    /**
     * Employers with SUGGEST_AT or more open tickets in these offices that are in no case yet:
     * the console offers to group them.
     */
    async suggestions(officeIds: string[]) {
      const open = await prisma.ticket.findMany({
        where: {
          officeId: { in: officeIds },
          status: { in: OPEN_STATUSES },
          employer: { not: null },
          OR: [{ measure: null }, { measure: { caseId: null } }],
        },
        select: { number: true, employer: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
        take: 2000,
      });
      const entities = await employers.resolve(open.map((t) => t.employer));
      const groups = new Map<string, { employerId: string; employer: string; tickets: string[] }>();
      for (const ticket of open) {
        const entity = ticket.employer ? entities.get(ticket.employer) : undefined;
        if (!entity) continue;
        const group = groups.get(entity.id) ?? { employerId: entity.id, employer: entity.name, tickets: [] };
        group.tickets.push(ticket.number);
        groups.set(entity.id, group);
      }
      return [...groups.values()].filter((g) => g.tickets.length >= SUGGEST_AT);
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
