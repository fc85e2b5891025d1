import type { Db } from '../platform/db/create-prisma.js';
import type { Handoff } from '../platform/db/db-types.js';
import { type HandoffDeps, view } from './handoff-types.js';
import type { StaffHub } from './staff-hub.js';

export function createRelocation(deps: {
  prisma: Db;
  hub: StaffHub;
  officeFor: HandoffDeps['officeFor'];
  open: (conversationId: string) => Promise<Handoff | null>;
  publishQueue: (
    handoff: Handoff,
    extra?: Record<string, unknown>,
    incoming?: { text: string; at: Date },
  ) => Promise<void>;
}) {
  const { prisma, open, publishQueue } = deps;
  /**
   * The worker named where they work while waiting in a queue chosen without it (the default
   * office's): the chat moves to that area's office, whose consoles see it at once; the old
   * office's consoles drop it. A claimed chat stays with the person who has it.
   */
  return async function relocate(
    conversationId: string,
    regionCode: string,
    incoming?: { text: string; at: Date },
  ): Promise<Handoff | undefined> {
    const handoff = await open(conversationId);
    // A chat staff transferred stays where they sent it.
    if (handoff?.status !== 'waiting' || handoff.regionCode || handoff.transferredAt) return undefined;
    const officeId = await deps.officeFor(conversationId, regionCode, handoff.reason === 'collective');
    if (!officeId) return undefined;
    const moved = await prisma.handoff.updateMany({
      where: { id: handoff.id, status: 'waiting', regionCode: null, transferredAt: null },
      data: { officeId, regionCode },
    });
    if (!moved.count) return undefined;
    const updated = await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    if (officeId !== handoff.officeId) {
      deps.hub.publish(handoff.officeId, { event: 'queue', handoff: { ...view(updated), status: 'moved' } });
    }
    await publishQueue(updated, {}, incoming);
    return updated;
  };
}
