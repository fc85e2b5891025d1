import { createHash } from 'node:crypto';
import type { Db } from '../platform/db/create-prisma.js';
import { dialectOf } from '../platform/db/sql-dialect.js';

/** The first key of the two-key advisory lock: any fixed number, apart from the migration lock's. */
const AUTO_ASSIGN_LOCK = 0x61737367;

/** The office's half of the advisory lock key (a signed 32-bit hash of its id). */
export function officeLockKey(officeId: string): number {
  return createHash('sha1').update(officeId).digest().readInt32BE(0);
}

export interface CapacityClaim {
  handoffId: string;
  officeId: string;
  staffId: string;
  /** The most chats the person may hold once this one is theirs. */
  capacity: number;
  at: Date;
}

/**
 * An automatic claim that holds across instances: the waiting chat becomes `staffId`'s only if it
 * is still waiting in `officeId` and they hold fewer than `capacity` chats, counted in the same
 * statement. On SQLite one statement is one write transaction and the file has one writer at a
 * time (every process), so no other claim lands between the count and the update. On PostgreSQL
 * two statements running side by side each count without the other's row, so the claim first
 * takes the office's transaction-scoped advisory lock: one office's automatic claims commit one
 * after another on every instance, each counting what the one before committed. The lock and the
 * update are one batch on one pooled connection, which waits for nothing else from the pool.
 */
export function createCapacityClaim(prisma: Db) {
  const dialect = dialectOf(prisma);
  const p = (n: number) => dialect.param(n);
  // One placeholder per value in order (SQLite's `?` cannot name the same value twice).
  const update = `UPDATE "Handoff" SET "status" = 'claimed', "claimedById" = ${p(1)}, "claimedAt" = ${p(2)}, "updatedAt" = ${p(3)}
    WHERE "id" = ${p(4)} AND "officeId" = ${p(5)} AND "status" = 'waiting'
      AND (SELECT COUNT(*) FROM "Handoff" AS "held" WHERE "held"."claimedById" = ${p(6)} AND "held"."status" = 'claimed') < ${
        dialect.engine === 'postgres' ? `${p(7)}::int` : p(7)
      }`;

  /** True when the chat is now theirs; false when it was gone or they were full. */
  return async function claimWithinCapacity(claim: CapacityClaim): Promise<boolean> {
    const at = dialect.value(claim.at);
    const values = [claim.staffId, at, at, claim.handoffId, claim.officeId, claim.staffId, claim.capacity];
    if (dialect.engine === 'sqlite') return (await prisma.$executeRawUnsafe(update, ...values)) === 1;
    const [, won] = await prisma.$transaction([
      prisma.$executeRawUnsafe(
        'SELECT pg_advisory_xact_lock($1::int, $2::int)',
        AUTO_ASSIGN_LOCK,
        officeLockKey(claim.officeId),
      ),
      prisma.$executeRawUnsafe(update, ...values),
    ]);
    return won === 1;
  };
}
