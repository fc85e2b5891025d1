import { toOfficeView } from '../offices/office-views.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Priority, TicketReceiptView, TicketStatus } from './ticket-types.js';

/**
 * The receipt of a ticket this conversation filed for this claimant since `since`, if there is
 * one. An intake's ticket commits before the turn that answers it is saved: when that save fails
 * (the disk fills, another process holds the lock, the process dies) the worker is told to try
 * again and consents again, and must get the ticket already filed, not a second one.
 */
export async function filedReceipt(
  prisma: Db,
  filed: { conversationId: string; since: Date; phoneIndex: string },
): Promise<TicketReceiptView | undefined> {
  const row = await prisma.ticket.findFirst({
    where: {
      conversationId: filed.conversationId,
      phoneIndex: filed.phoneIndex,
      createdAt: { gte: filed.since },
    },
    include: { office: true },
    orderBy: { createdAt: 'desc' },
  });
  if (!row) return undefined;
  const office = toOfficeView(row.office);
  return {
    number: row.number,
    queryCode: row.queryCode,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    dueAt: row.dueAt.toISOString(),
    office: {
      id: office.id,
      name: office.name,
      regionCode: office.regionCode,
      contactPhone: office.contactPhone,
    },
  };
}
