import type { Db } from '../platform/db/create-prisma.js';
import { OPEN_STATUSES } from '../tickets/ticket-views.js';

export interface EmploymentFacts {
  stillEmployed?: boolean | null;
  employmentEndedOn?: string | null;
  violationKnownOn?: string | null;
}

export interface MeasurePeriod {
  from?: Date;
  to?: Date;
}

/** The TicketMeasure table: owned by the measures domain, one row per ticket. */
export function createMeasureStore(prisma: Db) {
  const upsert = (ticketId: string, data: Record<string, unknown>) =>
    prisma.ticketMeasure.upsert({ where: { ticketId }, create: { ticketId, ...data }, update: data });

  return {
    get: (ticketId: string) => prisma.ticketMeasure.findUnique({ where: { ticketId } }),

    many: (ticketIds: string[]) =>
      ticketIds.length
        ? prisma.ticketMeasure.findMany({ where: { ticketId: { in: ticketIds } } })
        : Promise.resolve([]),

    setFacts: (ticketId: string, facts: EmploymentFacts) => upsert(ticketId, { ...facts }),

    setRecovered: (ticketId: string, fen: number, staffId: string, at: Date) =>
      upsert(ticketId, { recoveredFen: fen, recoveredAt: at, recoveredById: staffId }),

    /** Recovered amounts of the offices' tickets filed in the period, with what the totals group by. */
    recoveredIn(officeIds: string[], period: MeasurePeriod) {
      return prisma.ticketMeasure.findMany({
        where: {
          recoveredFen: { not: null },
          ticket: {
            officeId: { in: officeIds },
            ...(period.from || period.to ? { createdAt: { gte: period.from, lte: period.to } } : {}),
          },
        },
        select: {
          recoveredFen: true,
          ticket: { select: { regionCode: true, industry: true, employer: true } },
        },
      });
    },

    /** Every open ticket whose limitation facts are known, with where its worker can be reached. */
    openForReminders() {
      return prisma.ticketMeasure.findMany({
        where: {
          ticket: { status: { in: OPEN_STATUSES } },
          OR: [{ stillEmployed: false }, { violationKnownOn: { not: null } }],
        },
        select: {
          stillEmployed: true,
          employmentEndedOn: true,
          violationKnownOn: true,
          ticket: { select: { id: true, number: true, type: true, conversationId: true, locale: true } },
        },
      });
    },

    /** Open tickets of the offices whose limitation facts are known (nothing personal). */
    openWithFacts(officeIds: string[]) {
      return prisma.ticketMeasure.findMany({
        where: {
          ticket: { officeId: { in: officeIds }, status: { in: OPEN_STATUSES } },
          OR: [{ stillEmployed: false }, { violationKnownOn: { not: null } }],
        },
        select: {
          stillEmployed: true,
          employmentEndedOn: true,
          violationKnownOn: true,
          ticket: {
            select: { number: true, type: true, status: true, employer: true, officeId: true },
          },
        },
      });
    },
  };
}

export type MeasureStore = ReturnType<typeof createMeasureStore>;
