import type { Db } from '../platform/db/create-prisma.js';

export interface TicketPeriod {
  from?: Date;
  to?: Date;
}

export type TicketCountField = 'status' | 'regionCode' | 'industry' | 'employer' | 'priority';

const OPEN_STATUSES = ['submitted', 'accepted', 'in_progress', 'transferred'];

/**
 * Read-only questions other domains ask of the ticket tables (the ledger's counts, the
 * supervision documents' tickets, the office a chat belongs to). The tickets domain owns those
 * tables; everyone else asks here, so a change of schema has one place to follow.
 */
export function createTicketReads(prisma: Db) {
  const inOffices = (officeIds: string[], period: TicketPeriod = {}) => ({
    officeId: { in: officeIds },
    ...(period.from || period.to ? { createdAt: { gte: period.from, lte: period.to } } : {}),
  });

  return {
    /** How many tickets per value of `by`, most first. */
    async countBy(officeIds: string[], period: TicketPeriod, by: TicketCountField, top: number) {
      const groups = await prisma.ticket.groupBy({
        by: [by],
        where: inOffices(officeIds, period),
        _count: { _all: true },
      });
      return groups
        .map((g) => ({ key: (g[by] as string | null) ?? '', count: g._count._all }))
        .sort((a, b) => b.count - a.count)
        .slice(0, top);
    },

    async count(officeIds: string[], period: TicketPeriod, options: { overdueAt?: Date } = {}) {
      return prisma.ticket.count({
        where: {
          ...inOffices(officeIds, period),
          ...(options.overdueAt ? { dueAt: { lt: options.overdueAt }, status: { in: OPEN_STATUSES } } : {}),
        },
      });
    },

    /** Tickets filed since a date, oldest first: what the risk warnings look at (nothing personal). */
    async filedSince(officeIds: string[], since: Date) {
      return prisma.ticket.findMany({
        where: { officeId: { in: officeIds }, createdAt: { gte: since } },
        select: {
          number: true,
          employer: true,
          collective: true,
          workerCount: true,
          officeId: true,
          createdAt: true,
        },
        orderBy: { createdAt: 'asc' },
      });
    },

    async numbersByIds(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const rows = await prisma.ticket.findMany({
        where: { id: { in: ids } },
        select: { id: true, number: true },
      });
      return new Map(rows.map((row) => [row.id, row.number]));
    },

    async byNumbers(numbers: string[]) {
      if (!numbers.length) return [];
      return prisma.ticket.findMany({
        where: { number: { in: numbers } },
        select: { id: true, number: true, officeId: true, employer: true, createdAt: true },
      });
    },

    async byIds(ids: string[]) {
      if (!ids.length) return [];
      return prisma.ticket.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          number: true,
          officeId: true,
          employer: true,
          amountYuan: true,
          workerCount: true,
          periodText: true,
          regionCode: true,
          createdAt: true,
        },
        orderBy: { createdAt: 'asc' },
      });
    },

    /** The office of the conversation's latest ticket, if it filed one. */
    async latestOfficeOf(conversationId: string): Promise<string | undefined> {
      const ticket = await prisma.ticket.findFirst({
        where: { conversationId },
        orderBy: { createdAt: 'desc' },
        select: { officeId: true },
      });
      return ticket?.officeId;
    },

    /** Number and region of a conversation's latest ticket (the live queue shows both). */
    async latestOf(conversationId: string): Promise<{ number: string; regionCode: string } | undefined> {
      const ticket = await prisma.ticket.findFirst({
        where: { conversationId },
        orderBy: { createdAt: 'desc' },
        select: { number: true, regionCode: true },
      });
      return ticket ?? undefined;
    },

    /** The number of a conversation's latest ticket. */
    async latestNumberOf(conversationId: string): Promise<string | undefined> {
      const ticket = await prisma.ticket.findFirst({
        where: { conversationId },
        orderBy: { createdAt: 'desc' },
        select: { number: true },
      });
      return ticket?.number;
    },

    /** Who each ticket is assigned to (staff ids). */
    async assignees(ticketIds: string[]): Promise<Map<string, string>> {
      if (!ticketIds.length) return new Map();
      const rows = await prisma.ticketAssignment.findMany({ where: { ticketId: { in: ticketIds } } });
      return new Map(rows.map((row) => [row.ticketId, row.staffId]));
    },
  };
}

export type TicketReads = ReturnType<typeof createTicketReads>;
