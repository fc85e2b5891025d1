import type { Db } from '../platform/db/create-prisma.js';
import { driverOf } from '../platform/db/database-engine.js';

const PENDING = `SELECT "id" FROM "Outbox" WHERE "status" = 'pending' AND "conversationId" = $1 ORDER BY "createdAt"`;

/**
 * The pending outbox rows of one conversation, oldest first: read on every web chat connect
 * (the flush after `ready`) and nearly always empty, so Prisma's per-call query compilation was
 * most of its cost. Prepared once on SQLite's connection; a named statement on PostgreSQL's pool.
 */
export function createPendingOutboxRead(prisma: Db): (conversationId: string) => Promise<string[]> {
  const driver = driverOf(prisma);
  if (driver.engine === 'postgres') {
    const { pool } = driver;
    return async (conversationId) => {
      const result = await pool.query<{ id: string }>({
        name: 'outbox-pending-of-conversation',
        text: PENDING,
        values: [conversationId],
      });
      return result.rows.map((row) => row.id);
    };
  }
  const statement = driver.connection.db
    .prepare<[string], { id: string }>(PENDING.replace('$1', '?'))
    .safeIntegers(false);
  return async (conversationId) => statement.all(conversationId).map((row) => row.id);
}
