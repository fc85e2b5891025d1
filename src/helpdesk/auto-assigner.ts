import type { HandoffService } from '../handoff/handoff-service.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Handoff } from '../platform/db/db-types.js';
import type { DutyRoster } from './duty-roster.js';

const ENDED = new Set(['returned', 'closed', 'withdrawn']);

/**
 * Auto-assignment inside an office: a chat that starts waiting goes to the next staff member of
 * that office on duty with room (round-robin, duty-roster.ts); when someone frees a place (a chat
 * ends) or comes on duty, the office's waiting chats are handed out again, oldest urgent first.
 * Across instances the database decides: a chat becomes a person's only in a claim that counts
 * what they hold in the same statement, under the office's lock on PostgreSQL
 * (handoff/capacity-claim.ts), so two instances never both take the last free place. Inside one
 * process an office's assignments still run one at a time, so that it keeps at most one claim
 * (and one pooled connection) waiting on that lock, and a drain hands out in order.
 */
export function createAutoAssigner(deps: {
  prisma: Db;
  handoffs: Pick<HandoffService, 'assignAuto'>;
  roster: DutyRoster;
  now: () => Date;
}) {
  const queues = new Map<string, Promise<void>>();

  function serialized(officeId: string, work: () => Promise<void>): Promise<void> {
    const previous = queues.get(officeId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(officeId, settled);
    void settled.then(() => {
      if (queues.get(officeId) === settled) queues.delete(officeId);
    });
    return run;
  }

  /** Give one waiting chat to the next free person; false when nobody has room. */
  async function place(handoffId: string, officeId: string): Promise<boolean> {
    const handoff = await deps.prisma.handoff.findUnique({ where: { id: handoffId } });
    if (handoff?.status !== 'waiting' || handoff.officeId !== officeId) return true;
    for (const entry of await deps.roster.free(officeId)) {
      const outcome = await deps.handoffs.assignAuto(
        handoff,
        { id: entry.staffId, displayName: entry.displayName, officeIds: [officeId] },
        entry.capacity,
        () => deps.roster.markAssigned(entry.staffId, deps.now()),
      );
      // `full`: another instance took their last place since the roster was read.
      if (outcome !== 'full') return true;
    }
    return false;
  }

  async function drainNow(officeId: string) {
    const waiting = await deps.prisma.handoff.findMany({
      where: { officeId, status: 'waiting' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, priority: true },
    });
    const rank = (p: string) => (p === 'urgent' ? 0 : p === 'high' ? 1 : 2);
    waiting.sort((a, b) => rank(a.priority) - rank(b.priority));
    for (const item of waiting) if (!(await place(item.id, officeId))) return;
  }

  return {
    /** Hand out an office's waiting chats to whoever has room. */
    drain: (officeId: string) => serialized(officeId, () => drainNow(officeId)),

    /** The queue listener (handoffs.onChange). */
    async onQueueChange(handoff: Handoff): Promise<void> {
      if (handoff.status === 'waiting') {
        await serialized(handoff.officeId, async () => {
          await place(handoff.id, handoff.officeId);
        });
      } else if (ENDED.has(handoff.status) && handoff.claimedById) {
        await serialized(handoff.officeId, () => drainNow(handoff.officeId));
      }
    },
  };
}

export type AutoAssigner = ReturnType<typeof createAutoAssigner>;
