import { randomUUID } from 'node:crypto';
import type { Db } from '../db/create-prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { chinaDay, formatTicketNumber } from './numbering.js';

export type TicketRow = Omit<Prisma.TicketCreateManyInput, 'id' | 'number'>;
export interface WrittenTicket {
  id: string;
  number: string;
}

interface Pending {
  row: TicketRow;
  actor: string;
  note: string | null;
  resolve: (written: WrittenTicket) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 256;

/**
 * Group commit: tickets filed at the same moment are numbered and written in one transaction
 * (one fsync instead of one each; SQLite runs synchronous=FULL). Each caller's promise resolves
 * only after the transaction that holds its ticket has committed, so an acknowledged ticket is
 * on disk. A failed batch rejects every caller in it; none is half-written.
 */
export function createTicketWriter(prisma: Db, now: () => Date) {
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;

  async function writeBatch(batch: Pending[]): Promise<WrittenTicket[]> {
    const day = chinaDay(now());
    return prisma.$transaction(async (tx) => {
      const counter = await tx.ticketCounter.upsert({
        where: { day },
        create: { day, last: batch.length },
        update: { last: { increment: batch.length } },
      });
      const first = counter.last - batch.length + 1;
      const written = batch.map((_, i) => ({ id: randomUUID(), number: formatTicketNumber(day, first + i) }));
      await tx.ticket.createMany({
        data: batch.map((item, i) => ({ ...item.row, id: written[i]!.id, number: written[i]!.number })),
      });
      await tx.ticketEvent.createMany({
        data: batch.map((item, i) => ({
          ticketId: written[i]!.id,
          type: 'created',
          actor: item.actor,
          toStatus: 'submitted',
          toOfficeId: item.row.officeId,
          note: item.note,
          createdAt: item.row.createdAt,
        })),
      });
      return written;
    });
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const written = await writeBatch(batch);
        for (const [i, item] of batch.entries()) item.resolve(written[i]!);
      } catch (err) {
        for (const item of batch) item.reject(err);
      }
    }
  }

  function schedule(): void {
    if (flushing) return;
    // Wait one tick so callers arriving together share the transaction.
    flushing = new Promise<void>((done) => setImmediate(done)).then(drain).finally(() => {
      flushing = undefined;
      // Something queued between the last loop check and here: go again.
      if (queue.length) schedule();
    });
  }

  return {
    write(row: TicketRow, actor: string, note: string | null): Promise<WrittenTicket> {
      return new Promise<WrittenTicket>((resolve, reject) => {
        queue.push({ row, actor, note, resolve, reject });
        schedule();
      });
    },
    /** Resolves when everything queued so far is written. */
    async settle(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}
