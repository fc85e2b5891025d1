import type { Db } from '../platform/db/create-prisma.js';
import type { Handoff } from '../platform/db/db-types.js';
import { PRIORITY_RANK } from './handoff-types.js';

/** 1-based place among the office's waiting chats (urgent ones first, then by arrival). */
export async function queuePosition(prisma: Db, handoff: Handoff): Promise<number> {
  const waiting = await prisma.handoff.findMany({
    where: { officeId: handoff.officeId, status: 'waiting' },
    select: { id: true, priority: true, createdAt: true },
  });
  const rank = PRIORITY_RANK[handoff.priority] ?? 2;
  const ahead = waiting.filter((other) => {
    const otherRank = PRIORITY_RANK[other.priority] ?? 2;
    return (
      other.id !== handoff.id &&
      (otherRank < rank || (otherRank === rank && other.createdAt <= handoff.createdAt))
    );
  });
  return ahead.length + 1;
}
