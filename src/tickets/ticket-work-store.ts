import type { Db } from '../platform/db/create-prisma.js';

/**
 * The ticket tables staff work touches besides the ticket itself: assignments, duplicate links
 * and attachments. Owned here; the console reaches them through these functions.
 */
export function createTicketWorkStore(prisma: Db) {
  return {
    async assignedTo(staffId: string): Promise<Set<string>> {
      const rows = await prisma.ticketAssignment.findMany({ where: { staffId }, select: { ticketId: true } });
      return new Set(rows.map((row) => row.ticketId));
    },

    async assign(ticketId: string, staffId: string, assignedById: string): Promise<void> {
      await prisma.ticketAssignment.upsert({
        where: { ticketId },
        create: { ticketId, staffId, assignedById },
        update: { staffId, assignedById, assignedAt: new Date() },
      });
    },

    /** Links where the ticket is the duplicate or the original. */
    async links(ticketId: string) {
      return prisma.ticketLink.findMany({ where: { OR: [{ ticketId }, { duplicateOfId: ticketId }] } });
    },

    async isLinked(ticketId: string, duplicateOfId: string): Promise<boolean> {
      const row = await prisma.ticketLink.findUnique({
        where: { ticketId_duplicateOfId: { ticketId, duplicateOfId } },
      });
      return row !== null;
    },

    async link(ticketId: string, duplicateOfId: string, createdById: string, note: string | null) {
      await prisma.ticketLink.create({ data: { ticketId, duplicateOfId, createdById, note } });
    },

    async attachment(id: string) {
      return prisma.attachment.findUnique({ where: { id } });
    },

    /** A file staff attach (bytes already sealed by the caller's field cipher). */
    async addAttachment(input: {
      ticketId: string;
      kind: string;
      mimeType: string;
      sizeBytes: number;
      sha256: string;
      dataEnc: Uint8Array<ArrayBuffer>;
    }) {
      return prisma.attachment.create({ data: input });
    },
  };
}

export type TicketWorkStore = ReturnType<typeof createTicketWorkStore>;
