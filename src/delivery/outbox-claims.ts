import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/create-prisma.js';
import { dialectOf } from '../platform/db/sql-dialect.js';

/** How long an attempt may take before another instance may assume its holder died. */
export const OUTBOX_LEASE_MS = 60_000;

const claimable = (at: Date) => ({
  status: 'pending',
  OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }],
});

/**
 * Every delivery attempt claims its outbox row first, with a lease in the row: several instances
 * run the retry worker, and the instance that queued a message tries it at once, so without a
 * claim two of them could send the same row. The claim is one conditional UPDATE (atomic on both
 * engines). Finishing the attempt clears the lease in the same UPDATE that records its outcome,
 * and only while this instance still holds it; an instance that dies mid-delivery leaves a lease
 * that lapses after OUTBOX_LEASE_MS, and then another instance takes the row.
 */
export function createOutboxClaims(prisma: Db, leaseMs = OUTBOX_LEASE_MS) {
  const holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const engine = dialectOf(prisma).engine;

  return {
    holder,

    /** Take one row, if it is pending and nobody holds a live lease on it. */
    async claim(id: string, at: Date): Promise<boolean> {
      const taken = await prisma.outbox.updateMany({
        where: { id, ...claimable(at) },
        data: { leaseHolder: holder, leaseUntil: new Date(at.getTime() + leaseMs) },
      });
      return taken.count === 1;
    },

    /** Take up to `limit` due rows, oldest first; returns their ids. */
    async claimDue(at: Date, limit: number): Promise<string[]> {
      const until = new Date(at.getTime() + leaseMs);
      if (engine === 'postgres') {
        // SKIP LOCKED: instances polling at the same moment take different rows instead of
        // queueing on each other's row locks, and each row goes to one of them.
        const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
          `UPDATE "Outbox" SET "leaseHolder" = $1, "leaseUntil" = $2
           WHERE "id" IN (
             SELECT "id" FROM "Outbox"
             WHERE "status" = 'pending' AND "nextAttemptAt" <= $3 AND ("leaseUntil" IS NULL OR "leaseUntil" < $3)
             ORDER BY "createdAt" LIMIT $4
             FOR UPDATE SKIP LOCKED)
           RETURNING "id"`,
          holder,
          until,
          at,
          limit,
        );
        return rows.map((row) => row.id);
      }
      // SQLite has one writer at a time: the candidates are read, then each claimed as above.
      const due = await prisma.outbox.findMany({
        where: { nextAttemptAt: { lte: at }, ...claimable(at) },
        orderBy: { createdAt: 'asc' },
        take: limit,
        select: { id: true },
      });
      const claimed: string[] = [];
      for (const row of due) if (await this.claim(row.id, at)) claimed.push(row.id);
      return claimed;
    },

    /** Record an attempt's outcome and give the lease back, if this instance still holds it. */
    async finish(id: string, data: Record<string, unknown>): Promise<boolean> {
      const done = await prisma.outbox.updateMany({
        where: { id, leaseHolder: holder },
        data: { ...data, leaseHolder: null, leaseUntil: null },
      });
      return done.count === 1;
    },
  };
}

export type OutboxClaims = ReturnType<typeof createOutboxClaims>;
